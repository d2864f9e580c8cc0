using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::warning file=…,line=…::message</c>): annotations on the pull request's diff in
/// any repository, no code scanning needed. GitHub shows at most 10 annotations of each level per step, so the most
/// severe 10 of each are written and one closing notice counts the rest. Every value is one line with the
/// characters workflow commands treat specially escaped, so analysed text cannot start a command of its own.
/// </summary>
public sealed class GitHubAnnotationWriter : IReportFormatter
{
    /// <summary>GitHub's per-step limit for each of error, warning and notice annotations.</summary>
    public const int MaxPerLevel = 10;

    public string Name => "github";

    public static string Level(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Error => "error",
        IssueSeverity.Warning => "warning",
        _ => "notice",
    };

    public void Write(ReportModel report, Stream stream)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var byLevel = report.Issues.GroupBy(i => Level(i.Severity)).ToDictionary(g => g.Key, g => g.ToList());
        var left = byLevel.Values.Sum(list => System.Math.Max(0, list.Count - MaxPerLevel));
        var notices = byLevel.TryGetValue("notice", out var n) ? n.Count : 0;
        // The summary is a notice too: keep a place for it when notices alone fill the limit.
        if (left > 0 && notices >= MaxPerLevel)
        {
            left++;
        }

        foreach (var (level, issues) in byLevel)
        {
            var limit = level == "notice" && left > 0 ? MaxPerLevel - 1 : MaxPerLevel;
            foreach (var issue in issues.Take(limit))
            {
                w.WriteLine(Command(level, issue));
            }
        }

        if (left > 0)
        {
            w.WriteLine($"::notice title=perf-report::{Data($"{left} more of {report.Total} issues are not annotated (GitHub shows {MaxPerLevel} of each level per step); see the full report.")}");
        }
    }

    private static string Command(string level, Issue issue)
    {
        var properties = new StringBuilder();
        properties.Append("file=").Append(Property(issue.FilePath));
        if (issue.Line > 0)
        {
            properties.Append(",line=").Append(issue.Line.ToString(CultureInfo.InvariantCulture));
            if (issue.Column > 0)
            {
                properties.Append(",col=").Append(issue.Column.ToString(CultureInfo.InvariantCulture));
            }

            if (issue.EndLine > issue.Line)
            {
                properties.Append(",endLine=").Append(issue.EndLine.ToString(CultureInfo.InvariantCulture));
            }
            else if (issue.EndLine == issue.Line && issue.EndColumn > issue.Column)
            {
                properties.Append(",endColumn=").Append(issue.EndColumn.ToString(CultureInfo.InvariantCulture));
            }
        }

        properties.Append(",title=").Append(Property(issue.RuleId));
        return $"::{level} {properties}::{Data(issue.Message.Length > 0 ? issue.Message : issue.RuleId)}";
    }

    /// <summary>A message: one line, with '%' escaped as the runner unescapes it.</summary>
    public static string Data(string text) =>
        TextSanitizer.ForTerminal(text).Replace("%", "%25", System.StringComparison.Ordinal);

    /// <summary>A property value: as a message, and ',' and ':' escaped too (they end a property).</summary>
    public static string Property(string text) =>
        Data(text).Replace(":", "%3A", System.StringComparison.Ordinal).Replace(",", "%2C", System.StringComparison.Ordinal);
}
