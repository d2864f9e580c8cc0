using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>What <see cref="InputChecker"/> does with each input beyond running the analyzers.</summary>
/// <param name="ApplyFixes">Offer every diagnostic to every fix that handles its id, and apply each action.</param>
/// <param name="FixSamplePerId">When set, only that many diagnostics per id (spread over the input) are fixed one by one: keeps huge inputs affordable.</param>
/// <param name="FixAll">Also run every provider's Fix All per document.</param>
/// <param name="FixesMustCompile">Compile every fixed solution and record each compiler error the fix added.</param>
internal sealed record CheckOptions(bool ApplyFixes = true, int? FixSamplePerId = null, bool FixAll = true, bool FixesMustCompile = false);

/// <summary>
/// Runs every analyzer and every code fix over inputs, in parallel, and gathers what went wrong: analyzer exceptions
/// (AD0001), exceptions from registering or applying a fix and, when asked, compiler errors a fix added.
/// </summary>
internal sealed class InputChecker
{
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly ConcurrentDictionary<string, bool> _providersThatFixed = new();
    private int _inputsChecked;
    private int _diagnosticsSeen;
    private int _inputsWithDiagnostics;
    private int _fixesApplied;

    public IReadOnlyCollection<string> Failures => _failures;

    public int InputsChecked => _inputsChecked;

    public int DiagnosticsSeen => _diagnosticsSeen;

    public int InputsWithDiagnostics => _inputsWithDiagnostics;

    public int FixesApplied => _fixesApplied;

    /// <summary>Type names of the code fix providers that changed at least one input.</summary>
    public IReadOnlyCollection<string> ProvidersThatFixed => _providersThatFixed.Keys.ToList();

    /// <summary>Each input as a single-file project, checked in parallel.</summary>
    public async Task CheckAllAsync(IReadOnlyList<SourceInput> inputs, CheckOptions? options = null)
    {
        using var basis = await AnalysisProject.CreateAsync([new SourceInput("empty", "")]).ConfigureAwait(false);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(inputs, parallel, async (input, _) =>
            await CheckAsync(basis.WithInputs([input]), input.Name, options).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public async Task CheckAsync(AnalysisProject project, string name, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        Interlocked.Increment(ref _inputsChecked);
        try
        {
            var compilation = await project.GetCompilationAsync().ConfigureAwait(false);
            var run = await AnalyzerRunner.RunAsync(compilation).ConfigureAwait(false);
            Interlocked.Add(ref _diagnosticsSeen, run.Diagnostics.Length);
            if (run.Diagnostics.Length > 0)
            {
                Interlocked.Increment(ref _inputsWithDiagnostics);
            }
            foreach (var failure in run.Failures)
            {
                Record(name, project, failure);
            }

            if (!options.ApplyFixes)
            {
                return;
            }

            var fixFailures = new List<string>();
            var offered = options.FixSamplePerId is { } sample ? SpreadSample(run.Diagnostics, sample) : run.Diagnostics;
            var fixes = (await CodeFixApplier.ApplyEachAsync(project.Solution, offered, fixFailures).ConfigureAwait(false)).ToList();
            if (options.FixAll)
            {
                fixes.AddRange(await CodeFixApplier.FixAllPerDocumentAsync(project.Solution, run.Diagnostics, fixFailures).ConfigureAwait(false));
            }

            Interlocked.Add(ref _fixesApplied, fixes.Count);
            foreach (var fix in fixes)
            {
                _providersThatFixed.TryAdd(fix.Provider, true);
                if (options.FixesMustCompile)
                {
                    await CheckCompilesAsync(project, compilation, fix, fixFailures).ConfigureAwait(false);
                }
            }

            foreach (var failure in fixFailures)
            {
                Record(name, project, failure);
            }
        }
        catch (Exception exception)
        {
            Record(name, project, "unexpected exception " + exception);
        }
    }

    /// <summary>The failures, each with the input's text, so it can be reproduced from the test output alone.</summary>
    public string Report(int max = 5, int maxLength = 30_000)
    {
        var shown = _failures.Take(max).ToList();
        var report = $"{_failures.Count} failure(s) over {_inputsChecked} input(s); the first {shown.Count}:\n\n" + string.Join("\n\n", shown);
        return report.Length <= maxLength ? report : report.Substring(0, maxLength) + "\n…(cut)";
    }

    private async Task CheckCompilesAsync(AnalysisProject project, Compilation before, AppliedFix fix, List<string> fixFailures)
    {
        var after = (await fix.Solution.GetProject(project.Project.Id)!.GetCompilationAsync().ConfigureAwait(false))!;
        foreach (var error in AnalysisProject.NewErrors(before, after))
        {
            fixFailures.Add($"{fix.Description} added the error {error}\n--- fixed text ---\n{await ChangedTextAsync(project, fix).ConfigureAwait(false)}\n--- end ---");
        }
    }

    private static async Task<string> ChangedTextAsync(AnalysisProject project, AppliedFix fix)
    {
        var texts = new List<string>();
        foreach (var id in project.Project.DocumentIds)
        {
            var before = await project.Solution.GetDocument(id)!.GetTextAsync().ConfigureAwait(false);
            var after = await fix.Solution.GetDocument(id)!.GetTextAsync().ConfigureAwait(false);
            if (!before.ContentEquals(after))
            {
                texts.Add(after.ToString());
            }
        }

        return string.Join("\n---\n", texts);
    }

    private static IReadOnlyList<Diagnostic> SpreadSample(IEnumerable<Diagnostic> diagnostics, int perId) =>
        diagnostics.GroupBy(d => d.Id)
            .SelectMany(g =>
            {
                var all = g.OrderBy(d => d.Location.SourceSpan.Start).ToList();
                var step = Math.Max(1, all.Count / perId);
                return all.Where((_, i) => i % step == 0).Take(perId);
            })
            .ToList();

    private void Record(string name, AnalysisProject project, string failure)
    {
        var text = project.Inputs.Count == 1 ? project.Inputs[0].Text : "(" + project.Inputs.Count + " files)";
        _failures.Enqueue($"INPUT {name}\n{failure}\n--- input text ---\n{text}\n--- end ---");
    }
}
