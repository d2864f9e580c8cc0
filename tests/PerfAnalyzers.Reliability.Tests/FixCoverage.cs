using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>How many of a rule's diagnostics in a project get at least one code action from its fix.</summary>
internal static class FixCoverage
{
    public static async Task<(int WithFix, int Total, List<string> Missing)> CountAsync(AnalysisProject project, DiagnosticAnalyzer analyzer, string ruleId, CodeFixProvider fix)
    {
        var compilation = await project.GetCompilationAsync();
        var run = await AnalyzerRunner.RunAsync(compilation, analyzers: ImmutableArray.Create(analyzer));
        Assert.Empty(run.Failures);

        var withFix = 0;
        var missing = new List<string>();
        var diagnostics = run.Diagnostics.Where(d => d.Id == ruleId).ToList();
        foreach (var diagnostic in diagnostics)
        {
            var document = project.Solution.GetDocument(diagnostic.Location.SourceTree)!;
            if ((await CodeFixApplier.RegisterAsync(fix, document, diagnostic, default)).Count > 0)
            {
                withFix++;
            }
            else
            {
                var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1;
                missing.Add($"{project.InputOf(diagnostic.Location.SourceTree).Name}:{line} {diagnostic.GetMessage()}");
            }
        }

        return (withFix, diagnostics.Count, missing);
    }
}
