using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using PerfAnalyzers.Benchmarks.Generation;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>A set of PerfAnalyzers analyzers to measure: this build's, or another build's loaded beside it.</summary>
public sealed record AnalyzerBuild(string Label, ImmutableArray<DiagnosticAnalyzer> Analyzers);

/// <summary>One small project: its generated code and its compilation, parsed once.</summary>
public sealed record SmallProject(SyntheticSolution Solution, Compilation Compilation);

/// <summary>What one build of the analyzers cost over all the projects.</summary>
public sealed class SmallProjectsBuildResult
{
    public required string Label { get; init; }

    /// <summary>Analyzer type name to its callback time summed over the projects, median over the repetitions.</summary>
    public required IReadOnlyDictionary<string, double> TotalMsByAnalyzer { get; init; }

    /// <summary>The same, minimum over the repetitions: the least disturbed one on a shared machine.</summary>
    public required IReadOnlyDictionary<string, double> MinimumMsByAnalyzer { get; init; }

    /// <summary>Analyzer type name to the number of projects where it registered any action beyond compilation start.</summary>
    public required IReadOnlyDictionary<string, int> ActiveProjectsByAnalyzer { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> RulesByAnalyzer { get; init; }

    /// <summary>Driver wall time summed over the projects, median over the repetitions.</summary>
    public required double WallMs { get; init; }

    public required IReadOnlyDictionary<string, int> DiagnosticCounts { get; init; }

    public required IReadOnlyList<string> AnalyzerExceptions { get; init; }

    public double TotalMs => TotalMsByAnalyzer.Values.Sum();

    public double MinimumMs => MinimumMsByAnalyzer.Values.Sum();
}

public sealed class SmallProjectsResult
{
    public required IReadOnlyList<SmallProject> Projects { get; init; }
    public required int Repetitions { get; init; }
    public required IReadOnlyList<SmallProjectsBuildResult> Builds { get; init; }
    public required IReadOnlyDictionary<string, int> Expected { get; init; }

    public int Lines => Projects.Sum(p => p.Solution.Lines);
}

/// <summary>
/// Many small EF Core projects, each its own compilation analysed by a fresh <c>CompilationWithAnalyzers</c>, as a
/// build analyses each project: what an analyzer pays per compilation whatever the code's size shows here, summed
/// over the projects. Several builds of the analyzers are measured turn about, repetition by repetition, so a busy
/// spell on the machine falls on all of them alike.
/// </summary>
public static class SmallProjectsBenchmark
{
    public static async Task<SmallProjectsResult> RunAsync(
        int projectCount,
        (int Min, int Max) projectLines,
        int repetitions,
        int seed,
        IReadOnlyList<AnalyzerBuild> builds,
        Action<string> log,
        CancellationToken cancellationToken)
    {
        var projects = await CreateProjectsAsync(projectCount, projectLines, seed, cancellationToken).ConfigureAwait(false);
        log($"{projects.Count} projects, {projects.Sum(p => p.Solution.Lines):N0} lines; {string.Join(", ", builds.Select(b => $"{b.Label}: {b.Analyzers.Length} analyzers"))}");

        var warmup = (await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(2_000, seed: 1), cancellationToken).ConfigureAwait(false)).Compilation;
        foreach (var build in builds)
        {
            await AnalyzeAsync(warmup, build.Analyzers, new ConcurrentBag<string>(), cancellationToken).ConfigureAwait(false);
        }

