using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using PerfAnalyzers.Report.CodeQuality;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>
/// GitLab Code Quality (<c>artifacts:reports:codequality</c>): one entry per issue, shown in merge requests. Fingerprints
/// are the report's own, so GitLab sees the same issue as unchanged across runs; GitLab drops entries that share a
/// fingerprint, so a repeat of one (the same line twice in one member) gets its occurrence number appended.
/// </summary>
public sealed class CodeQualityReportWriter : IReportFormatter
{
    public string Name => "codequality";

    public static string Severity(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Error => "critical",
        IssueSeverity.Warning => "major",
        IssueSeverity.Info => "minor",
        _ => "info",
    };

    public void Write(ReportModel report, Stream stream) =>
        JsonSerializer.Serialize(stream, ToIssues(report), CodeQualityJsonContext.Default.IReadOnlyListCodeQualityIssue);

    public static IReadOnlyList<CodeQualityIssue> ToIssues(ReportModel report)
    {
        var seen = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var issues = new List<CodeQualityIssue>(report.Issues.Count);
        foreach (var issue in report.Issues)
        {
            var fingerprint = issue.Fingerprint.Length > 0 ? issue.Fingerprint : Baselines.Fingerprint.Compute(issue.RuleId, issue.FilePath, issue.Member, issue.SourceLine);
            seen.TryGetValue(fingerprint, out var count);
            seen[fingerprint] = count + 1;
            if (count > 0)
            {
                fingerprint += "-" + (count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var line = System.Math.Max(1, issue.Line);
            issues.Add(new CodeQualityIssue(
                $"{issue.RuleId}: {issue.Message}",
                issue.RuleId,
                fingerprint,
                Severity(issue.Severity),
                new CodeQualityLocation(issue.FilePath, new CodeQualityLines(line, System.Math.Max(line, issue.EndLine))),
                ["Performance"]));
        }

        return issues;
    }
}
