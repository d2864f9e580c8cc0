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
                Counts(r),
            ]));
        return sb.ToString();
    }

    private static string Counts(SizeBenchmarkResult r)
    {
        var parts = r.Counts
            .Where(c => c.Expected > 0 || c.Found > 0)
            .Select(c => c.Status switch
            {
                CountStatus.Match => $"{c.RuleId} {c.Found} ok",
                CountStatus.Mismatch => $"**{c.RuleId} MISMATCH: expected {c.Expected}, found {c.Found}**",
                _ => $"{c.RuleId} {c.Expected} expected (rule not in this build)",
            })
            .ToList();
        return parts.Count == 0 ? "ok: no diagnostic expected, none found" : string.Join("; ", parts);
    }
}
