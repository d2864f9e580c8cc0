using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Rules;
using Xunit.Abstractions;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// How many diagnostics of a rule get a code action registered: a fix offered on a small share of real diagnostics is
/// not worth shipping. The sample app is the realistic code; the rule's analyzer tests are reported alongside.
/// </summary>
public class FixCoverageTests(ITestOutputHelper output)
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> QueryInLoop = [new QueryInLoopAnalyzer()];


    [Fact]
    public async Task QueryInLoopOnTheSample_MostDiagnosticsHaveAFix()
    {
        var sample = TestSourceCorpus.SampleFiles;
        Assert.NotEmpty(sample);
        using var project = await SampleProject.CreateAsync(sample);
        var (withFix, total, missing) = await FixCoverage.CountAsync(project, new QueryInLoopAnalyzer(), RuleCatalog.Ids.QueryInLoop, new QueryInLoopCodeFix());
        output.WriteLine($"PERF010 on the sample: {withFix} of {total} diagnostics with a fix");
        output.WriteLine("Without a fix: " + string.Join("; ", missing));

        Assert.True(total > 0, "The sample raised no PERF010: the coverage would be measured on nothing.");
        Assert.True(withFix * 5 >= total * 4, $"Only {withFix} of {total} PERF010 diagnostics in the sample have a fix (80% expected). Without: {string.Join("; ", missing)}");
    }

    /// <summary>Each PERF010 fix on the sample, and Fix All over it, leaves the sample compiling as it did.</summary>
    [Fact]
    public async Task QueryInLoopFixesOnTheSample_AddNoCompilerError()
    {
        using var project = await SampleProject.CreateAsync(TestSourceCorpus.SampleFiles);
        var compilation = await project.GetCompilationAsync();
        var run = await AnalyzerRunner.RunAsync(compilation, analyzers: QueryInLoop);
        var diagnostics = run.Diagnostics.Where(d => d.Id == RuleCatalog.Ids.QueryInLoop).ToImmutableArray();

        var failures = new List<string>();
        var fixes = new List<AppliedFix>();
        fixes.AddRange(await CodeFixApplier.ApplyEachAsync(project.Solution, diagnostics, failures));
        fixes.AddRange(await CodeFixApplier.FixAllInSolutionAsync(project.Solution, diagnostics, failures));
        foreach (var fix in fixes)
        {
            var fixedCompilation = (await fix.Solution.GetProject(project.Project.Id)!.GetCompilationAsync())!;
            failures.AddRange(AnalysisProject.NewErrors(compilation, fixedCompilation).Select(error => $"{fix.Description} added {error}"));
        }

        output.WriteLine($"{fixes.Count} PERF010 fixes applied to the sample (each on its own, then Fix All).");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        Assert.NotEmpty(fixes);
    }

    /// <summary>Reported, not asserted: the analyzer tests include shapes (Dapper, ADO.NET, lambdas) no fix can batch.</summary>
    [Fact]
    public async Task QueryInLoopOnItsAnalyzerTests_CoverageReported()
    {
        var cases = TestSourceCorpus.PositiveCases()
            .Where(c => c.Name.StartsWith("tests/PerfAnalyzers.Analyzers.Tests/Rules/PERF010_", System.StringComparison.Ordinal) && c.Markup.Contains("{|PERF010:"))
            .ToList();
        Assert.NotEmpty(cases);

        int withFix = 0, total = 0;
        var missing = new List<string>();
        foreach (var snippet in cases)
        {
            using var project = await AnalysisProject.CreateAsync([new SourceInput(snippet.Name, snippet.Source)]);
            var (fixedHere, totalHere, missingHere) = await FixCoverage.CountAsync(project, new QueryInLoopAnalyzer(), RuleCatalog.Ids.QueryInLoop, new QueryInLoopCodeFix());
            withFix += fixedHere;
            total += totalHere;
            missing.AddRange(missingHere);
        }

        output.WriteLine($"PERF010 in its analyzer tests: {withFix} of {total} diagnostics with a fix ({cases.Count} positive cases)");
        output.WriteLine("Without a fix:\n" + string.Join("\n", missing));
        Assert.True(total > 0);
    }
}
