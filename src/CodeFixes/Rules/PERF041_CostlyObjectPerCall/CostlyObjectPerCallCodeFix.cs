using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF041: move the construction into a <c>private static readonly</c> field of the containing type and read the
/// field instead. Identical constructions in one type share one field (also an existing static readonly field built
/// the same way).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CostlyObjectPerCallCodeFix)), Shared]
public sealed class CostlyObjectPerCallCodeFix : PlannedCodeFix
{
    private const string Title = "Store in a static readonly field";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.CostlyObjectPerCall);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        StaticFieldPlan.FindCreation(root, diagnostic) is { } creation && StaticFieldPlan.CanHoist(creation, model, cancellationToken) ? Title : null;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var creations = new List<BaseObjectCreationExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (StaticFieldPlan.FindCreation(root, diagnostic) is { } creation
                && !creations.Contains(creation)
                && StaticFieldPlan.CanHoist(creation, model, cancellationToken))
            {
                creations.Add(creation);
            }
        }

        if (creations.Count == 0)
        {
            return document;
        }

        var plans = StaticFieldPlan.Create(creations, model, cancellationToken);
        return await DocumentEditing.EditAsync(document, (editor, _) =>
        {
            foreach (var plan in plans)
            {
                plan.Apply(editor);
            }
        }, cancellationToken).ConfigureAwait(false);
    }
}
