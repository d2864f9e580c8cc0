using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PerfAnalyzers.Report.Json;

/// <summary>
/// The JSON report (schema: src/Report/Schemas/perf-report.schema.json), written by <c>--format json</c> and read back
/// as a baseline: one contract for both directions. Properties are written in declaration order. Fields a baseline
/// may lack read as their defaults.
/// </summary>
public sealed record PerfReportDocument
{
    public const string SchemaName = "perf-report";
    public const string CurrentSchemaVersion = "1.0";
    public const string SchemaUri = "https://github.com/perfanalyzers/perfanalyzers/blob/main/src/Report/Schemas/perf-report.schema.json";

    [JsonPropertyName("$schema")]
    public string? SchemaUrl { get; init; }

    public string? Schema { get; init; }

    public string? SchemaVersion { get; init; }

    public JsonTool Tool { get; init; } = new();

    public IReadOnlyList<string> Inputs { get; init; } = [];

    public int Projects { get; init; }

    public int Total { get; init; }

    public IReadOnlyList<JsonCountRow> BySeverity { get; init; } = [];

    public IReadOnlyList<JsonCountRow> ByCategory { get; init; } = [];

    public IReadOnlyList<JsonRuleRow> ByRule { get; init; } = [];

    public IReadOnlyList<JsonCountRow> TopFiles { get; init; } = [];

    public IReadOnlyList<JsonCountRow> TopProjects { get; init; } = [];

    public IReadOnlyList<JsonPriority> Priorities { get; init; } = [];

    /// <summary>Files ranked by findings × git commits; left out outside a git work tree or with --no-git.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonHotspot>? Hotspots { get; init; }

    /// <summary>Findings by CODEOWNERS owner; left out when there is no CODEOWNERS file.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<JsonOwner>? Owners { get; init; }

    /// <summary>Written as null when no baseline was given.</summary>
    public JsonBaselineSummary? Baseline { get; init; }

    /// <summary>Null only when read from a document without an issues array.</summary>
    public IReadOnlyList<JsonIssue>? Issues { get; init; }

    public IReadOnlyList<JsonIssue> Fixed { get; init; } = [];

    public IReadOnlyList<JsonSkippedProject> SkippedProjects { get; init; } = [];

    public IReadOnlyList<JsonTiming> Timings { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public IReadOnlyList<JsonRule> Rules { get; init; } = [];
}

public sealed record JsonTool
{
    public string Name { get; init; } = PerfReportDocument.SchemaName;

    public string Version { get; init; } = "";
}

public sealed record JsonCountRow
{
    public string Name { get; init; } = "";

    public int Count { get; init; }

    public double Percent { get; init; }

    /// <summary>Only written for other analyzers' rows.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Peer { get; init; }
}

public sealed record JsonRuleRow
{
    public string RuleId { get; init; } = "";

    public string Title { get; init; } = "";

    public string Category { get; init; } = "";

    public string Severity { get; init; } = "";

    public int Count { get; init; }

    public double Percent { get; init; }

    public bool Peer { get; init; }
}

public sealed record JsonPriority
{
    public int Rank { get; init; }

    public string RuleId { get; init; } = "";

    public string Title { get; init; } = "";

    public string Category { get; init; } = "";

    public int Count { get; init; }

    public int Score { get; init; }

    public string Fix { get; init; } = "";

    public bool AutomaticFix { get; init; }

    public string HelpUri { get; init; } = "";
}

public sealed record JsonBaselineSummary
{
    public string Path { get; init; } = "";

    public int New { get; init; }

    public int Unchanged { get; init; }

    public int Fixed { get; init; }
}

public sealed record JsonIssue
{
    public string RuleId { get; init; } = "";

    /// <summary>Error, Warning, Info or Hidden.</summary>
    public string Severity { get; init; } = "";

    public string Category { get; init; } = "";

    public string Message { get; init; } = "";

    public string File { get; init; } = "";

    public int Line { get; init; }

    public int Column { get; init; }

    public int EndLine { get; init; }

    public int EndColumn { get; init; }

    public string Member { get; init; } = "";

    public string SourceLine { get; init; } = "";

    public string Project { get; init; } = "";

    public bool Peer { get; init; }

    /// <summary>"solution" when only whole-solution analysis finds the issue (the build does not report it); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Scope { get; init; }

    public string Fingerprint { get; init; } = "";

    /// <summary>new, unchanged or fixed; absent without a baseline.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Baseline { get; init; }
}

public sealed record JsonSkippedProject
{
    public string Path { get; init; } = "";

    public string Reason { get; init; } = "";
}

public sealed record JsonTiming
{
    public string Analyzer { get; init; } = "";

    public IReadOnlyList<string> Rules { get; init; } = [];

    public double Milliseconds { get; init; }
}

public sealed record JsonRule
{
    public string Id { get; init; } = "";

    public string Title { get; init; } = "";

    public string Category { get; init; } = "";

    public string DefaultSeverity { get; init; } = "";

    public string HelpUri { get; init; } = "";

    public string Fix { get; init; } = "";

    public bool AutomaticFix { get; init; }

    public bool Peer { get; init; }
}

/// <summary>Just the fields that say whether a document is a perf-report at all, read before the whole contract.</summary>
public sealed record PerfReportHeader
{
    public string? Schema { get; init; }

    public string? SchemaVersion { get; init; }
}

/// <summary>A file's findings weighed by severity × commits touching it in the window.</summary>
public sealed record JsonHotspot
{
    public string Path { get; init; } = "";

    public int Commits { get; init; }

    public int Issues { get; init; }

    public int Score { get; init; }
}

/// <summary>One owner's findings: each issue counts for every owner of its file.</summary>
public sealed record JsonOwner
{
    public string Owner { get; init; } = "";

    public int Issues { get; init; }

    public JsonSeverityCounts BySeverity { get; init; } = new();
}

public sealed record JsonSeverityCounts
{
    public int Error { get; init; }

    public int Warning { get; init; }

    public int Info { get; init; }

    public int Hidden { get; init; }
}

/// <summary>Source-generated (reflection-free) serialization of the JSON report contract.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PerfReportDocument))]
[JsonSerializable(typeof(PerfReportHeader))]
public sealed partial class PerfReportJsonContext : JsonSerializerContext
{
}
