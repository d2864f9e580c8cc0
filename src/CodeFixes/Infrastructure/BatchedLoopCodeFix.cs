using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace PerfAnalyzers.Infrastructure;

/// <summary>A rewrite that runs one batched call before a <c>foreach</c> and looks each item up in memory.</summary>
internal interface IBatchedLoopPlan
{
    /// <summary>The loop the batched call goes in front of.</summary>
    StatementSyntax Loop { get; }

    void Apply(SyntaxEditor editor, HashSet<string> takenNames);
}

/// <summary>A batched plan that calls extension methods from namespaces other than System.Linq (EF Core's <c>ToListAsync</c>, <c>AsTracking</c>).</summary>
internal interface IImportingBatchedLoopPlan : IBatchedLoopPlan
{
    IEnumerable<string> Namespaces { get; }
}

/// <summary>
/// The fixers of PERF010 and PERF013: plan each diagnostic against the original tree, give every plan in one member
/// the same set of taken names (so Fix All picks distinct ones), then add <c>using System.Linq;</c> (and what a plan's calls need) when missing.
/// </summary>
public abstract class BatchedLoopCodeFix : PlannedCodeFix
{
    private protected abstract string Title { get; }

    private protected abstract IBatchedLoopPlan? TryCreatePlan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

    protected sealed override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        TryCreatePlan(root, model, diagnostic, cancellationToken) is null ? null : Title;

    protected sealed override async Task<Document> ApplyAsync(Document document, System.Collections.Immutable.ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var root = editor.OriginalRoot;
        var takenByMember = new Dictionary<SyntaxNode, HashSet<string>>();
        var changed = false;
        var namespaces = new List<string> { "System.Linq" };
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (TryCreatePlan(root, editor.SemanticModel, diagnostic, cancellationToken) is not { } plan)
            {
                continue;
            }

            var member = plan.Loop.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)plan.Loop;
            if (!takenByMember.TryGetValue(member, out var taken))
            {
                takenByMember[member] = taken = FreshNames.IdentifiersInMember(plan.Loop);
            }

            plan.Apply(editor, taken);
            changed = true;
            if (plan is IImportingBatchedLoopPlan importing)
            {
                namespaces.AddRange(importing.Namespaces.Where(ns => !namespaces.Contains(ns)));
            }
        }

        if (!changed)
        {
            return document;
        }

        var changedDocument = editor.GetChangedDocument();
        foreach (var ns in namespaces)
        {
            if (!NamespaceImports.IsImported(root, editor.SemanticModel, ns)
                && await changedDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is CompilationUnitSyntax unit)
            {
                changedDocument = changedDocument.WithSyntaxRoot(NamespaceImports.AddUsing(unit, ns));
            }
        }

        return await DocumentEditing.FinishAsync(changedDocument, cancellationToken).ConfigureAwait(false);
    }
}
