using System;
using System.Collections.Generic;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>
/// The fix that applies to each rule and how costly one occurrence usually is (1–5), to order what to fix first. The
/// only per-rule list in the report tool: titles, categories and severities come from the analyzers' RuleCatalog, and
/// a test fails when a catalogued rule has no advice here.
/// </summary>
internal static class RuleAdvice
{
    public static IReadOnlyDictionary<string, (string Fix, int Impact)> ById { get; } = new Dictionary<string, (string Fix, int Impact)>(StringComparer.Ordinal)
    {
        [RuleCatalog.Ids.QueryInLoop] = ("Query once for all items before the loop (Contains/join), then look up in memory.", 5),
        [RuleCatalog.Ids.LazyNavigationInLoop] = ("Load the navigation with the original query (Include/ThenInclude or a projection).", 5),
        [RuleCatalog.Ids.SaveChangesInLoop] = ("Call SaveChanges(Async) once after the loop.", 5),
        [RuleCatalog.Ids.BlockingIOInAsyncMethod] = ("Await the asynchronous counterpart (e.g. File.ReadAllTextAsync).", 4),
        [RuleCatalog.Ids.BlockingWaitInAsyncMethod] = ("Await the task instead of .Result/.Wait()/GetResult().", 4),
        [RuleCatalog.Ids.DeeplyNestedLoops] = ("Restructure with a dictionary lookup or a join.", 3),
        [RuleCatalog.Ids.LinearSearchInLoop] = ("Build a HashSet or Dictionary once before the loop.", 3),
        [RuleCatalog.Ids.StringConcatenationInLoop] = ("Append to a StringBuilder and call ToString() after the loop.", 2),
        [RuleCatalog.Ids.HttpClientPerOperation] = ("Inject IHttpClientFactory or a typed client, or share one long-lived HttpClient.", 4),
        [RuleCatalog.Ids.CostlyObjectPerCall] = ("Build the Regex or JsonSerializerOptions once in a static readonly field.", 3),
        [RuleCatalog.Ids.MaterializedThenFiltered] = ("Apply the filter, aggregate, sort or paging in the query, before ToList/ToArray.", 4),
        [RuleCatalog.Ids.WholeFileReadToEnumerate] = ("Stream the lines with File.ReadLines instead of File.ReadAllLines.", 2),
        [RuleCatalog.Ids.XmlSerializerPerCall] = ("Create the XmlSerializer once in a static readonly field.", 4),
        [RuleCatalog.Ids.QueryThroughCallInLoop] = ("Add a batched method to the service and repository (ids in, one query), call it once before the loop and look up in memory.", 5),
    };

    /// <summary>Other analyzers' rules (and any rule without advice) rank by severity alone.</summary>
    public static (string Fix, int Impact) For(string id) => ById.TryGetValue(id, out var advice) ? advice : ("", 1);
}
