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

/// <summary>
/// PERF001: await the asynchronous counterpart, forwarding the one CancellationToken in scope:
/// <c>File.ReadAllText(p)</c> → <c>await File.ReadAllTextAsync(p, ct)</c>; <c>query.ToList()</c> →
/// <c>await query.ToListAsync(ct)</c> (adding <c>using Microsoft.EntityFrameworkCore;</c>);
/// <c>foreach (var o in query)</c> → <c>foreach (var o in await query.ToListAsync(ct))</c>;
/// <c>foreach (var l in File.ReadLines(p))</c> → <c>await foreach (var l in File.ReadLinesAsync(p, ct))</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingIOInAsyncMethodCodeFix)), Shared]
public sealed partial class BlockingIOInAsyncMethodCodeFix : PlannedCodeFix
{
    private const string EfNamespace = "Microsoft.EntityFrameworkCore";
    private const string EfExtensionsName = "global::Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.BlockingIOInAsyncMethod);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Plan.TryCreate(root, model, diagnostic) is { } plan ? "Await '" + plan.CounterpartName + "'" : null;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var plans = new List<Plan>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan.TryCreate(editor.OriginalRoot, editor.SemanticModel, diagnostic) is { } plan)
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return document;
        }

        // Innermost first, so an outer rewrite is built from its already rewritten arguments.
        foreach (var plan in plans.OrderBy(p => p.Target.Span.Length))
        {
            editor.ReplaceNode(plan.Target, (current, _) => plan.Rewrite(current));
        }

        var root = editor.GetChangedRoot();
        if (plans.Any(p => p.NeedsEfUsing) && root is CompilationUnitSyntax compilationUnit)
        {
            root = NamespaceImports.AddUsing(compilationUnit, EfNamespace);
        }

        return await DocumentEditing.FinishAsync(document.WithSyntaxRoot(root), cancellationToken).ConfigureAwait(false);
    }
}
