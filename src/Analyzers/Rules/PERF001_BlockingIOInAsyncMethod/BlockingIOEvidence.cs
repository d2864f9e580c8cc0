using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Decides whether a synchronous call does blocking I/O, from what it is rather than from its name: a member of a
/// framework or client-library type that does I/O (streams, readers and writers, <c>File</c>, <c>Directory</c>,
/// sockets, <c>HttpClient</c>, <c>DbConnection</c>/<c>DbCommand</c>/<c>DbDataReader</c>, EF Core, Dapper, …), a
/// library call handed such a stream, or an application method whose own body (followed a few calls deep) does such
/// I/O. An <c>…Async</c> sibling alone is no evidence. Each application method is judged once per compilation.
/// </summary>
internal sealed partial class BlockingIOEvidence
{
    /// <summary>How many application methods deep a body is followed looking for I/O.</summary>
    private const int MaxCallDepth = 3;

    /// <summary>Framework types whose members (and whose subclasses' members) do I/O or block on it.</summary>
    private static readonly string[] IoTypeNames =
    {
        "System.IO.Stream", "System.IO.TextReader", "System.IO.TextWriter", "System.IO.BinaryReader", "System.IO.BinaryWriter",
        "System.IO.File", "System.IO.Directory", "System.IO.FileSystemInfo", "System.IO.RandomAccess",
        "System.IO.Compression.ZipFile", "System.IO.Compression.ZipArchive", "System.IO.Compression.ZipArchiveEntry",
        "System.IO.Compression.ZipFileExtensions",
        "System.Net.Http.HttpMessageInvoker", "System.Net.Http.HttpContent",
        "System.Net.Sockets.Socket", "System.Net.Sockets.TcpClient", "System.Net.Sockets.UdpClient", "System.Net.Sockets.TcpListener",
        "System.Net.WebClient", "System.Net.WebRequest", "System.Net.WebResponse", "System.Net.Dns",
        "System.Data.Common.DbConnection", "System.Data.Common.DbCommand", "System.Data.Common.DbDataReader",
        "System.Data.Common.DbTransaction", "System.Data.Common.DbDataAdapter", "System.Data.Common.DbBatch",
        "System.Data.IDbConnection", "System.Data.IDbCommand", "System.Data.IDataReader", "System.Data.IDbTransaction",
        "System.Diagnostics.Process", "System.Threading.SemaphoreSlim",
    };

    /// <summary>Streams, readers and writers: a library call handed one of these reads or writes through it.</summary>
    private static readonly string[] StreamTypeNames =
    {
        "System.IO.Stream", "System.IO.TextReader", "System.IO.TextWriter", "System.IO.BinaryReader", "System.IO.BinaryWriter",
    };

    /// <summary>
    /// Root namespaces of data-access and network client libraries whose synchronous calls go to a database, a
    /// broker or a remote service.
    /// </summary>
    private static readonly HashSet<string> IoLibraryNamespaces = new(System.StringComparer.Ordinal)
    {
        "Microsoft.EntityFrameworkCore", "Dapper", "Npgsql", "MySqlConnector", "MySql.Data", "Microsoft.Data.SqlClient", "System.Data.SqlClient",
        "Oracle.ManagedDataAccess", "StackExchange.Redis", "MongoDB.Driver", "RabbitMQ.Client", "Confluent.Kafka", "Azure.Storage",
        "Azure.Messaging", "Azure.Data", "Microsoft.Azure.Cosmos", "Amazon.S3", "Amazon.SQS", "Amazon.SimpleNotificationService",
        "Amazon.DynamoDBv2", "MailKit", "Renci.SshNet", "FluentFTP", "Minio", "NATS.Client", "Elastic.Clients.Elasticsearch", "Nest",
    };

    private readonly Compilation _compilation;
    private readonly ImmutableArray<INamedTypeSymbol> _ioTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _streamTypes;
    private readonly System.Func<IOperation, bool> _isInMemory;
    private readonly ConcurrentDictionary<IMethodSymbol, Verdict> _methods = new(SymbolEqualityComparer.Default);

    public BlockingIOEvidence(WellKnownTypeProvider types, System.Func<IOperation, bool> isInMemory)
    {
        _compilation = types.Compilation;
        _ioTypes = Resolve(types, IoTypeNames);
        _streamTypes = Resolve(types, StreamTypeNames);
        _isInMemory = isInMemory;
    }

    private enum Verdict
    {
        /// <summary>The body does I/O.</summary>
        DoesIO,

        /// <summary>The body does work, none of it I/O (it enqueues, computes, copies memory).</summary>
        NoIO,

        /// <summary>No body to judge: abstract, interface, extern, or a placeholder that calls nothing.</summary>
        Unknown,
    }