        var totals = builds.ToDictionary(b => b, b => b.Analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>(), StringComparer.Ordinal));
        var walls = builds.ToDictionary(b => b, _ => new List<double>());
        var active = builds.ToDictionary(b => b, b => b.Analyzers.ToDictionary(a => a.GetType().Name, _ => 0, StringComparer.Ordinal));
        var counts = builds.ToDictionary(b => b, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        var exceptions = builds.ToDictionary(b => b, _ => new ConcurrentBag<string>());
        for (var rep = 0; rep < repetitions; rep++)
        {
            // Alternate the order so neither build always runs right after the other.
            var order = rep % 2 == 0 ? builds : builds.Reverse().ToList();
            foreach (var build in order)
            {
                var sum = build.Analyzers.ToDictionary(a => a.GetType().Name, _ => 0.0, StringComparer.Ordinal);
                var wall = 0.0;
                foreach (var project in projects)
                {
                    var run = await AnalyzeAsync(project.Compilation, build.Analyzers, exceptions[build], cancellationToken).ConfigureAwait(false);
                    wall += run.WallMs;
                    foreach (var (analyzer, telemetry) in run.Telemetry)
                    {
                        var name = analyzer.GetType().Name;
                        sum[name] += telemetry.ExecutionTime.TotalMilliseconds;
                        if (rep == 0 && AnalyzerRunner.RegisteredActions(telemetry) > 0)
                        {
                            active[build][name]++;
                        }
                    }

                    if (rep == 0)
                    {
                        foreach (var diagnostic in run.Diagnostics)
                        {
                            counts[build][diagnostic.Id] = counts[build].TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
                        }
                    }
                }

                foreach (var (name, ms) in sum)
                {
                    totals[build][name].Add(ms);
                }

                walls[build].Add(wall);
                log($"  rep {rep + 1}, {build.Label}: analyzers {sum.Values.Sum():N0} ms, driver wall {wall:N0} ms");
            }
        }

        var expected = SolutionGenerator.RuleIds.ToDictionary(id => id, id => projects.Sum(p => p.Solution.Expected[id]), StringComparer.Ordinal);
        return new SmallProjectsResult
        {
            Projects = projects,
            Repetitions = repetitions,
            Expected = expected,
            Builds = builds.Select(b => new SmallProjectsBuildResult
            {
                Label = b.Label,
                TotalMsByAnalyzer = totals[b].ToDictionary(p => p.Key, p => AnalyzerRunner.Median(p.Value), StringComparer.Ordinal),
                MinimumMsByAnalyzer = totals[b].ToDictionary(p => p.Key, p => p.Value.Min(), StringComparer.Ordinal),
                ActiveProjectsByAnalyzer = active[b],
                RulesByAnalyzer = b.Analyzers.ToDictionary(a => a.GetType().Name, AnalyzerSets.RuleIds, StringComparer.Ordinal),
                WallMs = AnalyzerRunner.Median(walls[b]),
                DiagnosticCounts = counts[b],
                AnalyzerExceptions = exceptions[b].Distinct().ToList(),
            }).ToList(),
        };
    }

    /// <summary>
    /// Projects of <paramref name="projectLines"/> lines (1,000 to 2,000 by default; a size below the model's own gives
    /// projects of the EF Core model alone, whose analyzer time is the fixed cost per compilation), each with the shared EF Core model, its own seed and its own turn in the rules'
    /// order, so together they carry every rule's smells without every project carrying the same one.
    /// </summary>
    public static async Task<IReadOnlyList<SmallProject>> CreateProjectsAsync(int projectCount, (int Min, int Max) projectLines, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var projects = new List<SmallProject>();
        for (var i = 0; i < projectCount; i++)
        {
            var solution = SolutionGenerator.Generate(random.Next(projectLines.Min, projectLines.Max + 1), seed + i, firstModule: i * 3);
            var compilation = (await BenchmarkCompilation.CreateAsync(solution, cancellationToken).ConfigureAwait(false)).Compilation;
            projects.Add(new SmallProject(solution, compilation.WithAssemblyName($"Small.Project{i + 1:D2}")));
        }

        return projects;
    }

    private static async Task<(double WallMs, IReadOnlyList<(DiagnosticAnalyzer, AnalyzerTelemetryInfo)> Telemetry, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ConcurrentBag<string> exceptions,
        CancellationToken cancellationToken)
    {
        // One thread: each callback's stopwatch then measures the analyzer's own work, not time spent waiting for a core.
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = AnalyzerRunner.WithAnalyzersDeclared(compilation, analyzers, options);
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        var wall = watch.Elapsed.TotalMilliseconds;
        var telemetry = new List<(DiagnosticAnalyzer, AnalyzerTelemetryInfo)>();
        foreach (var analyzer in analyzers)
        {
            telemetry.Add((analyzer, await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false)));
        }

        return (wall, telemetry, diagnostics);
    }
}
