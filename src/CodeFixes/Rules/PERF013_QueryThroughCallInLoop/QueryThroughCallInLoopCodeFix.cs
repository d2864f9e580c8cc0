using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>PERF013: call the type's batched counterpart once before the loop and look each item up in memory (see <see cref="BatchedCallPlan"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QueryThroughCallInLoopCodeFix)), Shared]
public sealed class QueryThroughCallInLoopCodeFix : PlannedCodeFix
{
    private const string Title = "Call the batched method once before the loop";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.QueryThroughCallInLoop);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        BatchedCallPlan.TryCreate(root, model, diagnostic, cancellationToken) is null ? null : Title;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var takenByMember = new Dictionary<SyntaxNode, HashSet<string>>();
        var changed = false;
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (BatchedCallPlan.TryCreate(root, editor.SemanticModel, diagnostic, cancellationToken) is not { } plan)
            {
                continue;
            }

            var member = plan.Loop.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)plan.Loop;
            if (!takenByMember.TryGetValue(member, out var taken))
            {
                takenByMember[member] = taken = BatchedCallPlan.NamesInMember(plan.Loop);
            }

            plan.Apply(editor, taken);
            changed = true;
        }

        if (!changed)
        {
            return document;
        }

        var changedDocument = editor.GetChangedDocument();
        if (!NamespaceImports.IsImported(root, editor.SemanticModel, "System.Linq")
            && await changedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
        {
            changedDocument = changedDocument.WithSyntaxRoot(NamespaceImports.AddUsing(unit, "System.Linq"));
        }

        return await DocumentEditing.FinishAsync(changedDocument, cancellationToken).ConfigureAwait(false);
    }
}
