using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PerfAnalyzers.Benchmarks.Analysis;
using static PerfAnalyzers.Benchmarks.Reporting.Markdown;

namespace PerfAnalyzers.Benchmarks.Reporting;

/// <summary>The Markdown page for one generated solution.</summary>
public static class SizeReport
{
    public static string Render(SizeBenchmarkResult r, string machine)
    {
        var solution = r.Compilation.Solution;
        var lines = Math.Max(1, solution.Lines);
        var sb = new StringBuilder();
        sb.Append("# Analyzer benchmark: ").Append(solution.Name).Append("\n\n");
        sb.Append($"{Number(solution.Lines)} lines in {Number(solution.Files.Count)} files, seed {Generation.SolutionGenerator.DefaultSeed}; ");
        sb.Append($"median of {r.Repetitions} runs per row; times are milliseconds.\n\n");
        sb.Append("Machine: ").Append(machine).Append("\n\n");

        if (!r.CountsMatch)
        {
            sb.Append("> **DIAGNOSTIC COUNT MISMATCH — the numbers below are for an analyzer that finds the wrong things.**\n\n");
        }

        sb.Append("## Compilation (no analyzer)\n\n");
        Table(sb, ["step", "ms"],
        [
            ["parse (all files)", Ms(r.Compilation.ParseTime.TotalMilliseconds)],
            ["GetDiagnostics (bind all)", Ms(r.Compile.GetDiagnosticsMs)],
            ["Emit (bind + lower + emit)", Ms(r.Compile.EmitMs)],
            ["Emit, process CPU time", Ms(r.Compile.EmitCpuMs)],
            ["**compile = parse + emit**", "**" + Ms(r.CompileMs) + "**"],
            ["analyzer driver with an empty operation analyzer (wall)", Ms(r.Baseline.WallMs)],
        ]);

        sb.Append("## PerfAnalyzers rules against the nearest peer rules\n\n");
        sb.Append(r.OursAlone.Count > 0
            ? "Analyzer time is the analyzer's own callback time from `GetAnalyzerTelemetryInfoAsync`, analyzer run alone. "
            : "Analyzer time is the analyzer's own callback time from `GetAnalyzerTelemetryInfoAsync` in the one-thread run of all of them (this run skipped the runs alone). ");
        sb.Append("Ratio = ours / peer (≤ 1.00 is the target; ⚠ marks a miss). Allocations are what the run allocates beyond the empty-analyzer baseline, per line.\n\n");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var rule in Generation.SolutionGenerator.RuleIds)
        {
            var ours = r.OursAlone.FirstOrDefault(o => AnalyzerSets.RuleIds(o.Analyzer).Contains(rule));
            var ourName = ours.Analyzer is null ? AnalyzerFor(rule) ?? "not on this branch" : ours.Analyzer.GetType().Name;
            // Without the runs alone (--no-alone), the analyzer's share of the one-thread run of all of them.
            var ourMs = ours.Measurement?.TotalExecutionMs
                ?? (r.OursAlone.Count == 0 && r.AllOursSequential.ExecutionMsByAnalyzer.TryGetValue(ourName, out var share) ? share : null);
            var ourAlloc = ours.Measurement is null ? "" : AllocPerLine(ours.Measurement, r.Baseline, lines);
            var peers = PeerAnalyzers.NearestPeers[rule];
            if (peers.Length == 0)
            {
                rows.Add([rule, ourName, ourMs is null ? "—" : Ms(ourMs.Value), ourAlloc, "(no peer rule; see % of compile)", "", "", ourMs is null ? "" : Percent(100 * ourMs.Value / r.CompileMs) + " of compile"]);
                continue;
            }

            foreach (var peerId in peers)
            {
                var peer = r.Peers.FirstOrDefault(p => p.Peer.Id == peerId);
                if (peer.Peer is null)
                {
                    rows.Add([rule, ourName, ourMs is null ? "—" : Ms(ourMs.Value), ourAlloc, peerId + " (not loaded)", "", "", ""]);
                    continue;
                }

                var peerMs = peer.Measurement.TotalExecutionMs;
                rows.Add([rule, ourName, ourMs is null ? "—" : Ms(ourMs.Value), ourAlloc, $"{peerId} ({peer.Peer.Package} {peer.Peer.Version})", Ms(peerMs), AllocPerLine(peer.Measurement, r.Baseline, lines), ourMs is null ? "" : Ratio(ourMs.Value, peerMs)]);
            }
        }

        Table(sb, ["rule", "PerfAnalyzers analyzer", "our ms", "our B/line", "peer rule", "peer ms", "peer B/line", "ratio"], rows);

