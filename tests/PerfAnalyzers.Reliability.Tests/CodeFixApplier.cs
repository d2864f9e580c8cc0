using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// Offers every diagnostic to every code fix provider that fixes its id, computes each registered action's operations
/// and materializes the documents they change; and runs each provider's Fix All per document. Exceptions are
/// recorded with what was being fixed, so one failure does not hide the others.
/// </summary>
internal static class CodeFixApplier
{
    public static IReadOnlyList<CodeFixProvider> AllCodeFixes { get; } = RuleAssemblies.CreateCodeFixes();

    /// <summary>Each action offered for each diagnostic, applied on its own to <paramref name="solution"/>.</summary>
    public static async Task<IReadOnlyList<AppliedFix>> ApplyEachAsync(
        Solution solution,
        IEnumerable<Diagnostic> diagnostics,
        ICollection<string> failures,
        CancellationToken cancellationToken = default)
    {
        var applied = new List<AppliedFix>();
        foreach (var diagnostic in diagnostics)
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            foreach (var provider in AllCodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var what = $"{provider.GetType().Name} on {diagnostic}";
                try
                {
                    foreach (var action in await RegisterAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false))
                    {
                        var changed = await ApplyAsync(action, solution, cancellationToken).ConfigureAwait(false);
                        if (changed is not null)
                        {
                            applied.Add(new AppliedFix(provider.GetType().Name, $"{what}: '{action.Title}'", changed));
                        }
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures.Add($"{what} threw {exception}");
                }
            }
        }

        return applied;
    }

    /// <summary>Every provider's Fix All, in document scope, for every equivalence key its actions use there.</summary>
    public static async Task<IReadOnlyList<AppliedFix>> FixAllPerDocumentAsync(
        Solution solution,
        ImmutableArray<Diagnostic> diagnostics,
        ICollection<string> failures,
        CancellationToken cancellationToken = default)
    {
        var applied = new List<AppliedFix>();
        var diagnosticProvider = new KnownDiagnostics(diagnostics);
        foreach (var byTree in diagnostics.Where(d => d.Location.IsInSource).GroupBy(d => d.Location.SourceTree))
        {
            var document = solution.GetDocument(byTree.Key);
            if (document is null)
            {
                continue;
            }

            foreach (var provider in AllCodeFixes)
            {
                var fixable = byTree.Where(d => provider.FixableDiagnosticIds.Contains(d.Id)).ToList();
                var fixAll = provider.GetFixAllProvider();
                if (fixable.Count == 0 || fixAll is null || !fixAll.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
                {
                    continue;
                }

                var what = $"{provider.GetType().Name} Fix All in {document.Name}";
                try
                {
                    var keys = new HashSet<string?>();
                    foreach (var diagnostic in fixable)
                    {
                        foreach (var action in await RegisterAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false))
                        {
                            keys.Add(action.EquivalenceKey);
                        }
                    }

                    foreach (var key in keys)
                    {
                        var context = new FixAllContext(document, provider, FixAllScope.Document, key, provider.FixableDiagnosticIds, diagnosticProvider, cancellationToken);
                        var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                        var changed = action is null ? null : await ApplyAsync(action, solution, cancellationToken).ConfigureAwait(false);
                        if (changed is not null)
                        {
                            applied.Add(new AppliedFix(provider.GetType().Name, $"{what} (key '{key}')", changed));
                        }
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    failures.Add($"{what} threw {exception}");
                }
            }
        }

        return applied;
    }

    /// <summary>Every provider's Fix All over the whole solution (project scope when that is all it supports), one per equivalence key.</summary>
    public static async Task<IReadOnlyList<AppliedFix>> FixAllInSolutionAsync(
        Solution solution,
        ImmutableArray<Diagnostic> diagnostics,
        ICollection<string> failures,
        CancellationToken cancellationToken = default)
    {
        var applied = new List<AppliedFix>();
        var diagnosticProvider = new KnownDiagnostics(diagnostics);
        foreach (var provider in AllCodeFixes)
        {
            var fixable = diagnostics.Where(d => d.Location.IsInSource && provider.FixableDiagnosticIds.Contains(d.Id)).ToList();
            var fixAll = provider.GetFixAllProvider();
            if (fixable.Count == 0 || fixAll is null)
            {
                continue;
            }

            var scopes = fixAll.GetSupportedFixAllScopes();
            var scope = scopes.Contains(FixAllScope.Solution) ? FixAllScope.Solution : FixAllScope.Project;
            var what = $"{provider.GetType().Name} Fix All in {scope}";
            try
            {
                var keys = new Dictionary<string, Document>();
                foreach (var diagnostic in fixable)
                {
                    var document = solution.GetDocument(diagnostic.Location.SourceTree)!;
                    foreach (var action in await RegisterAsync(provider, document, diagnostic, cancellationToken).ConfigureAwait(false))
                    {
                        keys.TryAdd(action.EquivalenceKey ?? "", document);
                    }
                }

                foreach (var (key, document) in keys)
                {
                    var context = new FixAllContext(document.Project, provider, scope, key.Length == 0 ? null : key, provider.FixableDiagnosticIds, diagnosticProvider, cancellationToken);
                    var action = await fixAll.GetFixAsync(context).ConfigureAwait(false);
                    var changed = action is null ? null : await ApplyAsync(action, solution, cancellationToken).ConfigureAwait(false);
                    if (changed is not null)
                    {
                        applied.Add(new AppliedFix(provider.GetType().Name, $"{what} (key '{key}')", changed));
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failures.Add($"{what} threw {exception}");
            }
        }

        return applied;
    }

    /// <summary>The actions a provider registers for one diagnostic, nested actions flattened.</summary>
    public static async Task<IReadOnlyList<CodeAction>> RegisterAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken);
        await provider.RegisterCodeFixesAsync(context).ConfigureAwait(false);
        var flattened = new List<CodeAction>();
        Flatten(actions, flattened);
        return flattened;
    }

    private static void Flatten(IEnumerable<CodeAction> actions, List<CodeAction> into)
    {
        foreach (var action in actions)
        {
            if (action.NestedActions.IsDefaultOrEmpty)
            {
                into.Add(action);
            }
            else
            {
                Flatten(action.NestedActions, into);
            }
        }
    }

    /// <summary>Computes the action's operations and reads every document they add or change; null when nothing changed.</summary>
    private static async Task<Solution?> ApplyAsync(CodeAction action, Solution original, CancellationToken cancellationToken)
    {
        Solution? changed = null;
        foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (operation is not ApplyChangesOperation apply)
            {
                continue;
            }

            changed = apply.ChangedSolution;
            foreach (var project in changed.GetChanges(original).GetProjectChanges())
            {
                foreach (var id in project.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true).Concat(project.GetAddedDocuments()))
                {
                    var document = changed.GetDocument(id)!;
                    await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return changed;
    }

    /// <summary>Serves Fix All the diagnostics already computed, instead of running the analyzers again.</summary>
    private sealed class KnownDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}

/// <summary>A fix applied to a copy of the solution: <see cref="Description"/> starts with the provider's type name.</summary>
internal sealed record AppliedFix(string Provider, string Description, Solution Solution);
