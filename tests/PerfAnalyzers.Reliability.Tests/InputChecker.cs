using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// Runs every analyzer and every code fix over many single-file inputs, in parallel, and gathers what went wrong:
/// analyzer exceptions (AD0001) and exceptions from registering or applying a fix.
/// </summary>
internal sealed class InputChecker
{
    private readonly ConcurrentQueue<string> failures = new();
    private int inputsChecked;
    private int diagnosticsSeen;
    private int fixesApplied;

    public IReadOnlyCollection<string> Failures => failures;

    public int InputsChecked => inputsChecked;

    public int DiagnosticsSeen => diagnosticsSeen;

    public int FixesApplied => fixesApplied;

    public async Task CheckAllAsync(IReadOnlyList<SourceInput> inputs, bool applyFixes = true)
    {
        using var basis = await AnalysisProject.CreateAsync([new SourceInput("empty", "")]).ConfigureAwait(false);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        await Parallel.ForEachAsync(inputs, options, async (input, _) =>
        {
            var project = basis.WithInputs([input]);
            await CheckAsync(project, input.Name, applyFixes).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>Analyzes <paramref name="project"/>; offers every diagnostic to the fixes and runs Fix All per document.</summary>
    public async Task CheckAsync(AnalysisProject project, string name, bool applyFixes = true)
    {
        Interlocked.Increment(ref inputsChecked);
        try
        {
            var compilation = await project.GetCompilationAsync().ConfigureAwait(false);
            var run = await AnalyzerRunner.RunAsync(compilation).ConfigureAwait(false);
            Interlocked.Add(ref diagnosticsSeen, run.Diagnostics.Length);
            foreach (var failure in run.Failures)
            {
                Record(name, project, failure);
            }

            if (!applyFixes)
            {
                return;
            }

            var fixFailures = new List<string>();
            var each = await CodeFixApplier.ApplyEachAsync(project.Solution, run.Diagnostics, fixFailures).ConfigureAwait(false);
            var all = await CodeFixApplier.FixAllPerDocumentAsync(project.Solution, run.Diagnostics, fixFailures).ConfigureAwait(false);
            Interlocked.Add(ref fixesApplied, each.Count + all.Count);
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

    /// <summary>A failure message with the input's text, so it can be reproduced from the test output alone.</summary>
    public string Report(int max = 5)
    {
        var shown = failures.Take(max).ToList();
        return $"{failures.Count} failure(s) over {inputsChecked} input(s); the first {shown.Count}:\n\n" + string.Join("\n\n", shown);
    }

    private void Record(string name, AnalysisProject project, string failure)
    {
        var text = project.Inputs.Count == 1 ? project.Inputs[0].Text : "(" + project.Inputs.Count + " files)";
        failures.Enqueue($"INPUT {name}\n{failure}\n--- input text ---\n{text}\n--- end ---");
    }
}
