using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Sarif;

/// <summary>SARIF result levels and the report's severities, both ways.</summary>
public static class SarifLevels
{
    /// <summary>SARIF <c>level</c>; a result without one is a warning (SARIF 2.1.0 §3.27.10).</summary>
    public static IssueSeverity ToSeverity(string? level) => level switch
    {
        "error" => IssueSeverity.Error,
        "note" => IssueSeverity.Info,
        "none" => IssueSeverity.Hidden,
        _ => IssueSeverity.Warning,
    };

    public static string FromSeverity(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Error => "error",
        IssueSeverity.Warning => "warning",
        IssueSeverity.Info => "note",
        _ => "none",
    };
}
