using System.Linq;
using PerfAnalyzers.Report.Analysis;

namespace PerfAnalyzers.Report.Tests.Unit;

/// <summary>RuleAdvice is the one per-rule list the report keeps by hand; it must follow the analyzers' RuleCatalog.</summary>
public sealed class RuleAdviceTests
{
    [Fact]
    public void EveryCataloguedRuleHasAdvice()
    {
        var missing = RuleAssemblies.CatalogDescriptors.Select(d => d.Id).Where(id => !RuleAdvice.ById.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"add a fix and an impact to src/Report/Analysis/RuleAdvice.cs for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryAdvisedRuleIsCatalogued()
    {
        var catalogued = RuleAssemblies.CatalogDescriptors.Select(d => d.Id).ToHashSet();
        var stale = RuleAdvice.ById.Keys.Where(id => !catalogued.Contains(id)).ToList();
        Assert.True(stale.Count == 0, $"RuleAdvice.cs advises rules the catalogue no longer has: {string.Join(", ", stale)}");
    }

    [Fact]
    public void AdviceIsASentenceWithAnImpactFromOneToFive() =>
        Assert.All(RuleAdvice.ById, a =>
        {
            Assert.EndsWith(".", a.Value.Fix, System.StringComparison.Ordinal);
            Assert.InRange(a.Value.Impact, 1, 5);
        });
}
