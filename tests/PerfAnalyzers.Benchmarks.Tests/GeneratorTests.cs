using System.Linq;
using PerfAnalyzers.Benchmarks.Analysis;
using PerfAnalyzers.Benchmarks.Generation;

namespace PerfAnalyzers.Benchmarks.Tests;

public class GeneratorTests
{
    [Fact]
    public void SameSizeAndSeed_SameText()
    {
        var first = SolutionGenerator.Generate(5_000, seed: 7);
        var second = SolutionGenerator.Generate(5_000, seed: 7);

        Assert.Equal(Commands.Hash(first), Commands.Hash(second));
        Assert.Equal(first.Expected, second.Expected);
    }

    [Fact]
    public void OtherSeed_OtherText()
    {
        Assert.NotEqual(Commands.Hash(SolutionGenerator.Generate(5_000, seed: 7)), Commands.Hash(SolutionGenerator.Generate(5_000, seed: 8)));
    }

    [Fact]
    public void Size_ReachesTargetWithinOneModule()
    {
        var solution = SolutionGenerator.Generate(20_000);

        Assert.InRange(solution.Lines, 20_000, 21_000);
    }

    [Fact]
    public void FirstModule_StartsTheRulesTurnsThere()
    {
        var fromFirst = SolutionGenerator.Generate(1_500, seed: 7);
        var fromFourth = SolutionGenerator.Generate(1_500, seed: 7, firstModule: 3);

        Assert.Equal(1, fromFirst.Expected[SolutionGenerator.RuleIds[0]]);
        Assert.Equal(0, fromFourth.Expected[SolutionGenerator.RuleIds[0]]);
        Assert.Equal(1, fromFourth.Expected[SolutionGenerator.RuleIds[3]]);
    }

    [Fact]
    public async System.Threading.Tasks.Task SmallProjects_EachItsOwnCompilationWithoutErrors()
    {
        var projects = await SmallProjectsBenchmark.CreateProjectsAsync(3, (1_000, 2_000), seed: 7, default);

        Assert.Equal(3, projects.Select(p => p.Compilation.AssemblyName).Distinct().Count());
        Assert.All(projects, p => Assert.InRange(p.Solution.Lines, 1_000, 2_600));
        Assert.All(projects, p => Assert.DoesNotContain(p.Compilation.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void SmallSize_HasEverySmell()
    {
        var solution = SolutionGenerator.Generate(5_000);

        Assert.All(SolutionGenerator.RuleIds, id => Assert.True(solution.Expected[id] > 0, id + " has no smell"));
    }

    [Fact]
    public void WithoutDataAccess_NoDataSmells()
    {
        var solution = SolutionGenerator.Generate(5_000, includeDataAccess: false);

        Assert.Equal(0, solution.Expected["PERF010"] + solution.Expected["PERF011"] + solution.Expected["PERF012"]);
        Assert.DoesNotContain(solution.Files, f => f.Text.Contains("Microsoft.EntityFrameworkCore", System.StringComparison.Ordinal) || f.Text.Contains("Dapper", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GeneratedCode_Compiles(bool includeDataAccess)
    {
        var compilation = await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(5_000, includeDataAccess: includeDataAccess), default);

        Assert.Empty(compilation.GetErrors());
    }

    [Fact]
    public void CountCheck_DifferentCount_IsMismatch()
    {
        var solution = SolutionGenerator.Generate(5_000);
        var found = solution.Expected.ToDictionary(e => e.Key, e => e.Value);
        found["PERF030"]++;

        var checks = SizeBenchmark.CheckCounts(solution, new System.Collections.Generic.HashSet<string> { "PERF030", "PERF001" }, found);

        Assert.Equal(CountStatus.Mismatch, checks.Single(c => c.RuleId == "PERF030").Status);
        Assert.Equal(CountStatus.Match, checks.Single(c => c.RuleId == "PERF001").Status);
        Assert.Equal(CountStatus.NotImplemented, checks.Single(c => c.RuleId == "PERF020").Status);
    }
}
