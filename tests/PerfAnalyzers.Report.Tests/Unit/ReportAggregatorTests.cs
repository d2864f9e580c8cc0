using System.Linq;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class ReportAggregatorTests
{
    private static readonly ReportModel Report = ReportAggregator.Aggregate(SampleReports.Result(), top: 3, toolVersion: "t");

    [Fact]
    public void BySeverity_AllFourSeveritiesInOrderWithPercentages()
    {
        Assert.Equal(new[] { "Error", "Warning", "Info", "Hidden" }, Report.BySeverity.Select(r => r.Name));
        Assert.Equal(new[] { 1, 4, 2, 0 }, Report.BySeverity.Select(r => r.Count));
        Assert.Equal(new[] { 14.3, 57.1, 28.6, 0 }, Report.BySeverity.Select(r => r.Percent));
    }

    [Fact]
    public void ByCategory_OurCategoriesBeforePeersThenByCount()
    {
        Assert.Equal(new[] { "N+1 Query", "String Concatenation", "Blocking I/O", "Nested Loops", "Performance" }, Report.ByCategory.Select(r => r.Name));
        Assert.True(Report.ByCategory[^1].IsPeer);
    }

    [Fact]
    public void TopFiles_LimitedToTopAndOrderedByCount()
    {
        Assert.Equal(3, Report.TopFiles.Count);
        Assert.Equal(("src/Orders/Csv.cs", 3), (Report.TopFiles[0].Name, Report.TopFiles[0].Count));
    }

    [Fact]
    public void Priorities_ImpactTimesSeverityWeightedCount()
    {
        // PERF010: impact 5 x (error 4 + warning 2) = 30; PERF001: 4 x 2 = 8; PERF030: 2 x (2 + 2) = 8 (ties by id).
        Assert.Equal(new[] { ("PERF010", 30), ("PERF001", 8), ("PERF030", 8) }, Report.Priorities.Select(p => (p.RuleId, p.Score)));
        Assert.True(Report.Priorities.Single(p => p.RuleId == "PERF030").Automatic);
        Assert.True(Report.Priorities.Single(p => p.RuleId == "PERF010").Automatic); // the batched-query fix
    }

    [Fact]
    public void Issues_MostSevereFirstThenByPlace()
    {
        Assert.Equal(IssueSeverity.Error, Report.Issues[0].Severity);
        Assert.True(Report.Issues[^1].IsPeer);
    }

    [Fact]
    public void ListedRules_AllOfOursAndOnlyThePeerRulesWithIssues()
    {
        var listed = Report.ListedRules.Select(r => r.Id).ToList();
        Assert.Contains("CA1845", listed);
        Assert.All(PerfAnalyzers.Report.Analysis.RuleAssemblies.Rules.Keys, id => Assert.Contains(id, listed));
        var quiet = ReportAggregator.Aggregate(SampleReports.Result() with { Issues = SampleReports.Result().Issues.Where(i => !i.IsPeer).ToList() }, top: 3, toolVersion: "t");
        Assert.DoesNotContain("CA1845", quiet.ListedRules.Select(r => r.Id));
    }

    [Fact]
    public void GateCounts_ErrorsWarningsAndNew() =>
        Assert.Equal(new GateCounts(1, 4, 0), Report.Counts);

    [Fact]
    public void EmptyResult_ZeroTotalsWithoutDivisionByZero()
    {
        var empty = ReportAggregator.Aggregate(CollectedIssues.Empty, top: 10, toolVersion: "t");
        Assert.Equal(0, empty.Total);
        Assert.All(empty.BySeverity, r => Assert.Equal(0, r.Percent));
        Assert.Empty(empty.Priorities);
    }
}
