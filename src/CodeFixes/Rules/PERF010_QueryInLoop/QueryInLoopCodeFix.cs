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

/// <summary>PERF010: replace a per-iteration lookup by key with one batched query before the loop (see <see cref="BatchedLookupPlan"/>).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QueryInLoopCodeFix)), Shared]
public sealed class QueryInLoopCodeFix : PlannedCodeFix
{
    private const string Title = "Query all keys once before the loop";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.QueryInLoop);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        BatchedLookupPlan.TryCreate(root, model, diagnostic, cancellationToken) is null ? null : Title;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var takenByMember = new Dictionary<SyntaxNode, HashSet<string>>();
        var changed = false;
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (BatchedLookupPlan.TryCreate(root, editor.SemanticModel, diagnostic, cancellationToken) is not { } plan)
            {
                continue;
            }

            var member = plan.Loop.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)plan.Loop;
            if (!takenByMember.TryGetValue(member, out var taken))
            {
                takenByMember[member] = taken = BatchedLookupPlan.NamesInMember(plan.Loop);
            }

            plan.Apply(editor, taken);
            changed = true;
        }

        if (!changed)
        {
            return document;
        }

        var document2 = editor.GetChangedDocument();
        if (!NamespaceImports.IsImported(root, editor.SemanticModel, "System.Linq")
            && await document2.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
        {
            document2 = document2.WithSyntaxRoot(NamespaceImports.AddUsing(unit, "System.Linq"));
        }

        return await DocumentEditing.FinishAsync(document2, cancellationToken).ConfigureAwait(false);
    }
}
