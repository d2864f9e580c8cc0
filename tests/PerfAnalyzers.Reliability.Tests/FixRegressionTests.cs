using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>Defects these tests once found in a fix, kept as exact reproducers so they cannot return.</summary>
public class FixRegressionTests(ITestOutputHelper output)
{
    public const string TwoLoopsSameVariable = """
        class C
        {
            string M(string[] first, string[] second)
            {
                var s = "";
                foreach (var x in first)
                {
                    s += x;
                }

                foreach (var y in second)
                {
                    s += y;
                }

                return s;
            }
        }
        """;

    [Fact]
    public async Task Perf030FixAll_TwoLoopsAccumulatingTheSameVariable_Compiles()
    {
        using var project = await AnalysisProject.CreateAsync([new SourceInput("two loops, one variable", TwoLoopsSameVariable)]);
        var compilation = await project.GetCompilationAsync();
        var run = await AnalyzerRunner.RunAsync(compilation);
        Assert.Equal(2, run.Diagnostics.Count(d => d.Id == "PERF030"));

        var failures = new List<string>();
        var fixes = await CodeFixApplier.FixAllPerDocumentAsync(project.Solution, run.Diagnostics, failures);
        Assert.Empty(failures);
        Assert.NotEmpty(fixes);
        foreach (var fix in fixes)
        {
            var fixedCompilation = (await fix.Solution.GetProject(project.Project.Id)!.GetCompilationAsync())!;
            var added = AnalysisProject.NewErrors(compilation, fixedCompilation);
            output.WriteLine((await fix.Solution.GetDocument(project.Project.DocumentIds[0])!.GetTextAsync()).ToString());
            Assert.True(added.Count == 0, string.Join("\n", added));
        }
    }
}
