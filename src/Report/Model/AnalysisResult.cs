using System;
using System.Collections.Generic;

namespace PerfAnalyzers.Report.Model;

/// <summary>A project that could not be analysed, with the reason, so the report can list it.</summary>
public sealed record SkippedProject(string Path, string Reason);

/// <summary>Analyzer execution time summed over all projects.</summary>
public sealed record RuleTiming(string Analyzer, IReadOnlyList<string> RuleIds, TimeSpan Time);

/// <summary>Everything collected from the inputs before aggregation.</summary>
public sealed class AnalysisResult
{
    public List<string> Inputs { get; } = new();

    public List<Issue> Issues { get; } = new();

    public Dictionary<string, RuleInfo> Rules { get; } = new(StringComparer.Ordinal);

    public List<SkippedProject> SkippedProjects { get; } = new();

    public List<RuleTiming> Timings { get; } = new();

    public List<string> Notes { get; } = new();

    public int ProjectCount { get; set; }
}