    /// <summary>
    /// True when the call does blocking I/O. <paramref name="counterpart"/> is the awaitable sibling the call would be
    /// replaced with: when it is the application's own and merely runs the synchronous method (<c>ReadAsync</c> that
    /// returns <c>Task.FromResult(Read(…))</c>), awaiting it blocks all the same, so the call is not reported.
    /// </summary>
    public bool IsBlockingIO(IInvocationOperation invocation, IMethodSymbol counterpart, CancellationToken cancellationToken)
    {
        var method = invocation.TargetMethod;
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (!IsSource(definition))
        {
            return IsIOMember(invocation);
        }

        if (CounterpartWrapsSync(counterpart, definition, cancellationToken))
        {
            return false;
        }

        // An application method: judged by what its body does. One without a body to judge (an interface or abstract
        // member, or a placeholder that calls nothing) keeps the older evidence of a matching awaitable sibling.
        return Judge(definition, MaxCallDepth, cancellationToken) != Verdict.NoIO;
    }

    private Verdict Judge(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        if (_methods.TryGetValue(method, out var known))
        {
            return known;
        }

        // Provisional answer while the body is being judged: a recursive call adds no evidence.
        _methods.TryAdd(method, Verdict.Unknown);
        var verdict = JudgeBody(method, depth, cancellationToken);
        if (depth == MaxCallDepth || verdict == Verdict.DoesIO)
        {
            // Only a verdict reached with the full depth (or a positive one) is kept for later callers.
            _methods[method] = verdict;
        }
        else
        {
            _methods.TryRemove(method, out _);
        }

        return verdict;
    }

    private Verdict JudgeBody(IMethodSymbol method, int depth, CancellationToken cancellationToken)
    {
        var sawCall = false;
        foreach (var body in Bodies(method, cancellationToken))
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IInvocationOperation call:
                        sawCall = true;
                        if (CallDoesIO(call, depth, cancellationToken))
                        {
                            return Verdict.DoesIO;
                        }

                        break;
                    case IObjectCreationOperation { Type: var created } when !IsExceptionCreation(operation):
                        sawCall = true;
                        if (IsIOType(created) || IsIOLibrary(created))
                        {
                            return Verdict.DoesIO;
                        }

                        break;
                    case IForEachLoopOperation { Collection: var collection } when IsIOLibrary(OperationValues.WithoutConversions(collection).Type):
                        return Verdict.DoesIO;
                }
            }
        }

        return sawCall ? Verdict.NoIO : Verdict.Unknown;
    }

    /// <summary>True when a LINQ source is, or is built from, a value of a data-access library (<c>db.Orders.Where(…)</c>).</summary>
    private static bool IsRootedInIOLibrary(IOperation source)
    {
        for (var step = 0; step < 16; step++)
        {
            source = OperationValues.WithoutConversions(source);
            if (IsIOLibrary(source.Type))
            {
                return true;
            }

            switch (source)
            {
                case IInvocationOperation { Instance: { } instance }:
                    source = instance;
                    break;
                case IInvocationOperation { Arguments.Length: > 0 } call:
                    source = call.Arguments[0].Value;
                    break;
                case IPropertyReferenceOperation { Instance: { } owner }:
                    source = owner;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    private bool CallDoesIO(IInvocationOperation call, int depth, CancellationToken cancellationToken)
    {
        var target = (call.TargetMethod.ReducedFrom ?? call.TargetMethod).OriginalDefinition;
        if (!IsSource(target))
        {
            if (call.Instance is { } instance && _isInMemory(instance))
            {
                return false;
            }

            // Any member of an I/O type or library, or a LINQ operator over a query rooted in one (ToList over a DbSet).
            return IsIOMember(call) || (call.Arguments.Length > 0 && IsRootedInIOLibrary(call.Arguments[0].Value));
        }

        return depth > 1 && Judge(target, depth - 1, cancellationToken) == Verdict.DoesIO;
    }

    private static bool IsExceptionCreation(IOperation creation) => creation.Parent is IThrowOperation
        || (creation.Parent is IConversionOperation { Parent: IThrowOperation });

    private static bool IsSource(ISymbol symbol) => symbol.Locations.Length > 0 && symbol.Locations[0].IsInSource;

    private static bool IsDerivedFromAny(ITypeSymbol? type, ImmutableArray<INamedTypeSymbol> bases)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Contains(bases, current.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(ImmutableArray<INamedTypeSymbol> types, ITypeSymbol type)
    {
        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, type))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<INamedTypeSymbol> Resolve(WellKnownTypeProvider types, string[] names)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>(names.Length);
        foreach (var name in names)
        {
            if (types.Get(name) is { } type)
            {
                builder.Add(type);
            }
        }

        return builder.ToImmutable();
    }
}
