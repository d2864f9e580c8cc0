using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>PERF030: accumulate into a StringBuilder created before the loop and assign the string once after it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StringConcatenationInLoopCodeFix)), Shared]
public sealed class StringConcatenationInLoopCodeFix : CodeFixProvider
{
    private const string Title = "Use a StringBuilder";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.StringConcatenationInLoop);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        static async (context, document, diagnostics) => await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var plans = await StringBuilderPlan.CreateAsync(context.Document, context.Diagnostics, context.CancellationToken).ConfigureAwait(false);
        if (plans.Count == 0)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                Title,
                cancellationToken => ApplyAsync(context.Document, context.Diagnostics, cancellationToken),
                equivalenceKey: nameof(StringConcatenationInLoopCodeFix)),
            context.Diagnostics);
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plans = await StringBuilderPlan.CreateAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
        if (plans.Count == 0)
        {
            return document;
        }

        return await DocumentEditing.EditAsync(document, (editor, _) =>
        {
            foreach (var plan in plans)
            {
                plan.Apply(editor);
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
