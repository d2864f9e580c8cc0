using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF010: replace a per-iteration lookup by key with one batched query before the loop (<see cref="BatchedLookupPlan"/>,
/// <see cref="BatchedFindPlan"/>), or run a query that does not depend on the loop once before it (<see cref="LoopInvariantQueryPlan"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QueryInLoopCodeFix)), Shared]
public sealed class QueryInLoopCodeFix : BatchedLoopCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.QueryInLoop);

    private protected override string Title => "Run the query once before the loop";

    private protected override IBatchedLoopPlan? TryCreatePlan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        (IBatchedLoopPlan?)BatchedLookupPlan.TryCreate(root, model, diagnostic, cancellationToken)
        ?? (IBatchedLoopPlan?)BatchedFindPlan.TryCreate(root, model, diagnostic, cancellationToken)
        ?? LoopInvariantQueryPlan.TryCreate(root, model, diagnostic, cancellationToken);
}
