using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF010: a database query (EF Core, Dapper, ADO.NET) executed on every iteration of a loop or per-element lambda.
/// Composing a query in a loop, queries translated inside another query's lambdas, loops that leave after the query,
/// batch steps and polling/paging loops are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class QueryInLoopAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.QueryInLoop);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            if (DataAccessTypes.Create(start.Compilation) is not { } types)
            {
                return;
            }

            start.RegisterOperationAction(ctx => AnalyzeInvocation(ctx, types), OperationKind.Invocation);
            if (types.HasEntityFramework)
            {
                start.RegisterOperationAction(ctx => AnalyzeForEach(ctx, types), OperationKind.Loop);
            }
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, DataAccessTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!DatabaseCalls.IsCandidateName(invocation.TargetMethod.Name)
            || !DatabaseCalls.IsQueryExecution(invocation, types, out var chain))
        {
            return;
        }

        var iteration = IterationContext.Find(invocation, types);
        if (!iteration.Exists || (PerIterationIntent.IsIntendedQuery(invocation, iteration, chain, types) || QueryRunsFewTimes.Applies(invocation, iteration))
            || (chain is null && ScriptStatements.RunsStatementOfItem(invocation, iteration, types))
            || IterationContext.RunsFewTimes(iteration, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.QueryInLoop, InvocationSyntax.NameLocation(invocation), CallRendering.Render(invocation.Syntax)));
    }

    /// <summary>A nested <c>foreach</c> over an EF query runs the query once per outer iteration.</summary>
    private static void AnalyzeForEach(OperationAnalysisContext context, DataAccessTypes types)
    {
        if (context.Operation is not IForEachLoopOperation loop
            || EfQueryChain.From(loop.Collection, types) is not { } chain)
        {
            return;
        }

        var iteration = IterationContext.Find(loop, types);
        if (!iteration.Exists || (PerIterationIntent.IsIntendedQuery(loop, iteration, chain, types) || QueryRunsFewTimes.Applies(loop, iteration)) || IterationContext.RunsFewTimes(iteration, context.CancellationToken))
        {
            return;
        }

        var collection = OperationValues.WithoutConversions(loop.Collection).Syntax;
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.QueryInLoop, collection.GetLocation(), CallRendering.Render(collection)));
    }
}
