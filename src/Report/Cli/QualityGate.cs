using System.Collections.Generic;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Cli;

/// <summary>The --fail-on gate: reasons to fail, from the counts the aggregator made.</summary>
internal static class QualityGate
{
    public static IReadOnlyList<string> Failures(FailOn failOn, GateCounts counts)
    {
        var reasons = new List<string>();
        if (failOn.HasFlag(FailOn.Error) && counts.Errors > 0)
        {
            reasons.Add($"{counts.Errors} error(s)");
        }

        if (failOn.HasFlag(FailOn.Warning) && counts.Errors + counts.Warnings > 0)
        {
            reasons.Add($"{counts.Errors + counts.Warnings} warning(s) or error(s)");
        }

        if (failOn.HasFlag(FailOn.New) && counts.New > 0)
        {
            reasons.Add($"{counts.New} new issue(s) since the baseline");
        }

        return reasons;
    }
}
