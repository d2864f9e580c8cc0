using Microsoft.CodeAnalysis;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>Conversions between Roslyn severities, SARIF levels and the report's severities.</summary>
public static class SeverityMapping
{
    public static IssueSeverity From(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => IssueSeverity.Error,
        DiagnosticSeverity.Warning => IssueSeverity.Warning,
        DiagnosticSeverity.Info => IssueSeverity.Info,
        _ => IssueSeverity.Hidden,
    };

    /// <summary>SARIF <c>level</c>; a result without one is a warning (SARIF 2.1.0 §3.27.10).</summary>
    public static IssueSeverity FromSarifLevel(string? level) => level switch
    {
        "error" => IssueSeverity.Error,
        "note" => IssueSeverity.Info,
        "none" => IssueSeverity.Hidden,
        _ => IssueSeverity.Warning,
    };

    public static string ToSarifLevel(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Error => "error",
        IssueSeverity.Warning => "warning",
        IssueSeverity.Info => "note",
        _ => "none",
    };
}
