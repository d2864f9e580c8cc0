using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>PERF013: call the type's batched counterpart once before the loop and look each item up in memory (see <see cref="BatchedCallPlan"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QueryThroughCallInLoopCodeFix)), Shared]
public sealed class QueryThroughCallInLoopCodeFix : BatchedLoopCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.QueryThroughCallInLoop);

    private protected override string Title => "Call the batched method once before the loop";

    private protected override IBatchedLoopPlan? TryCreatePlan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        BatchedCallPlan.TryCreate(root, model, diagnostic, cancellationToken);
}
