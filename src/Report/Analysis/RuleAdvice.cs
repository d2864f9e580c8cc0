namespace PerfAnalyzers.Report.Analysis;

/// <summary>The fix that applies to each rule and how costly one occurrence usually is (1–5), to order what to fix first.</summary>
internal static class RuleAdvice
{
    public static (string Fix, int Impact) For(string id) => id switch
    {
        RuleCatalog.Ids.QueryInLoop => ("Query once for all items before the loop (Contains/join), then look up in memory.", 5),
        RuleCatalog.Ids.LazyNavigationInLoop => ("Load the navigation with the original query (Include/ThenInclude or a projection).", 5),
        RuleCatalog.Ids.SaveChangesInLoop => ("Call SaveChanges(Async) once after the loop.", 5),
        RuleCatalog.Ids.BlockingIOInAsyncMethod => ("Await the asynchronous counterpart (e.g. File.ReadAllTextAsync).", 4),
        RuleCatalog.Ids.BlockingWaitInAsyncMethod => ("Await the task instead of .Result/.Wait()/GetResult().", 4),
        RuleCatalog.Ids.DeeplyNestedLoops => ("Restructure with a dictionary lookup or a join.", 3),
        RuleCatalog.Ids.LinearSearchInLoop => ("Build a HashSet or Dictionary once before the loop.", 3),
        RuleCatalog.Ids.StringConcatenationInLoop => ("Append to a StringBuilder and call ToString() after the loop.", 2),
        RuleCatalog.Ids.QueryThroughCallInLoop => ("Add a batched method to the service and repository (ids in, one query), call it once before the loop and look up in memory.", 5),
        _ => ("", 1),
    };
}
