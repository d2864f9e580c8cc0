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
    private static readonly HashSet<string> EfExecutingOperators = new(System.StringComparer.Ordinal)
    {
        "ToList", "ToArray", "ToDictionary", "ToHashSet", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault",
        "Count", "LongCount", "Any", "All", "Contains", "Sum", "Min", "Max", "Average", "ElementAt", "ElementAtOrDefault",
    };

    /// <summary>
    /// Names never reported: <c>Dispose</c>/<c>Close</c> are resource release (a different concern); <c>Add</c>/<c>AddRange</c>
    /// (EF Core) and <c>CreateDbContext</c> have async versions only for special cases; <c>DbDataReader.GetFieldValue</c>
    /// and <c>IsDBNull</c> read the buffered row (their async versions only help with sequential access).
    /// </summary>
    private static readonly HashSet<string> ExcludedNames = new(System.StringComparer.Ordinal)
    {
        "Dispose", "Close", "Add", "AddRange", "CreateDbContext", "GetFieldValue", "IsDBNull",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.BlockingIOInAsyncMethod);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = WellKnownTypeProvider.GetOrCreate(start.Compilation);
            if (types.Get("System.Threading.Tasks.Task") is not { } task)
            {
                return;
            }

            var rule = new Rule(types, task);
            start.RegisterOperationAction(rule.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(rule.AnalyzeLoop, OperationKind.Loop);
        });
    }

    private sealed class Rule
    {
        private readonly AsyncCounterpartFinder _finder;
        private readonly INamedTypeSymbol? _enumerable;
        private readonly INamedTypeSymbol? _queryable;
        // Built when the first candidate needs them, not when the rule starts on a compilation: the exclusions and
        // the I/O evidence resolve some sixty types, most of them needed only once a call has an awaitable counterpart.
        private readonly System.Lazy<EfQuerySource?> _ef;
        private readonly LazyType _file;
        private readonly System.Lazy<SyncCallExclusions> _exclusions;
        private readonly System.Lazy<BlockingIOEvidence> _evidence;

        public Rule(WellKnownTypeProvider types, INamedTypeSymbol task)
        {
            _finder = new AsyncCounterpartFinder(types, task);
            _enumerable = types.Get("System.Linq.Enumerable");
            _queryable = types.Get("System.Linq.Queryable");
            _ef = new System.Lazy<EfQuerySource?>(() => EfQuerySource.Create(types));
            _file = new LazyType(types, "System.IO.File");
            _exclusions = new System.Lazy<SyncCallExclusions>(() => new SyncCallExclusions(types));
            _evidence = new System.Lazy<BlockingIOEvidence>(() => new BlockingIOEvidence(types, _exclusions.Value.IsExcludedOperand));
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var name = method.Name;
            if (name.EndsWith("Async", System.StringComparison.Ordinal)
                || ExcludedNames.Contains(name)
                || _finder.TryGetAwaitedType(method.ReturnType, out _)
                || invocation.Syntax is not InvocationExpressionSyntax syntax
                || InvocationSyntax.NameToken(syntax) is not { } nameToken)
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
                || _exclusions.Value.IsExcluded(invocation, method)
                || BindCounterpart(invocation, syntax, definition, function) is not { } counterpart
                || !_evidence.Value.IsBlockingIO(invocation, counterpart, context.CancellationToken))
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
            if (_ef.Value is { } ef && ef.IsQueryable(collection.Type) && ef.IsEfQuery(collection))
            {
                if (AsyncContext.FindAsyncFunction(loop, context.ContainingSymbol, out _) is not null)
                {
                    Report(context, foreachSyntax.Expression.GetLocation(), KindEfForeach, "foreach", "await ToListAsync", "ToListAsync");
                }

                return;
            }

            // File.ReadLines has an IAsyncEnumerable counterpart: `await foreach` over File.ReadLinesAsync.
            if (collection is IInvocationOperation { TargetMethod: { Name: "ReadLines", IsStatic: true } readLines } invocation
                && SymbolEqualityComparer.Default.Equals(readLines.ContainingType, _file.Value)
                && invocation.Syntax is InvocationExpressionSyntax syntax
                && InvocationSyntax.NameToken(syntax) is { } nameToken
                && AsyncContext.FindAsyncFunction(loop, context.ContainingSymbol, out _) is not null
                && BindSpeculatively(invocation, syntax, InvocationSyntax.Rename(syntax, "ReadLinesAsync")) is { } counterpart
                && counterpart.ReturnType is INamedTypeSymbol { Name: "IAsyncEnumerable", IsGenericType: true })
            {
                Report(context, nameToken.GetLocation(), KindAsyncStream, "File.ReadLines", "File.ReadLinesAsync", "ReadLinesAsync");
            }
        }

        private void AnalyzeQueryOperator(OperationAnalysisContext context, IInvocationOperation invocation, InvocationExpressionSyntax syntax, SyntaxToken nameToken)
        {
            var method = invocation.TargetMethod;
            if (!EfExecutingOperators.Contains(method.Name)
                || invocation.Arguments.Length == 0
                || syntax.Expression is not MemberAccessExpressionSyntax memberAccess
                || _ef.Value is not { } ef)
            {
                return;
            }

            var source = invocation.Arguments[0].Value;
            if (!ef.IsQueryable(OperationValues.WithoutImplicitConversions(source).Type)
                || AsyncContext.FindAsyncFunction(invocation, context.ContainingSymbol, out _) is null
                || !ef.IsEfQuery(source))
            {
                return;
            }

            // Prove the EF Core operator exists for these arguments: bind the static form, which needs no using directive.
            var counterpartName = method.Name + "Async";
            var staticForm = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.ParseExpression(EfExtensionsName),
                    InvocationSyntax.RenameSimpleName(memberAccess.Name, counterpartName)),
                syntax.ArgumentList.WithArguments(syntax.ArgumentList.Arguments.Insert(0, SyntaxFactory.Argument(memberAccess.Expression))));
            if (BindSpeculatively(invocation, syntax, staticForm) is not { } counterpart
                || !SymbolEqualityComparer.Default.Equals(counterpart.ContainingType, ef.EfExtensions)
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
            if (BindSpeculatively(invocation, syntax, InvocationSyntax.Rename(syntax, definition.Name + "Async")) is not { } bound)
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

        /// <summary>
        /// True when awaiting the counterpart could call the enclosing function itself: the same name on the same type
        /// or a base type (any overload: the fix may pick the one taking a token), or a method it overrides.
        /// </summary>
        private static bool IsSameOrOverridden(IMethodSymbol function, IMethodSymbol counterpart)
        {
            if (function.Name == counterpart.Name && SymbolRelations.InheritsFrom(function.ContainingType, counterpart.ContainingType))
            {
                return true;
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
    }
}
