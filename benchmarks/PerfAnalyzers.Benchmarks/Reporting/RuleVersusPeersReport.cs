using System.Linq;
using System.Text;
using PerfAnalyzers.Benchmarks.Analysis;
using static PerfAnalyzers.Benchmarks.Reporting.Markdown;

namespace PerfAnalyzers.Benchmarks.Reporting;

/// <summary>The Markdown page for one rule against its peers.</summary>
public static class RuleVersusPeersReport
{
    public static string Render(RuleVersusPeersResult r, string machine, string loadAtStart)
    {
        var solution = r.Compilation.Solution;
        var sb = new StringBuilder();
        sb.Append("# ").Append(r.RuleId).Append(" against its peers: ").Append(solution.Name).Append("\n\n");
        sb.Append($"{Number(solution.Lines)} lines in {Number(solution.Files.Count)} files. Each configuration alone, analysis on one thread; ");
        sb.Append("analyzer time is its own callback time from `GetAnalyzerTelemetryInfoAsync`. The configurations took turns ");
        sb.Append($"repetition by repetition; median of {r.Repetitions}, every repetition listed.\n\n");
        sb.Append("Machine: ").Append(machine).Append("; load average at the start ").Append(loadAtStart).Append("\n\n");
        var peers = r.Configurations.Where(c => !c.Label.StartsWith(r.RuleId, System.StringComparison.Ordinal)).ToList();
        var cheapestMedian = peers.Select(c => c.MedianMs).DefaultIfEmpty(0).Min();
        var cheapestMinimum = peers.Select(c => c.MinimumMs).DefaultIfEmpty(0).Min();
        Table(sb, ["configuration", "median ms", "/ cheapest peer", "minimum ms", "/ cheapest peer", "every repetition (ms)", "diagnostics"], r.Configurations.Select(c => (System.Collections.Generic.IReadOnlyList<string>)
        [
            c.Label,
            Ms(c.MedianMs),
            cheapestMedian > 0 ? Number(c.MedianMs / cheapestMedian, "N2") : "",
            Ms(c.MinimumMs),
            cheapestMinimum > 0 ? Number(c.MinimumMs / cheapestMinimum, "N2") : "",
            string.Join(", ", c.ExecutionMs.Select(Ms)),
            Number(c.Diagnostics) + (c.Label.StartsWith(r.RuleId, System.StringComparison.Ordinal) && c.Diagnostics != r.Expected ? $" **MISMATCH (expected {r.Expected})**" : ""),
        ]));
        sb.Append("Callback times are wall-clock: on a shared machine a callback is also charged for the time its thread waits for a core, ");
        sb.Append("so the minimum (the least disturbed repetition) is shown beside the median.\n\n");
        sb.Append($"Expected {r.RuleId} diagnostics (planted by the generator): {Number(r.Expected)}. Target: at most half the cheapest peer's time (≤ 0.50).\n\n");
        foreach (var c in r.Configurations.Where(c => c.AnalyzerExceptions.Count > 0))
        {
            sb.Append("## ANALYZER EXCEPTIONS (").Append(c.Label).Append(")\n\n");
            foreach (var e in c.AnalyzerExceptions)
            {
                sb.Append("- ").Append(e).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
