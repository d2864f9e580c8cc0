using System.Collections.Generic;
using System.Linq;
using System.Text;
using PerfAnalyzers.Benchmarks.Analysis;
using static PerfAnalyzers.Benchmarks.Reporting.Markdown;

namespace PerfAnalyzers.Benchmarks.Reporting;

/// <summary>The Markdown page for groups of rules measured turn about; the first group is the one the others are set against.</summary>
public static class RuleGroupsReport
{
    public static string Render(RuleGroupsResult r, string machine, string loadAtStart)
    {
        var solution = r.Compilation.Solution;
        var reference = r.Groups[0];
        var sb = new StringBuilder();
        sb.Append("# Rule groups against ").Append(reference.Label).Append(": ").Append(solution.Name).Append("\n\n");
        sb.Append($"{Number(solution.Lines)} lines in {Number(solution.Files.Count)} files. Each group's analyzers run together, analysis on one thread; ");
        sb.Append("a group's time is the sum of its analyzers' callback times from `GetAnalyzerTelemetryInfoAsync`. The groups took turns ");
        sb.Append($"repetition by repetition after one unmeasured repetition; {r.Repetitions} measured, every one listed.\n\n");
        sb.Append("Machine: ").Append(machine).Append("; load average at the start ").Append(loadAtStart).Append("\n\n");
        Table(sb, ["group", "median ms", $"/ {reference.Label}", "minimum ms", $"/ {reference.Label}", "every repetition (ms)", "diagnostics (expected)"], r.Groups.Select(g => (IReadOnlyList<string>)
        [
            g.Label,
            Ms(Median(g.TotalMs)),
            Number(Median(g.TotalMs) / Median(reference.TotalMs), "N2"),
            Ms(g.TotalMs.Min()),
            Number(g.TotalMs.Min() / reference.TotalMs.Min(), "N2"),
            string.Join(", ", g.TotalMs.Select(Ms)),
            string.Join(", ", g.ReportedRuleIds.Select(id => $"{id} {Count(g.Diagnostics, id)} ({Count(r.Expected, id)})")),
        ]));
        sb.Append("Per analyzer, median (minimum) ms: ");
        sb.Append(string.Join("; ", r.Groups.Select(g => string.Join(", ", g.ByAnalyzer.Select(a => $"{a.Key} {Ms(Median(a.Value))} ({Ms(a.Value.Min())})")))));
        sb.Append(".\n\n");
        sb.Append("Callback times are wall-clock: a callback is also charged for the time its thread waits for a core, so the minimum ");
        sb.Append("(the least disturbed repetition) is shown beside the median.\n\n");
        foreach (var g in r.Groups.Where(g => g.AnalyzerExceptions.Count > 0))
        {
            sb.Append("## ANALYZER EXCEPTIONS (").Append(g.Label).Append(")\n\n");
            foreach (var e in g.AnalyzerExceptions)
            {
                sb.Append("- ").Append(e).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static double Median(IReadOnlyList<double> values) => AnalyzerRunner.Median(values);

    private static int Count(IReadOnlyDictionary<string, int> counts, string id) => counts.TryGetValue(id, out var n) ? n : 0;
}
