using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PerfAnalyzers.Report.CodeQuality;

// GitLab's Code Quality report (a JSON array of issues, the subset of the Code Climate spec GitLab reads) as typed records.

public sealed record CodeQualityIssue(
    string Description,
    [property: JsonPropertyName("check_name")] string CheckName,
    string Fingerprint,
    string Severity,
    CodeQualityLocation Location,
    IReadOnlyList<string> Categories)
{
    public string Type { get; init; } = "issue";
}

public sealed record CodeQualityLocation(string Path, CodeQualityLines Lines);

public sealed record CodeQualityLines(int Begin, int End);

/// <summary>Source-generated serialization of the Code Quality report.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<CodeQualityIssue>))]
public sealed partial class CodeQualityJsonContext : JsonSerializerContext
{
}
