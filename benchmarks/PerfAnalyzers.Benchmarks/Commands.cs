using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PerfAnalyzers.Benchmarks.Analysis;
using PerfAnalyzers.Benchmarks.Generation;
using PerfAnalyzers.Benchmarks.Builds;
using PerfAnalyzers.Benchmarks.Reporting;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Benchmarks;

/// <summary>The commands; each prints its tables and writes them under benchmarks/results. Non-zero exit: wrong counts or an analyzer exception.</summary>
public static class Commands
{
    public static string ResultsDirectory { get; private set; } = Path.Combine(RepositoryPaths.Root, "benchmarks", "results");

    public static async Task<int> RunAsync(CommandLine command)
    {
        if (command.Results is not null)
        {
            ResultsDirectory = Path.GetFullPath(command.Results);
        }

        var ct = CancellationToken.None;
        AnalyzerRunner.HoldOffGarbageCollection = !command.WithGc;
        switch (command.Command)
        {
            case "all":
            {
                var failed = false;
                foreach (var size in new[] { 10_000, 100_000, 500_000 })
                {
                    failed |= !await BenchAsync(size, command.Repetitions ?? (size >= 500_000 ? 3 : 5), command.Peers, command.Alone, command.Seed, ct);
                }

                failed |= !await PathologicalAsync(command.Repetitions ?? 5, ct);
                failed |= !await NoDataAsync(command.Repetitions ?? 5, command.Seed, ct);
                ScalingReport.Write(ResultsDirectory);
                failed |= !await Throughput.RunAsync(100_000, command.Repetitions ?? 3, command.Seed, command.Output, command.PerfReport, ResultsDirectory, Log, ct);
                return failed ? 1 : 0;
            }

            case "bench":
            {
                var failed = false;
                foreach (var size in command.Sizes)
                {
                    failed |= !await BenchAsync(size, command.Repetitions ?? 5, command.Peers, command.Alone, command.Seed, ct);
                }

                ScalingReport.Write(ResultsDirectory);
                return failed ? 1 : 0;
            }

            case "small-projects":
                return await SmallProjectsAsync(command.Projects, command.ProjectLines, command.Repetitions ?? 5, command.Compare, command.Seed, ct) ? 0 : 1;
            case "rule-vs-peers":
                return await RuleVersusPeersAsync(command.Rule ?? throw new ArgumentException("rule-vs-peers needs --rule"), command.Sizes[0], command.Repetitions ?? 5, command.Compare, command.Seed, ct) ? 0 : 1;
            case "rule-groups":
                return await RuleGroupsAsync(command.Groups.Count >= 2 ? command.Groups : throw new ArgumentException("rule-groups needs --groups with two groups or more"), command.Sizes[0], command.Repetitions ?? 9, command.Seed, ct) ? 0 : 1;
            case "profile":
                return await ProfileAsync(command.Sizes[0], command.Repetitions ?? 10, command.Rule, command.Seed, ct) ? 0 : 1;
            case "pathological":
                return await PathologicalAsync(command.Repetitions ?? 5, ct) ? 0 : 1;
            case "no-data":
                return await NoDataAsync(command.Repetitions ?? 5, command.Seed, ct) ? 0 : 1;
            case "scaling":
                ScalingReport.Write(ResultsDirectory);
                return 0;
            case "generate":
                foreach (var size in command.Sizes)
                {
                    var solution = SolutionGenerator.Generate(size, command.Seed);
                    Console.WriteLine($"{solution.Name}: {solution.Lines:N0} lines, {solution.Files.Count:N0} files, sha256 {Hash(solution)}");
                    Console.WriteLine("  expected: " + string.Join(", ", solution.Expected.Select(e => $"{e.Key}={e.Value}")));
                }

                return 0;
            case "write-solution":
            {
                var size = command.Sizes[0];
                var directory = command.Output ?? Path.Combine(Path.GetTempPath(), "perfanalyzers-synthetic-" + CommandLine.SizeLabel(size));
                SolutionWriter.Write(SolutionGenerator.Generate(size, command.Seed), directory);
                Console.WriteLine("written to " + directory);
                return 0;
            }

            case "throughput":
                return await Throughput.RunAsync(command.Sizes[0], command.Repetitions ?? 3, command.Seed, command.Output, command.PerfReport, ResultsDirectory, Log, ct) ? 0 : 1;
            default:
                throw new ArgumentException("unknown command " + command.Command);
        }
    }

