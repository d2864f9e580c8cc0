using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>PERF021: build a <c>HashSet&lt;T&gt;</c> or a lookup once before the loop and search that instead.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LinearSearchInLoopCodeFix)), Shared]
public sealed class LinearSearchInLoopCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.LinearSearchInLoop);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        static async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var plans = await CreatePlansAsync(context.Document, context.Diagnostics, context.CancellationToken).ConfigureAwait(false);
        if (plans.Count == 0)
        {
            return;
        }

        var title = plans[0].Declaration.ToString().Contains("HashSet") ? "Build a HashSet before the loop" : "Build a lookup before the loop";
        context.RegisterCodeFix(
            CodeAction.Create(
                title,
                cancellationToken => ApplyAsync(context.Document, context.Diagnostics, cancellationToken),
                equivalenceKey: nameof(LinearSearchInLoopCodeFix)),
            context.Diagnostics);
    }

    private static async Task<List<LinearSearchPlan>> CreatePlansAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = new List<LinearSearchPlan>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return plans;
        }

        var takenNames = new HashSet<string>();
        var planned = new HashSet<SyntaxNode>();
        foreach (var diagnostic in diagnostics)
        {
            if (LinearSearchPlan.TryCreate(model, root, diagnostic, takenNames, cancellationToken) is not { } plan
                || !planned.Add(plan.Original))
            {
                continue;
            }

            plans.Add(plan);
            foreach (var sibling in plan.FindSiblings(model, takenNames, cancellationToken))
            {
                if (planned.Add(sibling.Original))
                {
                    plans.Add(sibling);
                }
            }
        }

        // A search nested in another's arguments would be rewritten twice: fix only the inner one.
        plans.RemoveAll(outer => plans.Exists(inner => inner != outer && outer.Original.Span.Contains(inner.Original.Span)));
        return plans;
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = await CreatePlansAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
        if (plans.Count == 0)
        {
            return document;
        }

        return await DocumentEditing.EditAsync(document, (editor, _) =>
        {
            // Searches of one collection in one loop share one set or lookup.
            var declared = new Dictionary<string, LinearSearchPlan>();
            foreach (var plan in plans)
            {
                if (declared.TryGetValue(plan.GroupKey, out var first))
                {
                    plan.ShareDeclarationOf(first);
                }
                else
                {
                    declared.Add(plan.GroupKey, plan);
                    plan.ApplyDeclaration(editor);
                }

                plan.ApplyReplacement(editor);
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