        sb.Append("## All PerfAnalyzers analyzers together\n\n");
        sb.Append("Measured twice: with analysis on one thread, where each callback's time is the analyzer's own work, and with ");
        sb.Append("concurrent analysis as a build runs it, where on this machine's two cores a callback's stopwatch also runs while ");
        sb.Append("binding, the garbage collector or another analyzer holds the core. The target is judged on the first.\n\n");
        Table(sb, ["measure", "one thread", "concurrent"],
        [
            ["analyzer time, all together (ms)", Ms(r.AllOursSequential.TotalExecutionMs), Ms(r.AllOurs.TotalExecutionMs)],
            ["**as % of compile (target ≤ 5%)**", "**" + Percent(100 * r.AllOursSequential.TotalExecutionMs / r.CompileMs) + "**", Percent(100 * r.AllOurs.TotalExecutionMs / r.CompileMs)],
            ["driver wall time minus the empty-analyzer baseline (ms)", Ms(r.AllOursSequential.WallMs - r.BaselineSequential.WallMs), Ms(r.AllOurs.WallMs - r.Baseline.WallMs)],
            ["process CPU time minus the empty-analyzer baseline (ms)", Ms(r.AllOursSequential.CpuMs - r.BaselineSequential.CpuMs), Ms(r.AllOurs.CpuMs - r.Baseline.CpuMs)],
            ["driver wall time minus empty operation actions of the same kinds (ms)", Ms(r.AllOursSequential.WallMs - r.OperationWalkSequential.WallMs), "—"],
            ["the same with execution-time logging off, as in a build (ms; % of compile)", Ms(r.AllOursSequentialUnlogged.WallMs - r.OperationWalkSequentialUnlogged.WallMs) + "; " + Percent(100 * (r.AllOursSequentialUnlogged.WallMs - r.OperationWalkSequentialUnlogged.WallMs) / r.CompileMs), "—"],
            ["allocations beyond baseline per line (bytes)", AllocPerLine(r.AllOursSequential, r.BaselineSequential, lines), AllocPerLine(r.AllOurs, r.Baseline, lines)],
            ["GC pauses, all together / empty-analyzer baseline (ms)", Ms(r.AllOursSequential.GcPauseMs) + " / " + Ms(r.BaselineSequential.GcPauseMs), Ms(r.AllOurs.GcPauseMs) + " / " + Ms(r.Baseline.GcPauseMs)],
        ]);
        sb.Append("The empty-analyzer baseline registers one operation-block action; an analyzer with operation actions also has the driver ");
        sb.Append("walk every operation tree and call back per operation, which the second baseline (empty actions for the operation kinds ");
        sb.Append("PerfAnalyzers registers) measures on its own: any analyzer with such actions, the SDK's default ones included, brings that walk.\n\n");
        sb.Append("Per analyzer, one thread: ");
        sb.Append(string.Join(", ", r.AllOursSequential.ExecutionMsByAnalyzer.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {Ms(p.Value)}")));
        sb.Append(".\n\n");

        sb.Append("## Diagnostics found against the generator's known counts\n\n");
        Table(sb, ["rule", "expected", "found", "status"], r.Counts.Select(c => (IReadOnlyList<string>)
        [
            c.RuleId,
            Number(c.Expected),
            c.Status == CountStatus.NotImplemented ? "—" : Number(c.Found),
            c.Status switch
            {
                CountStatus.Match => "ok",
                CountStatus.Mismatch => "**MISMATCH**",
                _ => "rule not in this build",
            },
        ]));

        if (r.Peers.Count > 0)
        {
            sb.Append("Peer rules on the same code (for reference; not asserted):\n\n");
            Table(sb, ["peer rule", "diagnostics"], r.Peers.Select(p => (IReadOnlyList<string>)
            [
                p.Peer.Id,
                Number(p.Measurement.DiagnosticCounts.TryGetValue(p.Peer.Id, out var n) ? n : 0),
            ]));
        }

        var exceptions = r.AnalyzerExceptions.ToList();
        if (exceptions.Count > 0)
        {
            sb.Append("## ANALYZER EXCEPTIONS\n\n");
            foreach (var e in exceptions)
            {
                sb.Append("- ").Append(e).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string? AnalyzerFor(string rule) =>
        AnalyzerSets.Ours().FirstOrDefault(a => AnalyzerSets.RuleIds(a).Contains(rule))?.GetType().Name;

    private static string AllocPerLine(AnalyzerMeasurement m, AnalyzerMeasurement baseline, int lines) =>
        Number(Math.Max(0, m.AllocatedBytes - baseline.AllocatedBytes) / (double)lines, "N0");
}
