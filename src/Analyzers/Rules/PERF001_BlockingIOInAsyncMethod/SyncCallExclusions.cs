using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF001: synchronous calls that have an async counterpart but are not reported: task and thread APIs (PERF002's
/// concern), XML readers and writers, host lifetime calls, SQLite, in-memory streams and readers over them, and
/// <c>SemaphoreSlim.Wait(0)</c>.
/// </summary>
internal sealed partial class SyncCallExclusions
{
    /// <summary>Host lifetime calls: <c>app.Run()</c> at the end of Program.cs blocks the main thread, not a pool thread.</summary>
    private static readonly HashSet<string> HostLifetimeNames = new(System.StringComparer.Ordinal)
    {
        "Run", "Start", "Stop", "WaitForShutdown",
    };

    private readonly Compilation _compilation;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IPropertySymbol, bool> _excludedProperties = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol? _console;
    private readonly INamedTypeSymbol? _semaphoreSlim;
    private readonly INamedTypeSymbol? _timeSpan;
    private readonly ImmutableArray<INamedTypeSymbol> _excludedContainingTypes;
    private readonly ImmutableArray<INamedTypeSymbol> _inMemoryReceivers;

    public SyncCallExclusions(WellKnownTypeProvider types)
    {
        _compilation = types.Compilation;
        _console = types.Get("System.Console");
        _semaphoreSlim = types.Get("System.Threading.SemaphoreSlim");
        _timeSpan = types.Get("System.TimeSpan");

        // Blocking on tasks is PERF002's concern; CancellationTokenSource.Cancel is not I/O.
        _excludedContainingTypes = Resolve(types,
            "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1", "System.Threading.Tasks.ValueTask", "System.Threading.Tasks.ValueTask`1",
            "System.Threading.Thread", "System.Threading.CancellationTokenSource", "System.Console");

        // No real I/O behind these.
        _inMemoryReceivers = Resolve(types, "System.IO.MemoryStream", "System.IO.StringReader", "System.IO.StringWriter", "System.Buffers.ArrayBufferWriter`1");
    }

    public bool IsExcluded(IInvocationOperation invocation, IMethodSymbol method)
    {
        var containingType = method.ContainingType.OriginalDefinition;
        foreach (var excluded in _excludedContainingTypes)
        {
            if (SymbolEqualityComparer.Default.Equals(containingType, excluded))
            {
                return true;
            }
        }

        // XmlReader/XmlWriter async methods throw unless the instance was created with Async = true.
        if (SymbolRelations.IsInNamespace(containingType, "System.Xml"))
        {
            return true;
        }

        if (HostLifetimeNames.Contains(method.Name)
            && (SymbolRelations.IsInNamespace(containingType, "Microsoft.Extensions.Hosting") || SymbolRelations.IsInNamespace(containingType, "Microsoft.AspNetCore.Builder")))
        {
            return true;
        }

        if (invocation.Instance is { } instance && IsExcludedOperand(instance))
        {
            return true;
        }

        // A static call on an in-memory stream (JsonSerializer.Serialize(memoryStream, …), or an extension method on
        // one) does no I/O either; an instance call copying into one (file.CopyTo(memoryStream)) still reads the file.
        if (method.IsStatic)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (IsExcludedOperand(argument.Value))
                {
                    return true;
                }
            }
        }

        if (IsSqlite(containingType))
        {
            return true;
        }

        // SemaphoreSlim.Wait(0) only tests the count; it never blocks.
        if (method.Name == "Wait"
            && SymbolEqualityComparer.Default.Equals(containingType, _semaphoreSlim)
            && invocation.Arguments.Length > 0
            && IsZero(invocation.Arguments[0].Value))
        {
            return true;
        }

        return false;
    }

    /// <summary>True when the operand does no I/O: the console, in-memory streams, readers and writers over them.</summary>
    public bool IsExcludedOperand(IOperation operand) => IsExcludedOperand(operand, wrappersToFollow: 8);

    private bool IsExcludedOperand(IOperation operand, int wrappersToFollow)
    {
        operand = OperationValues.WithoutImplicitConversions(operand);
        if (operand is IPropertyReferenceOperation { Property.IsStatic: true } property
            && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _console))
        {
            return true;
        }

        // Console.OpenStandardOutput() / OpenStandardError() / OpenStandardInput(): the console, as a stream.
        if (operand is IInvocationOperation { TargetMethod.IsStatic: true } consoleCall
            && SymbolEqualityComparer.Default.Equals(consoleCall.TargetMethod.ContainingType, _console))
        {
            return true;
        }

        // An application property that hands out such a writer (`context.Streams.Error`, whose getter returns a
        // `new StreamWriter(Console.OpenStandardError())` kept in a field), also through an interface.
        if (wrappersToFollow > 0
            && operand is IPropertyReferenceOperation { Property: { IsStatic: false, Parameters.Length: 0 } applicationProperty }
            && IsExcludedProperty(applicationProperty, wrappersToFollow - 1))
        {
            return true;
        }

        for (var type = operand.Type; type is not null; type = type.BaseType)
        {
            foreach (var inMemory in _inMemoryReceivers)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, inMemory))
                {
                    return true;
                }
            }

            if (IsSqlite(type))
            {
                return true;
            }
        }

        // A reader, writer or archive over an in-memory stream (`new StreamReader(memoryStream)`, `new
        // Utf8JsonWriter(bufferWriter)`, an entry of a `new ZipArchive(memoryStream)`), directly or through the
        // locals they were stored in, does no I/O either.
        return wrappersToFollow > 0
            && WrappedStream(operand) is { } inner
            && IsExcludedOperand(inner, wrappersToFollow - 1);
    }

    /// <summary>
    /// What the operand was made from: the local's initializer, the first constructor argument of <c>new X(stream, …)</c>,
    /// or the receiver of an instance call (<c>entry.Open()</c>, <c>archive.CreateEntry(…)</c>).
    /// </summary>
    private static IOperation? WrappedStream(IOperation operand) => operand switch
    {
        ILocalReferenceOperation => OperationValues.InitializerOf(operand) is { } initializer ? OperationValues.WithoutConversions(initializer) : null,
        IObjectCreationOperation { Arguments.Length: > 0 } creation => creation.Arguments[0].Value,
        IInvocationOperation { Instance: { } receiver } => receiver,
        _ => null,
    };

    private bool IsZero(IOperation value)
    {
        value = OperationValues.WithoutImplicitConversions(value);
        if (value.ConstantValue is { HasValue: true, Value: int number })
        {
            return number == 0;
        }

        return value is IFieldReferenceOperation { Field.Name: "Zero" } field
            && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _timeSpan);
    }

    /// <summary>Microsoft.Data.Sqlite and System.Data.SQLite implement their async methods synchronously.</summary>
    private static bool IsSqlite(ITypeSymbol type) =>
        SymbolRelations.IsInNamespace(type, "Microsoft.Data.Sqlite") || SymbolRelations.IsInNamespace(type, "System.Data.SQLite");

    private static ImmutableArray<INamedTypeSymbol> Resolve(WellKnownTypeProvider types, params string[] names)
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
