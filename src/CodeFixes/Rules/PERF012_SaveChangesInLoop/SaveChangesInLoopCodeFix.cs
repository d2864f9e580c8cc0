using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF012: move the save after the loop. Offered only when the save is the last statement of the loop body (so
/// nothing after it in the body reads generated keys), the body never jumps (break, continue, return, goto, yield),
/// and the save uses only variables that exist outside the loop.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SaveChangesInLoopCodeFix)), Shared]
public sealed class SaveChangesInLoopCodeFix : PlannedCodeFix
{
    private const string Title = "Save once after the loop";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.SaveChangesInLoop);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        TryPlan(root, model, diagnostic, cancellationToken) is null ? null : Title;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var changed = false;
        foreach (var diagnostic in diagnostics)
        {
            if (TryPlan(root, editor.SemanticModel, diagnostic, cancellationToken) is not var (save, loop))
            {
                continue;
            }

            editor.RemoveNode(save, SyntaxRemoveOptions.KeepNoTrivia);
            var moved = save.WithLeadingTrivia(save.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            editor.InsertAfter(loop, moved);
            changed = true;
        }

        return changed ? await DocumentEditing.FinishAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false) : document;
    }

    private static (StatementSyntax Save, StatementSyntax Loop)? TryPlan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (token.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || invocation.Parent is not (ExpressionStatementSyntax or AwaitExpressionSyntax or MemberAccessExpressionSyntax)
            || invocation.FirstAncestorOrSelf<StatementSyntax>() is not ExpressionStatementSyntax save
            || !IsWholeStatement(save.Expression, invocation)
            || save.Parent is not BlockSyntax body
            || body.Statements.Last() != save
            || body.Parent is not (ForStatementSyntax or ForEachStatementSyntax or ForEachVariableStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
            || body.Parent is not StatementSyntax loop
            || loop.Parent is not BlockSyntax)
        {
            return null;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is BreakStatementSyntax or ContinueStatementSyntax or ReturnStatementSyntax or GotoStatementSyntax or YieldStatementSyntax or LabeledStatementSyntax)
            {
                return null;
            }
        }

        // Every variable the save uses must outlive the loop (not `using var db = new ShopContext();` inside it).
        foreach (var identifier in save.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol
                && symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(r.Span)))
            {
                return null;
            }
        }

        return (save, loop);
    }

    /// <summary>The statement is just the save: <c>db.SaveChanges();</c>, <c>await db.SaveChangesAsync(ct);</c>, optionally <c>.ConfigureAwait(false)</c>.</summary>
    private static bool IsWholeStatement(ExpressionSyntax expression, InvocationExpressionSyntax save)
    {
        if (expression is AwaitExpressionSyntax awaited)
        {
            expression = awaited.Expression;
        }

        if (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner } })
        {
            expression = inner;
        }

        return expression == save;
    }
}
