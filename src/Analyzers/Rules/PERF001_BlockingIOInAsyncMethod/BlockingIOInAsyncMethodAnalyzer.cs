using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF001: a synchronous call with an awaitable counterpart (<c>File.ReadAllText</c> → <c>File.ReadAllTextAsync</c>,
/// an EF Core <c>ToList</c> → <c>ToListAsync</c>, Dapper <c>Query</c> → <c>QueryAsync</c>, …) inside async code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingIOInAsyncMethodAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the counterpart's name.</summary>
    public const string CounterpartKey = "Counterpart";

    /// <summary>Diagnostic property: which rewrite applies (one of the <c>Kind*</c> values).</summary>
    public const string KindKey = "Kind";

    /// <summary>A call whose counterpart has the same receiver and arguments.</summary>
    public const string KindMember = "Member";

    /// <summary>An EF Core query operator whose counterpart is an <c>EntityFrameworkQueryableExtensions</c> method.</summary>
    public const string KindEfQuery = "EfQuery";

    /// <summary>A <c>foreach</c> over an EF Core query.</summary>
    public const string KindEfForeach = "EfForeach";

    /// <summary>The collection of a <c>foreach</c> whose counterpart is an <c>IAsyncEnumerable</c> (<c>File.ReadLines</c>).</summary>
    public const string KindAsyncStream = "AsyncStream";

    private const string EfExtensionsName = "global::Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions";

    /// <summary>Query operators that execute an EF Core query and have an <c>EntityFrameworkQueryableExtensions</c> counterpart.</summary>
    private static readonly HashSet<string> s_efExecutingOperators = new(System.StringComparer.Ordinal)
    {
        "ToList", "ToArray", "ToDictionary", "ToHashSet", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault",
        "Count", "LongCount", "Any", "All", "Contains", "Sum", "Min", "Max", "Average", "ElementAt", "ElementAtOrDefault",
    };

    /// <summary>
    /// Names never reported: <c>Dispose</c>/<c>Close</c> are resource release (a different concern); <c>Add</c>/<c>AddRange</c>
    /// (EF Core) and <c>CreateDbContext</c> have async versions only for special cases; <c>DbDataReader.GetFieldValue</c>
    /// and <c>IsDBNull</c> read the buffered row (their async versions only help with sequential access).
    /// </summary>
    private static readonly HashSet<string> s_excludedNames = new(System.StringComparer.Ordinal)
    {
        "Dispose", "Close", "Add", "AddRange", "CreateDbContext", "GetFieldValue", "IsDBNull",
    };

    /// <summary>Host lifetime calls: <c>app.Run()</c> at the end of Program.cs blocks the main thread, not a pool thread.</summary>
    private static readonly HashSet<string> s_hostLifetimeNames = new(System.StringComparer.Ordinal)
    {
        "Run", "Start", "Stop", "WaitForShutdown",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.BlockingIOInAsyncMethod);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName("System.Threading.Tasks.Task") is not { } task)
            {
                return;
            }

            var rule = new Rule(start.Compilation, task);
            start.RegisterOperationAction(rule.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(rule.AnalyzeLoop, OperationKind.Loop);
        });
    }

    private sealed class Rule
    {
        private readonly AsyncCounterpartFinder _finder;
        private readonly BlockingIOEvidence _evidence;
        private readonly Compilation _compilation;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<IPropertySymbol, bool> _excludedProperties = new(SymbolEqualityComparer.Default);
        private readonly EfQuerySource? _ef;
        private readonly INamedTypeSymbol? _enumerable;
        private readonly INamedTypeSymbol? _queryable;
        private readonly INamedTypeSymbol? _console;
        private readonly INamedTypeSymbol? _file;
        private readonly INamedTypeSymbol? _semaphoreSlim;
        private readonly INamedTypeSymbol? _timeSpan;
        private readonly ImmutableArray<INamedTypeSymbol> _excludedContainingTypes;
        private readonly ImmutableArray<INamedTypeSymbol> _inMemoryReceivers;

        public Rule(Compilation compilation, INamedTypeSymbol task)
        {
            _finder = new AsyncCounterpartFinder(compilation, task);
            _ef = EfQuerySource.Create(compilation);
            _enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            _queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
            _console = compilation.GetTypeByMetadataName("System.Console");
            _file = compilation.GetTypeByMetadataName("System.IO.File");
            _semaphoreSlim = compilation.GetTypeByMetadataName("System.Threading.SemaphoreSlim");
            _timeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");

            // Blocking on tasks is PERF002's concern; CancellationTokenSource.Cancel is not I/O.
            _excludedContainingTypes = Resolve(compilation,
                "System.Threading.Tasks.Task", "System.Threading.Tasks.Task`1", "System.Threading.Tasks.ValueTask", "System.Threading.Tasks.ValueTask`1",
                "System.Threading.Thread", "System.Threading.CancellationTokenSource", "System.Console");

            // No real I/O behind these.
            _inMemoryReceivers = Resolve(compilation, "System.IO.MemoryStream", "System.IO.StringReader", "System.IO.StringWriter", "System.Buffers.ArrayBufferWriter`1");
            _evidence = new BlockingIOEvidence(compilation, IsExcludedOperand);
            _compilation = compilation;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var name = method.Name;
            if (name.EndsWith("Async", System.StringComparison.Ordinal)
                || s_excludedNames.Contains(name)
                || _finder.TryGetAwaitedType(method.ReturnType, out _)
                || invocation.Syntax is not InvocationExpressionSyntax syntax
                || GetNameToken(syntax) is not { } nameToken)
            {
                return;
            }

            var containingType = method.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(containingType, _enumerable) || SymbolEqualityComparer.Default.Equals(containingType, _queryable))
            {
                AnalyzeQueryOperator(context, invocation, syntax, nameToken);
                return;
            }

            var definition = (method.ReducedFrom ?? method).OriginalDefinition;
            if (_finder.Find(definition) is null
                || AsyncContext.FindAsyncFunction(invocation, context.ContainingSymbol, out _) is not { } function
                || IsExcluded(invocation, method)
                || BindCounterpart(invocation, syntax, definition, function) is not { } counterpart
                || !_evidence.IsBlockingIO(invocation, counterpart, context.CancellationToken))
            {
                return;
            }

            Report(context, nameToken.GetLocation(), KindMember, Describe(method), Describe(counterpart), counterpart.Name);
        }

        public void AnalyzeLoop(OperationAnalysisContext context)
        {
            if (context.Operation is not IForEachLoopOperation { IsAsynchronous: false } loop
                || loop.Syntax is not ForEachStatementSyntax foreachSyntax)
            {
                return;
            }

            var collection = OperationValues.WithoutImplicitConversions(loop.Collection);
            if (_ef is not null && _ef.IsQueryable(collection.Type) && _ef.IsEfQuery(collection))
            {
                if (AsyncContext.FindAsyncFunction(loop, context.ContainingSymbol, out _) is not null)
                {
                    Report(context, foreachSyntax.Expression.GetLocation(), KindEfForeach, "foreach", "await ToListAsync", "ToListAsync");
                }

                return;
            }

            // File.ReadLines has an IAsyncEnumerable counterpart: `await foreach` over File.ReadLinesAsync.
            if (collection is IInvocationOperation { TargetMethod: { Name: "ReadLines", IsStatic: true } readLines } invocation
                && SymbolEqualityComparer.Default.Equals(readLines.ContainingType, _file)
                && invocation.Syntax is InvocationExpressionSyntax syntax
                && GetNameToken(syntax) is { } nameToken
                && AsyncContext.FindAsyncFunction(loop, context.ContainingSymbol, out _) is not null
                && BindSpeculatively(invocation, syntax, Rename(syntax, "ReadLinesAsync")) is { } counterpart
                && counterpart.ReturnType is INamedTypeSymbol { Name: "IAsyncEnumerable", IsGenericType: true })
            {
                Report(context, nameToken.GetLocation(), KindAsyncStream, "File.ReadLines", "File.ReadLinesAsync", "ReadLinesAsync");
            }
        }

        private void AnalyzeQueryOperator(OperationAnalysisContext context, IInvocationOperation invocation, InvocationExpressionSyntax syntax, SyntaxToken nameToken)
        {
            var method = invocation.TargetMethod;
            if (_ef is null
                || !s_efExecutingOperators.Contains(method.Name)
                || invocation.Arguments.Length == 0
                || syntax.Expression is not MemberAccessExpressionSyntax memberAccess)
            {
                return;
            }

            var source = invocation.Arguments[0].Value;
            if (!_ef.IsQueryable(OperationValues.WithoutImplicitConversions(source).Type)
                || AsyncContext.FindAsyncFunction(invocation, context.ContainingSymbol, out _) is null
                || !_ef.IsEfQuery(source))
            {
                return;
            }

            // Prove the EF Core operator exists for these arguments: bind the static form, which needs no using directive.
            var counterpartName = method.Name + "Async";
            var staticForm = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseExpression(EfExtensionsName),
                    RenameSimpleName(memberAccess.Name, counterpartName)),
                syntax.ArgumentList.WithArguments(syntax.ArgumentList.Arguments.Insert(0, SyntaxFactory.Argument(memberAccess.Expression))));
            if (BindSpeculatively(invocation, syntax, staticForm) is not { } counterpart
                || !SymbolEqualityComparer.Default.Equals(counterpart.ContainingType, _ef.EfExtensions)
                || !_finder.TryGetAwaitedType(counterpart.ReturnType, out var awaited)
                || awaited is null
                || !SymbolEqualityComparer.Default.Equals(awaited, method.ReturnType))
            {
                return;
            }

            Report(context, nameToken.GetLocation(), KindEfQuery, method.Name, counterpartName, counterpartName);
        }

        private IMethodSymbol? BindCounterpart(IInvocationOperation invocation, InvocationExpressionSyntax syntax, IMethodSymbol definition, IMethodSymbol function)
        {
            if (BindSpeculatively(invocation, syntax, Rename(syntax, definition.Name + "Async")) is not { } bound)
            {
                return null;
            }

            var boundDefinition = (bound.ReducedFrom ?? bound).OriginalDefinition;
            if (!_finder.Fits(definition, boundDefinition) || IsSameOrOverridden(function, boundDefinition))
            {
                return null;
            }

            // The awaited result is what the call returned.
            var method = invocation.TargetMethod;
            if (!_finder.TryGetAwaitedType(bound.ReturnType, out var awaited)
                || (method.ReturnsVoid ? awaited is not null : awaited is null || !SymbolEqualityComparer.Default.Equals(awaited, method.ReturnType)))
            {
                return null;
            }

            // Every argument the call passes lands on a parameter of the same name and type.
            var parameters = bound.Parameters;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit
                    || argument.Parameter is not { } parameter
                    || (bound.ReducedFrom is not null && parameter.Ordinal == 0 && method.IsExtensionMethod))
                {
                    continue;
                }

                var matched = false;
                foreach (var candidate in parameters)
                {
                    if (candidate.Name == parameter.Name
                        && (SymbolEqualityComparer.Default.Equals(candidate.Type, parameter.Type) || AsyncCounterpartFinder.IsMemoryForSpan(parameter.Type, candidate.Type)))
                    {
                        matched = true;
                        break;
                    }
                }

                if (!matched)
                {
                    return null;
                }
            }

            return bound;
        }

        private bool IsExcluded(IInvocationOperation invocation, IMethodSymbol method)
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
            if (IsInNamespace(containingType, "Xml", "System"))
            {
                return true;
            }

            if (s_hostLifetimeNames.Contains(method.Name)
                && (IsInNamespace(containingType, "Hosting", "Extensions", "Microsoft") || IsInNamespace(containingType, "Builder", "AspNetCore", "Microsoft")))
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

        private bool IsExcludedOperand(IOperation operand) => IsExcludedOperand(operand, wrappersToFollow: 8);

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
        /// True when every getter in the compilation behind <paramref name="property"/> (its own, or the implementations of
        /// an interface property) returns only values that do no I/O: console streams, in-memory streams and writers
        /// over them, directly or through the field the getter fills. Judged once per property.
        /// </summary>
        private bool IsExcludedProperty(IPropertySymbol property, int wrappersToFollow)
        {
            if (_excludedProperties.TryGetValue(property, out var known))
            {
                return known;
            }

            _excludedProperties.TryAdd(property, false); // a getter reached again while judging adds nothing
            var candidates = new List<IPropertySymbol>();
            if (property.ContainingType.TypeKind == TypeKind.Interface)
            {
                foreach (var symbol in _compilation.GetSymbolsWithName(property.Name, SymbolFilter.Member))
                {
                    if (symbol is IPropertySymbol implementation
                        && SymbolEqualityComparer.Default.Equals(implementation.ContainingType.FindImplementationForInterfaceMember(property), implementation))
                    {
                        candidates.Add(implementation);
                    }
                }
            }
            else if (property.GetMethod is { DeclaringSyntaxReferences.Length: > 0 })
            {
                candidates.Add(property);
            }

            var result = candidates.Count > 0;
            foreach (var candidate in candidates)
            {
                if (!GetterReturnsOnlyExcluded(candidate, wrappersToFollow))
                {
                    result = false;
                    break;
                }
            }

            _excludedProperties[property] = result;
            return result;
        }

        private static bool ContainsSymbol(List<IFieldSymbol> fields, IFieldSymbol field)
        {
            foreach (var candidate in fields)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, field))
                {
                    return true;
                }
            }

            return false;
        }

        private bool GetterReturnsOnlyExcluded(IPropertySymbol property, int wrappersToFollow)
        {
            if (property.GetMethod is not { DeclaringSyntaxReferences: { Length: 1 } references })
            {
                return false;
            }

            var syntax = references[0].GetSyntax();
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree)
                || _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax) is not { } body)
            {
                return false;
            }

            var returned = new List<IOperation>();
            var fields = new List<IFieldSymbol>();
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IReturnOperation { ReturnedValue: { } value })
                {
                    if (OperationValues.WithoutConversions(value) is IFieldReferenceOperation { Field: var field })
                    {
                        fields.Add(field);
                    }
                    else if (OperationValues.WithoutConversions(value) is ICoalesceOperation { Value: IFieldReferenceOperation { Field: var cached }, WhenNull: var created })
                    {
                        fields.Add(cached);
                        returned.Add(created);
                    }
                    else if (OperationValues.WithoutConversions(value) is ICoalesceAssignmentOperation { Target: IFieldReferenceOperation { Field: var filled }, Value: var made })
                    {
                        fields.Add(filled);
                        returned.Add(made);
                    }
                    else
                    {
                        returned.Add(value);
                    }
                }
            }

            // `_stdErr ??= new StreamWriter(…)` or `if (_stdErr == null) _stdErr = new StreamWriter(…)`: what the field is given.
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IAssignmentOperation { Target: IFieldReferenceOperation { Field: var assigned }, Value: var value }
                    && ContainsSymbol(fields, assigned))
                {
                    returned.Add(value);
                }
            }

            if (returned.Count == 0)
            {
                return false;
            }

            foreach (var value in returned)
            {
                if (!IsExcludedOperand(value, wrappersToFollow))
                {
                    return false;
                }
            }

            return true;
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
            IsInNamespace(type, "Sqlite", "Data", "Microsoft") || IsInNamespace(type, "SQLite", "Data", "System");

        private static bool IsInNamespace(ITypeSymbol type, params string[] reversedNames)
        {
            var ns = type.ContainingNamespace;
            foreach (var name in reversedNames)
            {
                if (ns is null || ns.Name != name)
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
            }

            return ns is { IsGlobalNamespace: true };
        }

        /// <summary>
        /// True when awaiting the counterpart could call the enclosing function itself: the same name on the same type
        /// or a base type (any overload: the fix may pick the one taking a token), or a method it overrides.
        /// </summary>
        private static bool IsSameOrOverridden(IMethodSymbol function, IMethodSymbol counterpart)
        {
            if (function.Name == counterpart.Name)
            {
                for (var type = function.ContainingType?.OriginalDefinition; type is not null; type = type.BaseType?.OriginalDefinition)
                {
                    if (SymbolEqualityComparer.Default.Equals(type, counterpart.ContainingType.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            for (var current = function; current is not null; current = current.OverriddenMethod)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, counterpart))
                {
                    return true;
                }
            }

            return false;
        }

        private static IMethodSymbol? BindSpeculatively(IOperation operation, InvocationExpressionSyntax original, ExpressionSyntax? rewritten)
        {
            if (rewritten is null || operation.SemanticModel is not { } model)
            {
                return null;
            }

            var info = model.GetSpeculativeSymbolInfo(original.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression);
            return info.Symbol as IMethodSymbol;
        }

        private static void Report(OperationAnalysisContext context, Location location, string kind, string call, string replacement, string counterpartName)
        {
            var properties = ImmutableDictionary.CreateRange(new[]
            {
                new KeyValuePair<string, string?>(KindKey, kind),
                new KeyValuePair<string, string?>(CounterpartKey, counterpartName),
            });
            context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.BlockingIOInAsyncMethod, location, properties, call, replacement));
        }

        private static string Describe(IMethodSymbol method) =>
            method.IsExtensionMethod || method.MethodKind == MethodKind.ReducedExtension ? method.Name : method.ContainingType.Name + "." + method.Name;

        private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, params string[] names)
        {
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>(names.Length);
            foreach (var name in names)
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    builder.Add(type);
                }
            }

            return builder.ToImmutable();
        }
    }

    /// <summary>The invoked method's name token: <c>ReadAllText</c> in <c>File.ReadAllText(p)</c>.</summary>
    internal static SyntaxToken? GetNameToken(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier,
        SimpleNameSyntax name => name.Identifier,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier,
        _ => null,
    };

    /// <summary>The same call with the method renamed, or null for shapes that cannot be rebound on their own (<c>a?.M()</c>).</summary>
    internal static InvocationExpressionSyntax? Rename(InvocationExpressionSyntax invocation, string newName) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax memberAccess => invocation.WithExpression(memberAccess.WithName(RenameSimpleName(memberAccess.Name, newName))),
        SimpleNameSyntax name => invocation.WithExpression(RenameSimpleName(name, newName)),
        _ => null,
    };

    internal static SimpleNameSyntax RenameSimpleName(SimpleNameSyntax name, string newName) =>
        name.WithIdentifier(SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, newName, name.Identifier.TrailingTrivia));
}
