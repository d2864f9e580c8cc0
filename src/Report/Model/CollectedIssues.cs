using System;
using System.Collections.Generic;

namespace PerfAnalyzers.Report.Model;

/// <summary>A project that could not be analysed, with the reason, so the report can list it.</summary>
public sealed record SkippedProject(string Path, string Reason);

/// <summary>Analyzer execution time summed over all projects.</summary>
public sealed record RuleTiming(string Analyzer, IReadOnlyList<string> RuleIds, TimeSpan Time);

/// <summary>What one collector (in-process analysis or SARIF logs) found; the aggregator turns it into a report.</summary>
public sealed record CollectedIssues
{
    public static CollectedIssues Empty { get; } = new();

    public IReadOnlyList<string> Inputs { get; init; } = [];

    public IReadOnlyList<Issue> Issues { get; init; } = [];

    /// <summary>Every rule the collector knows by id: ours from the catalogue, and other analyzers' rules met in SARIF logs.</summary>
    public IReadOnlyDictionary<string, RuleInfo> Rules { get; init; } = new Dictionary<string, RuleInfo>();

    public IReadOnlyList<SkippedProject> SkippedProjects { get; init; } = [];

    public IReadOnlyList<RuleTiming> Timings { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public int ProjectCount { get; init; }
}
