using System.Collections.Generic;
using System.Linq;
using System.Text;
using PerfAnalyzers.Benchmarks.Analysis;
using static PerfAnalyzers.Benchmarks.Reporting.Markdown;

namespace PerfAnalyzers.Benchmarks.Reporting;

/// <summary>Inputs that expose quadratic walks: analyzer time must stay a small fraction of the compiler's.</summary>
public static class PathologicalReport
{
    public static string Render(IReadOnlyList<SizeBenchmarkResult> results, string machine)
    {
        var sb = new StringBuilder("# Pathological inputs\n\n");
        sb.Append("Machine: ").Append(machine).Append("\n\n");
        sb.Append("A 5,000-statement async method (awaits, arithmetic, 1,000 short loops, appends) and 50 `for` loops nested in one method. Median of ")
            .Append(results.FirstOrDefault()?.Repetitions ?? 0).Append(" runs, milliseconds.\n\n");
        var analyzerNames = results.SelectMany(r => r.OursAlone.Select(o => o.Analyzer.GetType().Name)).Distinct().ToList();
        Table(sb, ["input", "lines", "compile ms", "all PerfAnalyzers ms", "% of compile", .. analyzerNames, "counts"],
            results.Select(r => (IReadOnlyList<string>)
            [
                r.Compilation.Solution.Name,
                Number(r.Compilation.Solution.Lines),
                Ms(r.CompileMs),
                Ms(r.AllOurs.TotalExecutionMs),
                Percent(100 * r.AllOurs.TotalExecutionMs / r.CompileMs),
                .. analyzerNames.Select(n => r.OursAlone.FirstOrDefault(o => o.Analyzer.GetType().Name == n).Measurement is { } m ? Ms(m.TotalExecutionMs) : "—"),
                r.CountsMatch ? "ok (" + string.Join(", ", r.Counts.Where(c => c.Status == CountStatus.Match && c.Expected > 0).Select(c => $"{c.RuleId}={c.Found}").DefaultIfEmpty("none expected")) + ")" : "**MISMATCH** " + string.Join(", ", r.Counts.Where(c => c.Status == CountStatus.Mismatch).Select(c => $"{c.RuleId}: expected {c.Expected}, found {c.Found}")),
            ]));
        return sb.ToString();
    }
}
