using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF050: an EF Core query materialized (<c>ToList</c>, <c>ToArray</c>, <c>AsEnumerable</c>, <c>await
/// ToListAsync</c>/<c>ToArrayAsync</c>) and then narrowed in memory by a LINQ operator the database could run itself
/// (<c>Where</c>, <c>Count</c>, <c>Any</c>, <c>First</c>, <c>Sum</c>, <c>OrderBy</c>, <c>Skip</c>, <c>Select</c> of columns…),
/// directly or through a local used only that way. Reported only when the operator's lambdas are translatable
/// (<see cref="TranslatableLambda"/>), the list is not used again, and the operator does not run in a loop or lambda
/// the materialization is outside of.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MaterializedThenFilteredAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the in-memory operator's name.</summary>
    public const string OperatorKey = "Operator";

    /// <summary>Diagnostic property present when moving the operator into the query keeps results and compiles.</summary>
    public const string FixableKey = "Fixable";

    private static readonly HashSet<string> NarrowingOperators = new(System.StringComparer.Ordinal)
    {
        "Where", "Count", "LongCount", "Any", "All", "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault",
        "Sum", "Min", "Max", "Average", "OrderBy", "OrderByDescending", "Skip", "Take", "Distinct", "Select",
    };

    /// <summary>Operators that change the element type: after them the lambdas no longer see an entity.</summary>
    private static readonly HashSet<string> ReshapingOperators = new(System.StringComparer.Ordinal)
    {
        "Select", "SelectMany", "GroupBy", "Join", "GroupJoin", "LeftJoin", "RightJoin", "Cast", "OfType", "Zip", "FromSql", "FromSqlRaw", "FromSqlInterpolated", "SqlQuery", "SqlQueryRaw",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.MaterializedThenFiltered);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            if (DataAccessTypes.Create(start.Compilation) is not { HasEntityFramework: true, Enumerable: not null, EfQueryableExtensions: not null, IQueryable: not null } types)
            {
                return;
            }

            // The translatable members' types are looked up when the first narrowing of a materialized query needs them.
            var provider = WellKnownTypeProvider.GetOrCreate(start.Compilation);
            var lambdas = new System.Lazy<TranslatableLambda>(() => new TranslatableLambda(provider));
            start.RegisterOperationAction(ctx => AnalyzeInvocation(ctx, types, lambdas), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DataAccessTypes types, System.Lazy<TranslatableLambda> lambdas)
    {
        var materialization = (IInvocationOperation)context.Operation;
        var method = materialization.TargetMethod;
        var isAsync = method.Name is "ToListAsync" or "ToArrayAsync";
        if (!(isAsync ? SymbolEqualityComparer.Default.Equals(method.ContainingType, types.EfQueryableExtensions)
                : method.Name is "ToList" or "ToArray" or "AsEnumerable" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Enumerable))
            || materialization.Arguments.Length == 0
            || !TypeHierarchy.IsOrImplements(materialization.Arguments[0].Value.WithoutConversions().Type, types.IQueryable))
        {
            return;
        }

        var list = Materialized(materialization, isAsync);
        if (list is null || FindNarrowing(list, types, out var direct, context.CancellationToken) is not { } narrowing
            || EfQueryChain.From(materialization.Arguments[0].Value, types) is not { } chain
            || !IsEntityQuery(chain, materialization, out var entity)
            || !lambdas.Value.AreTranslatable(narrowing, entity, context.CancellationToken))
        {
            return;
        }

        var name = narrowing.TargetMethod.Name;
        var ordered = chain.HasOperator("OrderBy") || chain.HasOperator("OrderByDescending");
        if (name is "Last" or "LastOrDefault" && !ordered)
        {
            // EF cannot run Last without an ordering: the AsEnumerable/ToList is needed.
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(OperatorKey, name);
        if (direct && IsFixable(narrowing, name, ordered, materialization))
        {
            properties = properties.Add(FixableKey, "true");
        }

        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.MaterializedThenFiltered, InvocationSyntax.NameLocation(materialization), properties, method.Name, name));
    }

    /// <summary>The operation whose value is the materialized rows: the call, or the <c>await</c> of the async call.</summary>
    private static IOperation? Materialized(IInvocationOperation materialization, bool isAsync)
    {
        if (!isAsync)
        {
            return materialization;
        }

        var consumer = LocalReferences.ConsumerOf(materialization, out var value);
        if (consumer is IInvocationOperation { TargetMethod.Name: "ConfigureAwait" } configureAwait && configureAwait.Instance == value)
        {
            consumer = LocalReferences.ConsumerOf(configureAwait, out value);
        }

        return consumer is IAwaitOperation await ? await : null;
    }

    /// <summary>The in-memory narrowing operator applied to <paramref name="list"/>, directly or through a local used only there.</summary>
    private static IInvocationOperation? FindNarrowing(IOperation list, DataAccessTypes types, out bool direct, System.Threading.CancellationToken cancellationToken)
    {
        direct = true;
        var consumer = LocalReferences.ConsumerOf(list, out var value);
        if (consumer is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } declarator })
        {
            direct = false;
            if (SingleUse(local, declarator, cancellationToken) is not { } use)
            {
                return null;
            }

            consumer = LocalReferences.ConsumerOf(use, out value);
        }

        return consumer is IArgumentOperation { Parent: IInvocationOperation call } argument
            && call.Arguments.Length > 0 && call.Arguments[0] == argument && argument.Value == value
            && NarrowingOperators.Contains(call.TargetMethod.Name)
            && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, types.Enumerable)
                ? call
                : null;
    }

    /// <summary>The only reference to <paramref name="local"/> in its function, when it runs once per run of the declaration (no loop or lambda between).</summary>
    private static ILocalReferenceOperation? SingleUse(ILocalSymbol local, IVariableDeclaratorOperation declarator, System.Threading.CancellationToken cancellationToken)
    {
        ILocalReferenceOperation? use = null;
        foreach (var scope in LocalReferences.VisibleScope(declarator))
        {
            foreach (var operation in scope.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    if (use is not null)
                    {
                        return null;
                    }

                    use = reference;
                }
            }
        }

        if (use is null)
        {
            return null;
        }

        var declarationBlock = declarator.Syntax.FirstAncestorOrSelf<BlockSyntax>()?.Span ?? declarator.Syntax.SyntaxTree.GetRoot(cancellationToken).Span;
        for (var current = use.Parent; current is not null && declarationBlock.Contains(current.Syntax.Span) && current.Syntax.Span != declarationBlock; current = current.Parent)
        {
            if (current is ILoopOperation loop && !(loop is IForEachLoopOperation forEach && forEach.Collection.Syntax.Span.Contains(use.Syntax.Span))
                || current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return null;
            }
        }

        return use;
    }

    /// <summary>The rows are entities of the query's root set: no operator in the query reshaped them.</summary>
    private static bool IsEntityQuery(EfQueryChain chain, IInvocationOperation materialization, out ITypeSymbol entity)
    {
        entity = materialization.TargetMethod.TypeArguments.Length == 1 ? materialization.TargetMethod.TypeArguments[0] : null!;
        if (entity is null || chain.Root.Type is not INamedTypeSymbol { TypeArguments: { Length: 1 } rootArguments }
            || !SymbolEqualityComparer.Default.Equals(rootArguments[0], entity))
        {
            return false;
        }

        foreach (var call in chain.Operators)
        {
            if (ReshapingOperators.Contains(call.TargetMethod.Name))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Moving the operator keeps results: First/Skip/Take need an ordering (SQL without ORDER BY may pick other rows),
    /// the operator is written as an extension call on the materialized value, and a deferred operator's result is
    /// consumed where a list works as well (another LINQ call, a foreach, a ToList/ToArray, a sequence-typed target).
    /// </summary>
    private static bool IsFixable(IInvocationOperation narrowing, string name, bool ordered, IInvocationOperation materialization)
    {
        if (name is "First" or "FirstOrDefault" or "Skip" or "Take" && !ordered
            || materialization.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax }
            || narrowing.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax })
        {
            return false;
        }

        if (!IsDeferred(name))
        {
            return true;
        }

        var consumer = LocalReferences.ConsumerOf(narrowing, out var value);
        if (materialization.TargetMethod.Name == "AsEnumerable" && name is not ("OrderBy" or "OrderByDescending"))
        {
            // AsEnumerable after the operator gives the same IEnumerable<T> the operator gave.
            return true;
        }

        return consumer switch
        {
            IForEachLoopOperation => true,
            IReturnOperation => name is not ("OrderBy" or "OrderByDescending"),
            IArgumentOperation { Parameter.Type.OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } => true,
            _ => value is IConversionOperation { IsImplicit: true, Type.TypeKind: TypeKind.Interface },
        };
    }

    public static bool IsDeferred(string name) => name is "Where" or "OrderBy" or "OrderByDescending" or "Skip" or "Take" or "Distinct" or "Select";
}
