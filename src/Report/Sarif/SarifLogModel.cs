using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace PerfAnalyzers.Report.Sarif;

// The part of SARIF 2.1.0 that perf-report writes, as typed records; absent (null) members are left out.

public sealed record SarifLog
{
    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Version { get; init; } = "2.1.0";

    public required IReadOnlyList<SarifRun> Runs { get; init; }
}

public sealed record SarifRun(
    SarifTool Tool,
    SarifAutomationDetails AutomationDetails,
    IReadOnlyDictionary<string, SarifArtifactLocation> OriginalUriBaseIds,
    IReadOnlyList<SarifInvocation> Invocations,
    IReadOnlyList<SarifResult> Results,
    string ColumnKind,
    SarifRunProperties Properties);

public sealed record SarifTool(SarifDriver Driver);

public sealed record SarifDriver(string Name, string FullName, string Version, string SemanticVersion, string InformationUri, IReadOnlyList<SarifRule> Rules);

public sealed record SarifRule(
    string Id,
    SarifMessage? ShortDescription,
    SarifMessage? FullDescription,
    string? HelpUri,
    SarifMessage? Help,
    SarifConfiguration? DefaultConfiguration,
    SarifRuleProperties? Properties);

public sealed record SarifMessage(string Text);

public sealed record SarifConfiguration(string Level);

public sealed record SarifRuleProperties(string Category, IReadOnlyList<string> Tags, bool AutomaticFix);

public sealed record SarifAutomationDetails(string Id);

public sealed record SarifArtifactLocation(string Uri, string? UriBaseId = null);

public sealed record SarifInvocation(bool ExecutionSuccessful, IReadOnlyList<SarifNotification>? ToolExecutionNotifications);

public sealed record SarifNotification(string Level, SarifMessage Message);

public sealed record SarifResult(
    string RuleId,
    int? RuleIndex,
    string Level,
    SarifMessage Message,
    IReadOnlyList<SarifLocation> Locations,
    IReadOnlyDictionary<string, string>? PartialFingerprints,
    string? BaselineState,
    SarifResultProperties Properties);

public sealed record SarifLocation(SarifPhysicalLocation PhysicalLocation, IReadOnlyList<SarifLogicalLocation>? LogicalLocations);

public sealed record SarifPhysicalLocation(SarifArtifactLocation ArtifactLocation, SarifRegion? Region);

public sealed record SarifRegion(int StartLine, int StartColumn, int EndLine, int? EndColumn, SarifMessage? Snippet);

public sealed record SarifLogicalLocation(string FullyQualifiedName, string Kind);

/// <param name="Scope">"solution" when only whole-solution analysis finds the result; the build does not report it.</param>
public sealed record SarifResultProperties(string Category, string? Project, string? Scope = null);

public sealed record SarifRunProperties(int TotalResults, bool Truncated);

/// <summary>Source-generated serialization of the SARIF perf-report writes.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SarifLog))]
public sealed partial class SarifLogJsonContext : JsonSerializerContext
{
}
