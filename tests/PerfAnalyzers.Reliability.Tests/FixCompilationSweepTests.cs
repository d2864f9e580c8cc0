using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// One sweep over every positive case the test suite holds: every fix offered, and every Fix All, must leave code that
/// compiles with no error it did not already have. A new fix shape cannot skip this: it is found through its tests.
/// </summary>
public class FixCompilationSweepTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryFixOnEveryPositiveTestCase_AddsNoCompilerError()
    {
        var cases = TestSourceCorpus.PositiveCases();
        Assert.True(cases.Count > 0, "No test source with diagnostic markup was found: the sweep would check nothing.");

        var checker = new InputChecker();
        await checker.CheckAllAsync(cases.Select(c => new SourceInput(c.Name, c.Source)).ToList(), new CheckOptions(FixesMustCompile: true));

        output.WriteLine($"{cases.Count} positive cases ({checker.InputsWithDiagnostics} raised diagnostics), {checker.DiagnosticsSeen} diagnostics, {checker.FixesApplied} fixes applied and compiled.");
        Assert.True(checker.Failures.Count == 0, checker.Report());
        // Some positive cases need .editorconfig options or extra files their test supplies; most must fire as they are.
        Assert.True(checker.InputsWithDiagnostics * 2 >= cases.Count, $"Only {checker.InputsWithDiagnostics} of {cases.Count} positive cases raised a diagnostic.");

        var exercised = checker.ProvidersThatFixed;
        var idle = CodeFixApplier.AllCodeFixes.Select(p => p.GetType().Name).Where(n => !exercised.Contains(n)).ToList();
        Assert.True(idle.Count == 0, "Code fixes never applied to any positive test case: " + string.Join(", ", idle));
    }

    [Fact]
    public async Task FixAllOverTheSample_AddsNoCompilerError()
    {
        var sample = TestSourceCorpus.SampleFiles;
        var files = sample.Count > 0 ? sample : ConcurrencySubjects.CorpusLibraryFiles();
        using var project = sample.Count > 0 ? await SampleProject.CreateAsync(sample) : await AnalysisProject.CreateAsync(files);
        var compilation = await project.GetCompilationAsync();
        var run = await AnalyzerRunner.RunAsync(compilation);
        Assert.Empty(run.Failures);

        var failures = new List<string>();
        var fixes = await CodeFixApplier.FixAllInSolutionAsync(project.Solution, run.Diagnostics, failures);
        foreach (var fix in fixes)
        {
            var fixedCompilation = (await fix.Solution.GetProject(project.Project.Id)!.GetCompilationAsync())!;
            foreach (var error in AnalysisProject.NewErrors(compilation, fixedCompilation))
            {
                failures.Add($"{fix.Description} added {error}");
            }
        }

        output.WriteLine($"{(sample.Count > 0 ? "Sample" : "Corpus stand-in for the absent sample")}: {files.Count} files, "
            + $"{run.Diagnostics.Length} diagnostics, {fixes.Count} Fix All actions applied.");

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        Assert.NotEmpty(fixes);
    }
}