    public static string Hash(SyntheticSolution solution)
    {
        using var sha = SHA256.Create();
        foreach (var file in solution.Files)
        {
            var bytes = Encoding.UTF8.GetBytes(file.Path + "\n" + file.Text);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }

        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!).ToLowerInvariant();
    }

    private static async Task<bool> BenchAsync(int size, int repetitions, bool peers, bool alone, int seed, CancellationToken ct)
    {
        var solution = SolutionGenerator.Generate(size, seed);
        var result = await SizeBenchmark.RunAsync(solution, repetitions, peers, Log, ct, alone);
        var page = SizeReport.Render(result, MachineInfo.Describe());
        Emit(page, CommandLine.SizeLabel(size) + ".md");
        ScalingReport.Save(ResultsDirectory, CommandLine.SizeLabel(size), result);
        return Verdict(result.CountsMatch, result.AnalyzerExceptions.ToList());
    }

    private static async Task<bool> SmallProjectsAsync(int projects, (int Min, int Max) projectLines, int repetitions, string? compare, int seed, CancellationToken ct)
    {
        var loadAtStart = MachineInfo.LoadAverage();
        var builds = new List<AnalyzerBuild>();
        if (compare is not null)
        {
            builds.Add(new AnalyzerBuild("before", AnalyzerSets.FromAssembly(compare)));
        }

        builds.Add(new AnalyzerBuild(compare is null ? "this build" : "after", AnalyzerSets.Ours()));
        var result = await SmallProjectsBenchmark.RunAsync(projects, projectLines, repetitions, seed, builds, Log, ct);
        Emit(SmallProjectsReport.Render(result, MachineInfo.Describe(), loadAtStart), "small-projects.md");
        var countsMatch = result.Builds.All(b => result.Expected.All(e => (b.DiagnosticCounts.TryGetValue(e.Key, out var n) ? n : 0) == e.Value));
        return Verdict(countsMatch, result.Builds.SelectMany(b => b.AnalyzerExceptions).ToList());
    }

    private static async Task<bool> RuleVersusPeersAsync(string rule, int size, int repetitions, string? compare, int seed, CancellationToken ct)
    {
        var loadAtStart = MachineInfo.LoadAverage();
        var result = await RuleVersusPeers.RunAsync(rule, size, repetitions, compare, seed, Log, ct);
        Emit(RuleVersusPeersReport.Render(result, MachineInfo.Describe(), loadAtStart), $"{rule}-vs-peers-{CommandLine.SizeLabel(size)}.md");
        var ours = result.Configurations.Where(c => c.Label.StartsWith(rule, StringComparison.Ordinal)).ToList();
        return Verdict(ours.All(c => c.Diagnostics == result.Expected), result.Configurations.SelectMany(c => c.AnalyzerExceptions).ToList());
    }

    private static async Task<bool> RuleGroupsAsync(IReadOnlyList<IReadOnlyList<string>> groups, int size, int repetitions, int seed, CancellationToken ct)
    {
        var loadAtStart = MachineInfo.LoadAverage();
        var result = await RuleGroups.RunAsync(groups, size, repetitions, seed, Log, ct);
        Emit(RuleGroupsReport.Render(result, MachineInfo.Describe(), loadAtStart), $"rule-groups-{CommandLine.SizeLabel(size)}.md");
        var countsMatch = result.Groups.All(g => g.ReportedRuleIds.All(id => (g.Diagnostics.TryGetValue(id, out var n) ? n : 0) == (result.Expected.TryGetValue(id, out var e) ? e : 0)));
        return Verdict(countsMatch, result.Groups.SelectMany(g => g.AnalyzerExceptions).ToList());
    }

    /// <summary>Only PerfAnalyzers, all together on one thread, again and again: a steady workload to attach a profiler to.</summary>
    private static async Task<bool> ProfileAsync(int size, int repetitions, string? rule, int seed, CancellationToken ct)
    {
        var compilation = await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(size, seed), ct);
        var warmup = (await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(2_000, seed: 1), ct)).Compilation;
        var ours = rule is null ? AnalyzerSets.Ours() : AnalyzerSets.Ours().Where(a => AnalyzerSets.RuleIds(a).Contains(rule)).ToImmutableArray();
        var exceptions = new List<string>();
        for (var i = 0; i < repetitions; i++)
        {
            var m = await AnalyzerRunner.MeasureAsync("all PerfAnalyzers", compilation.Compilation, ours, null, 1, ct, i == 0 ? warmup : null, concurrent: false);
            Log($"run {i + 1}: wall {m.WallMs:N0} ms, allocated {m.AllocatedBytes / 1048576.0:N0} MiB, GC pauses {m.GcPauseMs:N0} ms, analyzers {m.TotalExecutionMs:N1} ms: "
                + string.Join(", ", m.ExecutionMsByAnalyzer.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N1}")));
            exceptions.AddRange(m.AnalyzerExceptions);
        }

        return Verdict(true, exceptions.Distinct().ToList());
    }

    private static async Task<bool> PathologicalAsync(int repetitions, CancellationToken ct)
    {
        var results = new List<SizeBenchmarkResult>();
        foreach (var solution in new[] { PathologicalSources.LongMethod(5000), PathologicalSources.DeepNest(50) })
        {
            results.Add(await SizeBenchmark.RunAsync(solution, repetitions, includePeers: false, Log, ct));
        }

        Emit(PathologicalReport.Render(results, MachineInfo.Describe()), "pathological.md");
        return Verdict(results.All(r => r.CountsMatch), results.SelectMany(r => r.AnalyzerExceptions).ToList());
    }

    private static async Task<bool> NoDataAsync(int repetitions, int seed, CancellationToken ct)
    {
        var report = await NoDataAccessCheck.RunAsync(repetitions, seed, Log, ct);
        Emit(report.Markdown, "no-data-access.md");
        return Verdict(report.Passed, []);
    }

    private static bool Verdict(bool countsMatch, IReadOnlyList<string> exceptions)
    {
        if (!countsMatch)
        {
            Console.Error.WriteLine("!!! DIAGNOSTIC COUNT MISMATCH: the analyzers did not find exactly the generator's known smells (see the table above) !!!");
        }

        foreach (var e in exceptions)
        {
            Console.Error.WriteLine("!!! ANALYZER EXCEPTION: " + e);
        }

        return countsMatch && exceptions.Count == 0;
    }

    private static void Emit(string markdown, string fileName)
    {
        Console.WriteLine();
        Console.WriteLine(markdown);
        Directory.CreateDirectory(ResultsDirectory);
        File.WriteAllText(Path.Combine(ResultsDirectory, fileName), markdown);
        Log("written " + Path.Combine(ResultsDirectory, fileName));
    }

    public static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
