using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF012: save once after the loop. Every save of the context in the iteration goes, one is written after the loop;
/// offered only when <see cref="SaveMovePlan"/> finds that this keeps the results (see docs/rules/PERF012.md).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SaveChangesInLoopCodeFix)), Shared]
public sealed class SaveChangesInLoopCodeFix : PlannedCodeFix
{
    private const string Title = "Save once after the loop";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.SaveChangesInLoop);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        SaveMovePlan.Create(root, model, diagnostic, cancellationToken) is null ? null : Title;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;

        // Diagnostics of one loop (several saves in its body) share one plan: one save after the loop.
        var plans = new Dictionary<SyntaxNode, SaveMovePlan>();
        foreach (var diagnostic in diagnostics)
        {
            if (SaveMovePlan.Create(root, editor.SemanticModel, diagnostic, cancellationToken) is { } plan && !plans.ContainsKey(plan.Loop))
            {
                plans.Add(plan.Loop, plan);
            }
        }

        foreach (var plan in plans.Values)
        {
            foreach (var removed in plan.Removed)
            {
                // The moved save takes its comments along; another save's comment stays where it was.
                var keepComments = removed != plan.MovedSave && removed.GetLeadingTrivia().Any(IsComment);
                editor.RemoveNode(removed, keepComments ? SyntaxRemoveOptions.KeepLeadingTrivia : SyntaxRemoveOptions.KeepNoTrivia);
            }

            if (!plan.SavedAfterLoop)
            {
                var moved = plan.MovedSave.WithLeadingTrivia(plan.MovedSave.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)))
                    .WithAdditionalAnnotations(Formatter.Annotation);
                editor.InsertAfter(plan.Loop, moved);
            }
        }

        return plans.Count > 0 ? await DocumentEditing.FinishAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false) : document;
    }

    private static bool IsComment(SyntaxTrivia trivia) =>
        trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);
}
