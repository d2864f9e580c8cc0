using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Benchmarks.Generation;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>Everything measured on one generated solution in one process: the compiler alone, each analyzer alone, all of ours, each peer rule.</summary>
public sealed class SizeBenchmarkResult
{
    public required BenchmarkCompilation Compilation { get; init; }
    public required int Repetitions { get; init; }
    public required CompileMeasurement Compile { get; init; }
    public required AnalyzerMeasurement Baseline { get; init; }
    /// <summary>Each analyzer run alone; empty when the run skipped them (<c>--no-alone</c>).</summary>
    public required IReadOnlyList<(DiagnosticAnalyzer Analyzer, AnalyzerMeasurement Measurement)> OursAlone { get; init; }
    public required AnalyzerMeasurement AllOurs { get; init; }

    /// <summary>The empty analyzer with analysis on one thread.</summary>
    public required AnalyzerMeasurement BaselineSequential { get; init; }

    /// <summary>Empty operation actions of the kinds ours register, on one thread.</summary>
    public required AnalyzerMeasurement OperationWalkSequential { get; init; }

    /// <summary>The same two on one thread with execution-time logging off, as a build without ReportAnalyzer runs them.</summary>
    public required AnalyzerMeasurement OperationWalkSequentialUnlogged { get; init; }

    public required AnalyzerMeasurement AllOursSequentialUnlogged { get; init; }

    /// <summary>All of ours with analysis on one thread: each callback's time is its own work, not time spent waiting for a core.</summary>
    public required AnalyzerMeasurement AllOursSequential { get; init; }
    public required IReadOnlyList<(PeerRule Peer, AnalyzerMeasurement Measurement)> Peers { get; init; }
    public required IReadOnlyList<CountCheck> Counts { get; init; }

    public bool CountsMatch => Counts.All(c => c.Status != CountStatus.Mismatch);

    public double CompileMs => Compile.EmitMs + Compilation.ParseTime.TotalMilliseconds;

    public IEnumerable<string> AnalyzerExceptions =>
        OursAlone.SelectMany(o => o.Measurement.AnalyzerExceptions).Concat(AllOurs.AnalyzerExceptions).Concat(AllOursSequential.AnalyzerExceptions).Concat(AllOursSequentialUnlogged.AnalyzerExceptions).Distinct();
}

public enum CountStatus
{
    Match,
    Mismatch,
    NotImplemented,
}

public sealed record CountCheck(string RuleId, int Expected, int Found, CountStatus Status);

