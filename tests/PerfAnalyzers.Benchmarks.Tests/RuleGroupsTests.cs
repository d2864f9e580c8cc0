using System.Collections.Generic;
using System.Linq;
using PerfAnalyzers.Benchmarks.Analysis;

namespace PerfAnalyzers.Benchmarks.Tests;

/// <summary>The rule-groups benchmark's stand-in members report what they claim to, so their times bound the real rules'.</summary>
public class RuleGroupsTests
{
    [Fact]
    public async Task ReportOnlyMember_ReportsExactlyTheRulesFindings()
    {
        var result = await RuleGroups.RunAsync(
            [["PERF040", "PERF041"], ["REPORT-ONLY:OBJECTCREATION:PERF040+PERF041"], ["REPORT-ONLY:ObjectCreation:PERF040", "REPORT-ONLY:ObjectCreation:PERF041"]],
            size: 10_000,
            repetitions: 1,
            seed: 20261122,
            log: _ => { },
            default);

        var rules = result.Groups[0].Diagnostics;
        Assert.True(rules.GetValueOrDefault("PERF040") > 0 && rules.GetValueOrDefault("PERF041") > 0);
        Assert.All(result.Groups.Skip(1), group =>
        {
            Assert.Equal(rules.OrderBy(p => p.Key), group.Diagnostics.OrderBy(p => p.Key));
            Assert.Equal(["PERF040", "PERF041"], group.ReportedRuleIds);
            Assert.Empty(group.AnalyzerExceptions);
        });
        Assert.Equal(2, result.Groups[2].ByAnalyzer.Count);
    }

    [Fact]
    public async Task EmptyMember_ReportsNothing()
    {
        var result = await RuleGroups.RunAsync([["PERF030"], ["EMPTY:Invocation"]], size: 2_000, repetitions: 1, seed: 20261122, log: _ => { }, default);

        Assert.Empty(result.Groups[1].Diagnostics);
        Assert.Empty(result.Groups[1].ReportedRuleIds);
        Assert.Single(result.Groups[1].ByAnalyzer);
    }
}
