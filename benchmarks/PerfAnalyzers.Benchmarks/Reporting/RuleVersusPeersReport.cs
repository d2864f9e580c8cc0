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
        var cheapestPeer = r.Configurations.Where(c => !c.Label.StartsWith(r.RuleId, System.StringComparison.Ordinal)).Select(c => c.MedianMs).DefaultIfEmpty(0).Min();
        Table(sb, ["configuration", "median ms", "every repetition (ms)", "diagnostics", "/ cheapest peer"], r.Configurations.Select(c => (System.Collections.Generic.IReadOnlyList<string>)
        [
            c.Label,
            Ms(c.MedianMs),
            string.Join(", ", c.ExecutionMs.Select(Ms)),
            Number(c.Diagnostics) + (c.Label.StartsWith(r.RuleId, System.StringComparison.Ordinal) && c.Diagnostics != r.Expected ? $" **MISMATCH (expected {r.Expected})**" : ""),
            cheapestPeer > 0 ? Number(c.MedianMs / cheapestPeer, "N2") : "",
        ]));
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
