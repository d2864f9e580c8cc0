using System.Collections.Generic;

namespace PerfAnalyzers.Report.Model;

/// <summary>A named count with its share of the total.</summary>
public sealed record CountRow(string Name, int Count, double Percent, bool IsPeer = false);

/// <summary>One rule's count in the report.</summary>
public sealed record RuleRow(string RuleId, string Title, string Category, IssueSeverity Severity, int Count, double Percent, bool IsPeer);

/// <summary>A rule in the "fix first" list: ordered by impact × count.</summary>
public sealed record PriorityRow(int Rank, string RuleId, string Title, string Category, int Count, int Score, string Fix, bool Automatic, string HelpUri);

/// <summary>New, unchanged and fixed counts against the baseline.</summary>
public sealed record BaselineSummary(string Path, int New, int Unchanged, int Fixed);

/// <summary>The counts the exit-code gate needs, counted once by the aggregator.</summary>
public sealed record GateCounts(int Errors, int Warnings, int New);

/// <summary>The aggregated report every formatter renders.</summary>
public sealed class ReportModel
{
    public required string ToolVersion { get; init; }

    public required IReadOnlyList<string> Inputs { get; init; }

    public int ProjectCount { get; init; }

    public int Total { get; init; }

    public required IReadOnlyList<CountRow> BySeverity { get; init; }

    public required IReadOnlyList<CountRow> ByCategory { get; init; }

    public required IReadOnlyList<RuleRow> ByRule { get; init; }

    public required IReadOnlyList<CountRow> TopFiles { get; init; }

    public required IReadOnlyList<CountRow> TopProjects { get; init; }

    public required IReadOnlyList<PriorityRow> Priorities { get; init; }

    public required IReadOnlyList<Issue> Issues { get; init; }

    public required IReadOnlyList<Issue> FixedIssues { get; init; }

    public BaselineSummary? Baseline { get; init; }

    public required IReadOnlyList<SkippedProject> SkippedProjects { get; init; }

    public required IReadOnlyList<RuleTiming> Timings { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Every known rule by id, for looking up titles and help links.</summary>
    public required IReadOnlyDictionary<string, RuleInfo> Rules { get; init; }

    /// <summary>The rules a report lists (by id): all of ours, and other analyzers' rules only where they have issues.</summary>
    public required IReadOnlyList<RuleInfo> ListedRules { get; init; }

    public required GateCounts Counts { get; init; }

    public int Top { get; init; }

    /// <summary>Null outside a git work tree or with --no-git: the section is left out.</summary>
    public HotspotSection? Hotspots { get; init; }

    /// <summary>Findings grouped by CODEOWNERS owner, most first; null when there is no CODEOWNERS file.</summary>
    public IReadOnlyList<OwnerRow>? Owners { get; init; }

    /// <summary>This run and the ones recorded before it; null without --history.</summary>
    public TrendSection? Trend { get; init; }
}
