using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF012: <c>SaveChanges</c>/<c>SaveChangesAsync</c> of a DbContext on every iteration of a loop, directly or
/// through a local function the loop calls. Retry loops (the save leaves the loop on success), batch steps
/// (<c>if (++n % 100 == 0)</c>), loops that run once, polling, paging or queue-consumer loops (one unit of work per
/// iteration) and contexts created inside the iteration are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SaveChangesInLoopAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.SaveChangesInLoop);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            if (DataAccessTypes.Create(start.Compilation) is not { HasEntityFramework: true } types)
            {
                return;
            }

            var transactions = TransactionTypes.Create(start.Compilation);
            start.RegisterOperationAction(ctx => AnalyzeInvocation(ctx, types, transactions), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DataAccessTypes types, TransactionTypes transactions)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name is not ("SaveChanges" or "SaveChangesAsync") || method.IsStatic
            || !(types.IsDbContext(method.ContainingType) || ExposesDbSets(method.ContainingType, types)))
        {
            return;
        }

        var iteration = IterationContext.Find(invocation, types, out var localFunction);
        if (iteration.Exists)
        {
            if (!PerIterationIntent.IsIntendedSave(invocation, iteration, types) && !SavesContextOfIteration(invocation, iteration)
                && !IterationContext.RunsFewTimes(iteration, context.CancellationToken)
                && !(iteration.Body is { } body && BeginsTransactionPerIteration(body, transactions)))
            {
                Report(context, invocation);
            }

            return;
        }

        // Saved in a local function: reported when the function is called on every iteration of a loop.
        if (localFunction is not null && IsCalledPerIteration(localFunction, types))
        {
            Report(context, invocation);
        }
    }

    /// <summary>A context abstraction (<c>IApplicationDbContext</c>) that hands out DbSet properties.</summary>
    internal static bool ExposesDbSets(INamedTypeSymbol? type, DataAccessTypes types)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IPropertySymbol property && types.IsDbSet(property.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static void Report(OperationAnalysisContext context, IInvocationOperation invocation) =>
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.SaveChangesInLoop, InvocationSyntax.NameLocation(invocation), CallRendering.Render(invocation.Syntax)));

    /// <summary>
    /// A context created inside a per-element lambda (<c>Task.WhenAll(items.Select(async i => { await using var db =
    /// factory.CreateDbContext(); … }))</c>, <c>Parallel.ForEachAsync</c>) is each concurrent item's own unit of work:
    /// a DbContext cannot be shared across threads, so its save cannot move after the loop. A sequential loop statement
    /// that opens a context per item is still reported.
    /// </summary>
    private static bool SavesContextOfIteration(IInvocationOperation save, Iteration iteration) =>
        iteration.Lambda is not null
        && save.Instance is not null
        && OperationValues.WithoutConversions(save.Instance) is ILocalReferenceOperation { Local: var context }
        && LoopContext.IsDeclaredInside(iteration.Operation, context);

    /// <summary>
    /// A transaction begun inside the iteration makes each item its own atomic unit (commit or roll back per item):
    /// saving once after the loop would change what fails together.
    /// </summary>
    internal static bool BeginsTransactionPerIteration(IOperation body, TransactionTypes transactions)
    {
        foreach (var operation in body.Descendants())
        {
            if (transactions.Begins(operation))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCalledPerIteration(ILocalFunctionOperation localFunction, DataAccessTypes types)
    {
        var container = localFunction.Parent;
        while (container?.Parent is not null)
        {
            container = container.Parent;
        }

        if (container is null)
        {
            return false;
        }

        foreach (var descendant in container.Descendants())
        {
            if (descendant is IInvocationOperation call
                && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, localFunction.Symbol)
                && IterationContext.Find(call, types) is { Exists: true } iteration
                && !PerIterationIntent.IsIntendedSave(call, iteration, types))
            {
                return true;
            }
        }

        return false;
    }
}
