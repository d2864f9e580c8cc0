using System.Linq;
using PerfAnalyzers.Benchmarks.Analysis;
using PerfAnalyzers.Benchmarks.Generation;

namespace PerfAnalyzers.Benchmarks.Tests;

/// <summary>
/// Every PerfAnalyzers analyzer in the build finds exactly the smells the generator planted: a rule that lands with
/// a false positive or a miss on these shapes fails here, not only in the benchmark.
/// </summary>
public class KnownCountsTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Analyzers_FindExactlyTheKnownCounts(bool includeDataAccess)
    {
        var solution = SolutionGenerator.Generate(5_000, includeDataAccess: includeDataAccess);

        var checks = await RunAsync(solution);

        Assert.Contains(checks, c => c.Status == CountStatus.Match && c.Expected > 0);
        Assert.All(checks, c => Assert.True(c.Status != CountStatus.Mismatch, $"{c.RuleId}: expected {c.Expected}, found {c.Found}"));
    }

    [Fact]
    public async Task DeepNest_OneNestingDiagnosticOnly()
    {
        var checks = await RunAsync(PathologicalSources.DeepNest(50));

        Assert.Equal(1, checks.Single(c => c.RuleId == "PERF020").Expected);
        Assert.All(checks, c => Assert.True(c.Status != CountStatus.Mismatch, $"{c.RuleId}: expected {c.Expected}, found {c.Found}"));
    }

    [Fact]
    public async Task LongMethod_NoDiagnostic()
    {
        var checks = await RunAsync(PathologicalSources.LongMethod(1_000));

        Assert.All(checks, c => Assert.True(c.Status != CountStatus.Mismatch, $"{c.RuleId}: expected {c.Expected}, found {c.Found}"));
    }

    /// <summary>Without EF Core, Dapper or ADO.NET the N+1 analyzers and PERF050 (EF Core queries) register nothing; every other analyzer does register its actions.</summary>
    [Fact]
    public async Task WithoutDataAccess_OnlyNPlusOneAnalyzersRegisterNothing()
    {
        var compilation = await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(2_000, includeDataAccess: false), default);
        var analyzers = AnalyzerSets.Ours();

        var measurement = await AnalyzerRunner.MeasureAsync("no data", compilation.Compilation, analyzers, null, repetitions: 1, default);

        Assert.All(analyzers, analyzer =>
        {
            var name = analyzer.GetType().Name;
            var isNPlusOne = AnalyzerSets.RuleIds(analyzer).Any(id => id is "PERF010" or "PERF011" or "PERF012" or "PERF013" or "PERF050");
            var actions = measurement.RegisteredActionsByAnalyzer[name];
            Assert.True(isNPlusOne ? actions == 0 : actions > 0, $"{name} registered {actions} actions");
        });
    }

    private static async Task<System.Collections.Generic.IReadOnlyList<CountCheck>> RunAsync(SyntheticSolution solution)
    {
        var compilation = await BenchmarkCompilation.CreateAsync(solution, default);
        Assert.Empty(compilation.GetErrors());
        var analyzers = AnalyzerSets.Ours();
        var measurement = await AnalyzerRunner.MeasureAsync(solution.Name, compilation.Compilation, analyzers, null, repetitions: 1, default);
        Assert.Empty(measurement.AnalyzerExceptions);
        // The generator plants no call-through-layers N+1 (its classes do not call each other): PERF013 must stay quiet.
        Assert.False(measurement.DiagnosticCounts.TryGetValue("PERF013", out var callChains) && callChains > 0, $"PERF013: expected 0, found {callChains}");
        return SizeBenchmark.CheckCounts(solution, AnalyzerSets.ImplementedRules(analyzers), measurement.DiagnosticCounts);
    }
}
