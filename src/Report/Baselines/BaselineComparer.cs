using System;
using System.Collections.Generic;
using System.Linq;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Baselines;

/// <summary>Marks issues new or unchanged against a baseline and lists the baseline's issues that are gone (fixed).</summary>
public static class BaselineComparer
{
    /// <summary>Fingerprints are compared as multisets: two identical lines in one member are two issues.</summary>
    public static (List<Issue> Current, List<Issue> Fixed) Compare(IReadOnlyList<Issue> current, IReadOnlyList<Issue> baseline)
    {
        var remaining = baseline
            .GroupBy(i => i.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<Issue>(g), StringComparer.Ordinal);

        var marked = new List<Issue>(current.Count);
        foreach (var issue in current.OrderBy(i => i, IssueOrder.Instance))
        {
            if (remaining.TryGetValue(issue.Fingerprint, out var queue) && queue.Count > 0)
            {
                queue.Dequeue();
                marked.Add(issue with { Baseline = BaselineStatus.Unchanged });
            }
            else
            {
                marked.Add(issue with { Baseline = BaselineStatus.New });
            }
        }

        var gone = remaining.Values.SelectMany(q => q).Select(i => i with { Baseline = BaselineStatus.Fixed }).ToList();
        return (marked, gone);
    }
}
