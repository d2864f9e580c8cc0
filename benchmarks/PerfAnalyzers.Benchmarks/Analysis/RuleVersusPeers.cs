using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Benchmarks.Generation;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>One configuration of a rule-against-peers run: its time per repetition and what it found.</summary>
public sealed record RuleConfigurationResult(string Label, IReadOnlyList<double> ExecutionMs, int Diagnostics, IReadOnlyList<string> AnalyzerExceptions)
{
    public double MedianMs => AnalyzerRunner.Median(ExecutionMs);

    /// <summary>The least disturbed repetition: on a shared machine, the nearest to the analyzer's own cost.</summary>
    public double MinimumMs => ExecutionMs.Count == 0 ? 0 : ExecutionMs.Min();
}

public sealed record RuleVersusPeersResult(string RuleId, BenchmarkCompilation Compilation, int Repetitions, int Expected, IReadOnlyList<RuleConfigurationResult> Configurations);

/// <summary>
/// One PerfAnalyzers rule (this build's, and another build's with <c>--compare</c>) against its nearest peer rules on
/// one generated solution, each alone on one thread, the configurations taking turns repetition by repetition: a
/// busy spell on a shared machine then falls on all of them alike, which separate runs cannot promise.
/// </summary>
public static class RuleVersusPeers
{
    public static async Task<RuleVersusPeersResult> RunAsync(string ruleId, int size, int repetitions, string? compare, int seed, Action<string> log, CancellationToken cancellationToken)
    {
        var solution = SolutionGenerator.Generate(size, seed);
        var compilation = await BenchmarkCompilation.CreateAsync(solution, cancellationToken).ConfigureAwait(false);
        var warmup = (await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(2_000, seed: 1), cancellationToken).ConfigureAwait(false)).Compilation;
        var configurations = new List<(string Label, ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableDictionary<string, ReportDiagnostic>? Options, string Id)>();
        if (compare is not null)
        {
            configurations.Add(($"{ruleId} before", AnalyzerSets.Supporting(AnalyzerSets.FromAssembly(compare), [ruleId]), null, ruleId));
        }

        configurations.Add((compare is null ? ruleId : $"{ruleId} after", AnalyzerSets.Supporting(AnalyzerSets.Ours(), [ruleId]), null, ruleId));
        foreach (var peer in PeerAnalyzers.Load(log).Where(p => PeerAnalyzers.NearestPeers.TryGetValue(ruleId, out var ids) && ids.Contains(p.Id)))
        {
            configurations.Add(($"{peer.Id} ({peer.Package} {peer.Version})", peer.Analyzers, AnalyzerSets.OnlyRule(peer), peer.Id));
        }

        var times = configurations.Select(_ => new List<double>()).ToArray();
        var found = new int[configurations.Count];
        var exceptions = configurations.Select(_ => new List<string>()).ToArray();
        for (var rep = 0; rep < repetitions; rep++)
        {
            // Alternate the order so no configuration always runs right after the same other one.
            var order = Enumerable.Range(0, configurations.Count).ToList();
            if (rep % 2 == 1)
            {
                order.Reverse();
            }

            foreach (var i in order)
            {
                var (label, analyzers, options, id) = configurations[i];
                var m = await AnalyzerRunner.MeasureAsync(label, compilation.Compilation, analyzers, options, 1, cancellationToken, rep == 0 ? warmup : null, concurrent: false).ConfigureAwait(false);
                times[i].Add(m.TotalExecutionMs);
                found[i] = m.DiagnosticCounts.TryGetValue(id, out var n) ? n : 0;
                exceptions[i].AddRange(m.AnalyzerExceptions);
                log($"  rep {rep + 1}, {label}: {m.TotalExecutionMs:N1} ms, {found[i]} diagnostics");
            }
        }

        return new RuleVersusPeersResult(
            ruleId,
            compilation,
            repetitions,
            solution.Expected.TryGetValue(ruleId, out var expected) ? expected : 0,
            configurations.Select((c, i) => new RuleConfigurationResult(c.Label, times[i], found[i], exceptions[i].Distinct().ToList())).ToList());
    }
}