public static class SizeBenchmark
{
    public static async Task<SizeBenchmarkResult> RunAsync(
        SyntheticSolution solution,
        int repetitions,
        bool includePeers,
        Action<string> log,
        CancellationToken cancellationToken,
        bool includeAlone = true)
    {
        log($"{solution.Name}: {solution.Lines:N0} lines in {solution.Files.Count:N0} files; compiling");
        var compilation = await BenchmarkCompilation.CreateAsync(solution, cancellationToken).ConfigureAwait(false);
        var errors = compilation.GetErrors();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"The generated code has {errors.Count} compiler errors, e.g.: " + string.Join(Environment.NewLine, errors.Take(5)));
        }

        // A small solution from the same generator warms up the compiler and each analyzer before it is measured.
        var warmup = (await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(2_000, seed: 1), cancellationToken).ConfigureAwait(false)).Compilation;
        var compile = AnalyzerRunner.MeasureCompile(compilation.Compilation, warmup, repetitions);
        log($"  compile: parse {compilation.ParseTime.TotalMilliseconds:N0} ms, diagnostics {compile.GetDiagnosticsMs:N0} ms, emit {compile.EmitMs:N0} ms");

        var baseline = await AnalyzerRunner.MeasureAsync("binding baseline", compilation.Compilation, [new BindingBaselineAnalyzer()], null, repetitions, cancellationToken, warmup).ConfigureAwait(false);
        log($"  binding baseline: wall {baseline.WallMs:N0} ms");

        var ours = AnalyzerSets.Ours();
        var alone = new List<(DiagnosticAnalyzer, AnalyzerMeasurement)>();
        foreach (var analyzer in includeAlone ? ours : [])
        {
            var measurement = await AnalyzerRunner.MeasureAsync(analyzer.GetType().Name, compilation.Compilation, [analyzer], null, repetitions, cancellationToken, warmup).ConfigureAwait(false);
            alone.Add((analyzer, measurement));
            log($"  {analyzer.GetType().Name}: {measurement.TotalExecutionMs:N1} ms");
        }

        var all = await AnalyzerRunner.MeasureAsync("all PerfAnalyzers", compilation.Compilation, ours, null, repetitions, cancellationToken, warmup).ConfigureAwait(false);
        log($"  all PerfAnalyzers: {all.TotalExecutionMs:N1} ms ({100 * all.TotalExecutionMs / (compile.EmitMs + compilation.ParseTime.TotalMilliseconds):N2}% of compile)");

        var baselineSequential = await AnalyzerRunner.MeasureAsync("binding baseline, one thread", compilation.Compilation, [new BindingBaselineAnalyzer()], null, repetitions, cancellationToken, warmup, concurrent: false).ConfigureAwait(false);
        var walkSequential = await AnalyzerRunner.MeasureAsync("operation walk baseline, one thread", compilation.Compilation, [new OperationWalkBaselineAnalyzer()], null, repetitions, cancellationToken, warmup, concurrent: false).ConfigureAwait(false);
        var allSequential = await AnalyzerRunner.MeasureAsync("all PerfAnalyzers, one thread", compilation.Compilation, ours, null, repetitions, cancellationToken, warmup, concurrent: false).ConfigureAwait(false);
        log($"  all PerfAnalyzers, one thread: {allSequential.TotalExecutionMs:N1} ms ({100 * allSequential.TotalExecutionMs / (compile.EmitMs + compilation.ParseTime.TotalMilliseconds):N2}% of compile); wall {allSequential.WallMs:N0} ms against {baselineSequential.WallMs:N0} ms (empty analyzer) and {walkSequential.WallMs:N0} ms (empty operation actions)");

        var walkUnlogged = await AnalyzerRunner.MeasureAsync("operation walk baseline, one thread, no timing", compilation.Compilation, [new OperationWalkBaselineAnalyzer()], null, repetitions, cancellationToken, warmup, concurrent: false, logExecutionTime: false).ConfigureAwait(false);
        var allUnlogged = await AnalyzerRunner.MeasureAsync("all PerfAnalyzers, one thread, no timing", compilation.Compilation, ours, null, repetitions, cancellationToken, warmup, concurrent: false, logExecutionTime: false).ConfigureAwait(false);
        log($"  without execution-time logging, one thread: wall {allUnlogged.WallMs:N0} ms against {walkUnlogged.WallMs:N0} ms (empty operation actions)");

        var peers = new List<(PeerRule, AnalyzerMeasurement)>();
        if (includePeers)
        {
            foreach (var peer in PeerAnalyzers.Load(log))
            {
                var measurement = await AnalyzerRunner.MeasureAsync(peer.Id, compilation.Compilation, peer.Analyzers, AnalyzerSets.OnlyRule(peer), repetitions, cancellationToken, warmup).ConfigureAwait(false);
                peers.Add((peer, measurement));
                measurement.DiagnosticCounts.TryGetValue(peer.Id, out var found);
                log($"  peer {peer.Id}: {measurement.TotalExecutionMs:N1} ms, {found} diagnostics");
            }
        }

        return new SizeBenchmarkResult
        {
            Compilation = compilation,
            Repetitions = repetitions,
            Compile = compile,
            Baseline = baseline,
            OursAlone = alone,
            AllOurs = all,
            BaselineSequential = baselineSequential,
            OperationWalkSequential = walkSequential,
            OperationWalkSequentialUnlogged = walkUnlogged,
            AllOursSequentialUnlogged = allUnlogged,
            AllOursSequential = allSequential,
            Peers = peers,
            Counts = CheckCounts(solution, AnalyzerSets.ImplementedRules(ours), all.DiagnosticCounts),
        };
    }

    /// <summary>Found against expected for every rule; a rule with no analyzer in this build is reported as such, not as a match.</summary>
    public static IReadOnlyList<CountCheck> CheckCounts(SyntheticSolution solution, ISet<string> implemented, IReadOnlyDictionary<string, int> found)
    {
        var checks = new List<CountCheck>();
        foreach (var id in SolutionGenerator.RuleIds)
        {
            found.TryGetValue(id, out var count);
            var expected = solution.Expected[id];
            var status = !implemented.Contains(id) ? CountStatus.NotImplemented
                : count == expected ? CountStatus.Match
                : CountStatus.Mismatch;
            checks.Add(new CountCheck(id, expected, count, status));
        }

        return checks;
    }
}
