using System;
using System.Collections.Generic;

namespace PerfAnalyzers.Report.Model;

/// <summary>
/// How often each reported file changed recently, as git history tells it: commits per file (keyed by the report's
/// file paths, renames followed), the window, and whether the history is partial (a shallow clone).
/// </summary>
public sealed record ChangeHistory(IReadOnlyDictionary<string, int> CommitsByFile, int SinceDays, bool Partial);

/// <summary>A file ranked by findings (weighed by severity) × commits in the window.</summary>
public sealed record HotspotRow(string Path, int Commits, int Issues, int Score);

/// <summary>The hotspot ranking with the facts a reader needs to trust it.</summary>
public sealed record HotspotSection(IReadOnlyList<HotspotRow> Rows, int SinceDays, bool Partial);

/// <summary>Facts from outside the analysis that some sections rank or group the issues by.</summary>
public sealed record ReportContext
{
    public ChangeHistory? History { get; init; }

    /// <summary>Owners of each reported file (by the report's path; empty: no owner), from CODEOWNERS; null without one.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? OwnersByFile { get; init; }

    /// <summary>Runs recorded in the --history file, oldest first; null without --history.</summary>
    public IReadOnlyList<RecordedRun>? PreviousRuns { get; init; }

    public DateTimeOffset RunTime { get; init; }

    /// <summary>The checked-out commit, or empty outside git.</summary>
    public string Commit { get; init; } = "";
}

/// <summary>One owner's findings; "(no owner)" collects the files no CODEOWNERS pattern matches.</summary>
public sealed record OwnerRow(string Owner, int Issues, int Errors, int Warnings, int Infos, int Hidden)
{
    public const string NoOwner = "(no owner)";
}
