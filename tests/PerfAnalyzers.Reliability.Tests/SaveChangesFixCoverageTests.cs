using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Rules;
using Xunit.Abstractions;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// PERF012's fix (save once after the loop) should apply to most of what the rule reports, not only to the textbook
/// shape: measured over the sample app and over the rule's positive analyzer test cases.
/// </summary>
public class SaveChangesFixCoverageTests(ITestOutputHelper output)
{
    private const string RuleTestsPath = "tests/PerfAnalyzers.Analyzers.Tests/Rules/PERF012_";

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new SaveChangesInLoopAnalyzer());


    [Fact]
    public async Task SaveChangesFix_OfferedForAtLeastFourFifthsOfSampleDiagnostics()
    {
        using var project = await SampleProject.CreateAsync(TestSourceCorpus.SampleFiles);
        var (fixable, total, unfixed) = await CountAsync(project);

        output.WriteLine($"Sample PERF012: fix offered on {fixable} of {total}.");
        unfixed.ForEach(output.WriteLine);
        Assert.True(total > 0, "The sample raised no PERF012: the coverage would measure nothing.");
        Assert.True(fixable * 5 >= total * 4, $"Fix offered on only {fixable} of {total} sample PERF012 diagnostics:\n" + string.Join("\n", unfixed));
    }

    [Fact]
    public async Task SaveChangesFix_OfferedForAtLeastThreeFifthsOfReportedTestShapes()
    {
        var cases = TestSourceCorpus.PositiveCases().Where(c => c.Name.StartsWith(RuleTestsPath, System.StringComparison.Ordinal)).ToList();
        int fixable = 0, total = 0;
        var unfixed = new List<string>();
        foreach (var testCase in cases)
        {
            using var project = await AnalysisProject.CreateAsync([new SourceInput(testCase.Name, testCase.Source)]);
            var (caseFixable, caseTotal, caseUnfixed) = await CountAsync(project);
            fixable += caseFixable;
            total += caseTotal;
            unfixed.AddRange(caseUnfixed.Select(d => $"{testCase.Name}: {d}"));
        }

        output.WriteLine($"PERF012 analyzer test cases: fix offered on {fixable} of {total}.");
        unfixed.ForEach(output.WriteLine);
        Assert.True(total > 0, "No PERF012 positive test case raised the rule.");
        // The rule's tests also hold the shapes the fix refuses by design (a try/catch per item, a context per item,
        // a concurrent Parallel.ForEachAsync body): three fifths is the floor here, four fifths on the sample.
        Assert.True(fixable * 5 >= total * 3, $"Fix offered on only {fixable} of {total} PERF012 diagnostics of the rule's tests:\n" + string.Join("\n", unfixed));
    }

    private static async Task<(int Fixable, int Total, List<string> Unfixed)> CountAsync(AnalysisProject project)
    {
        var compilation = await project.GetCompilationAsync();
        var run = await AnalyzerRunner.RunAsync(compilation, analyzers: Analyzer);
        Assert.Empty(run.Failures);

        var fix = new SaveChangesInLoopCodeFix();
        int fixable = 0, total = 0;
        var unfixed = new List<string>();
        foreach (var diagnostic in run.Diagnostics.Where(d => d.Id == "PERF012"))
        {
            total++;
            var document = project.Solution.GetDocument(diagnostic.Location.SourceTree)!;
            if ((await CodeFixApplier.RegisterAsync(fix, document, diagnostic, default)).Count > 0)
            {
                fixable++;
            }
            else
            {
                var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
                unfixed.Add($"line {line} of {project.InputOf(diagnostic.Location.SourceTree).Name}: {diagnostic.GetMessage()}");
            }
        }

        return (fixable, total, unfixed);
    }
}
