using Microsoft.CodeAnalysis;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>Roslyn severities as the report's severities.</summary>
public static class SeverityMapping
{
    public static IssueSeverity From(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => IssueSeverity.Error,
        DiagnosticSeverity.Warning => IssueSeverity.Warning,
        DiagnosticSeverity.Info => IssueSeverity.Info,
        _ => IssueSeverity.Hidden,
    };
}
