using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>Builds analyze with concurrent execution on: the diagnostics must not depend on thread timing.</summary>
public class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Runs = 5;

    [Fact]
    public async Task ConcurrentAnalysis_RepeatedOverSample_GivesIdenticalDiagnostics()
    {
        var units = await ConcurrencySubjects.CreateAsync();
        try
        {
            var compilations = new List<Compilation>();
            foreach (var unit in units)
            {
                compilations.Add(await unit.GetCompilationAsync());
            }

            // The reference: one analyzer callback at a time.
            var expected = new List<IReadOnlyList<string>>();
            foreach (var compilation in compilations)
            {
                var run = await AnalyzerRunner.RunAsync(compilation.Clone(), concurrent: false);
                Assert.True(run.Failures.Count == 0, string.Join("\n", run.Failures));
                expected.Add(AnalyzerRunner.Describe(run.Diagnostics));
            }

            var total = expected.Sum(e => e.Count);
            output.WriteLine($"{units.Count} project(s), {units.Sum(u => u.Inputs.Count)} file(s), {total} diagnostics per run, {Runs} concurrent runs.");
            Assert.True(total > 0, "The subject raised no diagnostic: comparing empty runs proves nothing.");

            for (var attempt = 1; attempt <= Runs; attempt++)
            {
                // Fresh compilations (nothing bound yet), every project analyzed at once, each with concurrent execution.
                var runs = await Task.WhenAll(compilations.Select(c => Task.Run(() => AnalyzerRunner.RunAsync(c.Clone(), concurrent: true))));
                for (var i = 0; i < runs.Length; i++)
                {
                    Assert.True(runs[i].Failures.Count == 0, string.Join("\n", runs[i].Failures));
                    Assert.Equal(expected[i], AnalyzerRunner.Describe(runs[i].Diagnostics));
                }
            }
        }
        finally
        {
            foreach (var unit in units)
            {
                unit.Dispose();
            }
        }
    }
}

/// <summary>
/// What the concurrency and cancellation tests analyze: the sample app as one project when it is present; otherwise the
/// odd-but-valid corpus as one project plus every positive test case as a project of its own.
/// </summary>
internal static class ConcurrencySubjects
{
    public static async Task<IReadOnlyList<AnalysisProject>> CreateAsync()
    {
        var sample = TestSourceCorpus.SampleFiles;
        if (sample.Count > 0)
        {
            return [await SampleProject.CreateAsync(sample)];
        }

        var units = new List<AnalysisProject> { await AnalysisProject.CreateAsync(CorpusLibraryFiles()) };
        foreach (var snippet in TestSourceCorpus.PositiveCases())
        {
            units.Add(await AnalysisProject.CreateAsync([new SourceInput(snippet.Name, snippet.Source)]));
        }

        return units;
    }

    /// <summary>The corpus files that compile together as a library (the top-level program needs a project of its own).</summary>
    public static IReadOnlyList<SourceInput> CorpusLibraryFiles() =>
        Directory.GetFiles(OddValidCodeTests.CorpusDirectory, "*.cs")
            .Where(p => !Path.GetFileName(p).StartsWith("TopLevel", System.StringComparison.Ordinal))
            .Order(System.StringComparer.Ordinal)
            .Select(p => new SourceInput("Corpus/" + Path.GetFileName(p), File.ReadAllText(p)))
            .ToList();
}
