using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>GitHub-flavoured Markdown for PR comments and job summaries. Analysed text never becomes Markdown or HTML.</summary>
public sealed class MarkdownReportWriter : IReportFormatter
{
    /// <summary>Job summaries are limited to 1 MiB; a few hundred issue rows stay well below it.</summary>
    public const int MaxIssueRows = 500;

    public string Name => "markdown";

    public void Write(ReportModel report, Stream stream)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var md = TextSanitizer.Markdown;

        w.WriteLine($"## perf-report: {report.Total} performance issue{(report.Total == 1 ? "" : "s")}");
        w.WriteLine();
        var facts = new List<string>
        {
            "**Input:** " + string.Join(", ", report.Inputs.Select(md)),
            "**Projects:** " + report.ProjectCount.ToString(CultureInfo.InvariantCulture),
        };
        if (report.Baseline is { } b)
        {
            facts.Add($"**Baseline:** {b.New} new, {b.Unchanged} unchanged, {b.Fixed} fixed");
        }

        w.WriteLine(string.Join(" · ", facts));
        if (report.Trend is { } trend)
        {
            w.WriteLine();
            w.WriteLine("**Trend:** " + TextSanitizer.Markdown(TrendText.SincePrevious(trend)));
        }

        Counts(w, "By severity", "Severity", report.BySeverity);
        Counts(w, "By category", "Category", report.ByCategory.Select(r => r.IsPeer ? r with { Name = r.Name + " (other analyzers)" } : r).ToList());

        if (report.ByRule.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("### By rule");
            w.WriteLine();
            w.WriteLine("| Rule | Title | Category | Severity | Count | % |");
            w.WriteLine("|---|---|---|---|---:|---:|");
            foreach (var r in report.ByRule)
            {
                w.WriteLine($"| {RuleLink(report, r.RuleId)} | {md(r.Title)} | {md(r.Category)} | {r.Severity} | {r.Count} | {Percent(r.Percent)} |");
            }
        }

        Counts(w, "Most affected files", "File", report.TopFiles);
        if (report.Hotspots is { Rows.Count: > 0 } hotspots)
        {
            w.WriteLine();
            w.WriteLine("### Hotspots");
            w.WriteLine();
            w.WriteLine($"Files with findings ranked by severity-weighted findings × commits in the last {hotspots.SinceDays} days{(hotspots.Partial ? " (partial history: shallow clone)" : "")}.");
            w.WriteLine();
            w.WriteLine("| File | Commits | Issues | Score |");
            w.WriteLine("|---|---:|---:|---:|");
            foreach (var h in hotspots.Rows)
            {
                w.WriteLine($"| {TextSanitizer.Markdown(h.Path)} | {h.Commits} | {h.Issues} | {h.Score} |");
            }
        }

        if (report.Owners is { Count: > 0 } owners)
        {
            w.WriteLine();
            w.WriteLine("### By owner");
            w.WriteLine();
            w.WriteLine("| Owner (CODEOWNERS) | Issues | Error | Warning | Info | Hidden |");
            w.WriteLine("|---|---:|---:|---:|---:|---:|");
            foreach (var o in owners)
            {
                w.WriteLine($"| {TextSanitizer.Markdown(o.Owner)} | {o.Issues} | {o.Errors} | {o.Warnings} | {o.Infos} | {o.Hidden} |");
            }
        }

        if (report.TopProjects.Count > 0)
        {
            Counts(w, "Most affected projects", "Project", report.TopProjects);
        }

        if (report.Priorities.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("### Fix first");
            w.WriteLine();
            w.WriteLine("| # | Rule | Issues | Score | Fix | Automatic |");
            w.WriteLine("|---:|---|---:|---:|---|---|");
            foreach (var p in report.Priorities)
            {
                w.WriteLine($"| {p.Rank} | {RuleLink(report, p.RuleId)} {md(p.Title)} | {p.Count} | {p.Score} | {md(p.Fix)} | {(p.Automatic ? "code fix" : "manual")} |");
            }
        }

        if (report.Issues.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("### Issues");
            w.WriteLine();
            if (report.Issues.Count > MaxIssueRows)
            {
                w.WriteLine($"The {MaxIssueRows} most severe of {report.Issues.Count} issues; the JSON, SARIF and HTML formats list all of them.");
                w.WriteLine();
            }

            var withBaseline = report.Baseline is not null;
            w.WriteLine(withBaseline
                ? "| Severity | Rule | Location | Member | Message | Source | Baseline |"
                : "| Severity | Rule | Location | Member | Message | Source |");
            w.WriteLine(withBaseline ? "|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|");
            foreach (var i in report.Issues.Take(MaxIssueRows))
            {
                var row = $"| {i.Severity} | {RuleLink(report, i.RuleId)} | {md($"{i.FilePath}:{i.Line}:{i.Column}")} | {md(i.Member)} | {md(i.Message)} | {TextSanitizer.MarkdownCode(i.SourceLine)} |";
                w.WriteLine(withBaseline ? row + $" {i.Baseline.ToString().ToLowerInvariant()} |" : row);
            }
        }

        if (report.FixedIssues.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("### Fixed since the baseline");
            w.WriteLine();
            w.WriteLine("| Rule | File | Member | Message |");
            w.WriteLine("|---|---|---|---|");
            foreach (var i in report.FixedIssues.Take(MaxIssueRows))
            {
                w.WriteLine($"| {md(i.RuleId)} | {md(i.FilePath)} | {md(i.Member)} | {md(i.Message)} |");
            }
        }

        if (report.SkippedProjects.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("### Skipped projects");
            w.WriteLine();
            foreach (var s in report.SkippedProjects)
            {
                w.WriteLine($"- {md(s.Path)}: {md(s.Reason)}");
            }
        }

        if (report.Timings.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("### Analyzer time");
            w.WriteLine();
            w.WriteLine("| Rules | Analyzer | Time (ms) |");
            w.WriteLine("|---|---|---:|");
            foreach (var t in report.Timings)
            {
                w.WriteLine($"| {md(string.Join(", ", t.RuleIds))} | {md(t.Analyzer)} | {t.Time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} |");
            }
        }

        if (report.Notes.Count > 0)
        {
            w.WriteLine();
            foreach (var note in report.Notes)
            {
                w.WriteLine($"> {md(note)}");
                w.WriteLine();
            }
        }
    }

    private static string RuleLink(ReportModel report, string ruleId)
    {
        var id = TextSanitizer.Markdown(ruleId);
        if (report.Rules.TryGetValue(ruleId, out var rule) && IsSafeLink(rule.HelpUri))
        {
            return $"[{id}](<{rule.HelpUri}>)";
        }

        return id;
    }

    /// <summary>Only plain https links from rule metadata become links; anything odd is left out rather than escaped.</summary>
    internal static bool IsSafeLink(string uri) =>
        uri.StartsWith("https://", System.StringComparison.OrdinalIgnoreCase)
        && uri.All(c => c > ' ' && c < 0x7F && c is not ('<' or '>' or '"' or '\'' or '`' or '\\' or '|' or '(' or ')' or '[' or ']'));

    private static void Counts(StreamWriter w, string title, string column, IReadOnlyList<CountRow> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        w.WriteLine();
        w.WriteLine("### " + title);
        w.WriteLine();
        w.WriteLine($"| {column} | Count | % |");
        w.WriteLine("|---|---:|---:|");
        foreach (var r in rows)
        {
            w.WriteLine($"| {TextSanitizer.Markdown(r.Name)} | {r.Count} | {Percent(r.Percent)} |");
        }
    }

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}
