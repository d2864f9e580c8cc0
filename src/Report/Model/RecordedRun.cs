using System;
using System.Collections.Generic;

namespace PerfAnalyzers.Report.Model;

/// <summary>One run's summary as a --history file records it.</summary>
public sealed record RecordedRun(
    DateTimeOffset Time,
    string Commit,
    int Total,
    IReadOnlyDictionary<string, int> BySeverity,
    IReadOnlyDictionary<string, int> ByCategory,
    IReadOnlyDictionary<string, int> ByRule)
{
    public int Count(IssueSeverity severity) => BySeverity.TryGetValue(severity.ToString(), out var n) ? n : 0;
}

/// <summary>Every recorded run, oldest first, this one last.</summary>
public sealed record TrendSection(IReadOnlyList<RecordedRun> Runs)
{
    public RecordedRun Current => Runs[^1];

    public RecordedRun? Previous => Runs.Count > 1 ? Runs[^2] : null;
}
