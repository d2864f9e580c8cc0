using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PerfAnalyzers.Report.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PerfAnalyzers.Report.Output;

/// <summary>
/// The console summary as Spectre.Console tables and bar charts, 80 columns wide and without colour, so it reads the
/// same in a terminal, a CI log and a .txt file. Analysed text is sanitised and only ever rendered as plain
/// <see cref="Text"/>, never as markup.
/// </summary>
public sealed class ConsoleReportWriter : IReportFormatter
{
    public const int Width = 80;

    public string Name => "console";

    public void Write(ReportModel report, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        Write(report, writer);
    }

    public static void Write(ReportModel report, TextWriter writer)
    {
        var buffer = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(buffer),
        });
        console.Profile.Width = Width;
        console.Profile.Capabilities.Unicode = true;
        console.Write(Render(report));

        // Table cells are padded to their column width and borderless table edges are blank lines: trim both, as
        // trailing blanks and double gaps only make diffs and logs noisier.
        var previousBlank = false;
        foreach (var line in buffer.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd()))
        {
            if (line.Length > 0 || !previousBlank)
            {
                writer.Write(line + "\n");
            }

            previousBlank = line.Length == 0;
        }
    }

    /// <summary>The whole summary as one renderable, for any <see cref="IAnsiConsole"/>.</summary>
    public static IRenderable Render(ReportModel report)
    {
        var parts = new List<IRenderable>
        {
            Plain($"perf-report {report.ToolVersion}: {Plural(report.Total, "issue")} in {Plural(report.ProjectCount, "project")}"),
            Plain("Input: " + string.Join(", ", report.Inputs)),
        };
        if (report.Baseline is { } b)
        {
            parts.Add(Plain($"Baseline {b.Path}: {b.New} new, {b.Unchanged} unchanged, {b.Fixed} fixed"));
        }

        if (report.Trend is { } trend)
        {
            parts.Add(Plain(TrendText.SincePrevious(trend)));
        }

        Chart(parts, "By severity", report.BySeverity);
        Chart(parts, "By category", report.ByCategory.Select(r => r.IsPeer ? r with { Name = r.Name + " *" } : r).ToList());
        if (report.ByCategory.Any(r => r.IsPeer))
        {
            parts.Add(Plain("  * other analyzers"));
        }

        if (report.ByRule.Count > 0)
        {
            var table = Table("Rule", "Title", "Severity", "Count");
            foreach (var r in report.ByRule)
            {
                table.AddRow(Plain(r.RuleId), Plain(r.Title.Length > 0 ? r.Title : r.Category), Plain(r.Severity.ToString()), Plain(Number(r.Count)));
            }

            Section(parts, "By rule", table);
        }

        Chart(parts, "Top files", report.TopFiles, keepEnd: true);
        if (report.Hotspots is { Rows.Count: > 0 } hotspots)
        {
            var table = Table("File", "Commits", "Count", "Score");
            foreach (var h in hotspots.Rows)
            {
                table.AddRow(Plain(TextSanitizer.Truncate(h.Path, 44, keepEnd: true)), Plain(Number(h.Commits)), Plain(Number(h.Issues)), Plain(Number(h.Score)));
            }

            Section(parts, $"Hotspots (commits in {hotspots.SinceDays} days{(hotspots.Partial ? ", partial history" : "")})", table);
        }

        if (report.Owners is { Count: > 0 } owners)
        {
            var table = Table("Owner", "Count", "Error", "Warning", "Info");
            foreach (var o in owners)
            {
                table.AddRow(Plain(TextSanitizer.Truncate(o.Owner, 36)), Plain(Number(o.Issues)), Plain(Number(o.Errors)), Plain(Number(o.Warnings)), Plain(Number(o.Infos + o.Hidden)));
            }

            Section(parts, "By owner (CODEOWNERS)", table);
        }

        if (report.TopProjects.Count > 1)
        {
            Chart(parts, "Top projects", report.TopProjects);
        }

        if (report.Priorities.Count > 0)
        {
            var table = Table("#", "Rule", "What to do", "Count", "Fix");
            foreach (var p in report.Priorities)
            {
                var what = p.Fix.Length > 0 ? new Rows(Plain(p.Title), Plain(p.Fix)) : (IRenderable)Plain(p.Title);
                table.AddRow(Plain(Number(p.Rank)), Plain(p.RuleId), what, Plain(Number(p.Count)), Plain(p.Automatic ? "code fix" : "manual"));
            }

            Section(parts, "Fix first", table);
        }

        if (report.Issues.Count > 0)
        {
            var shown = Math.Min(report.Issues.Count, Math.Max(report.Top, 1));
            var title = shown < report.Issues.Count ? $"Issues (most severe {shown} of {report.Issues.Count}; --top or another --format for more)" : "Issues";
            Section(parts, title, new Rows(report.Issues.Take(shown).Select(IssueBlock)));
        }

        if (report.FixedIssues.Count > 0)
        {
            var table = Table("Rule", "File", "Member");
            foreach (var issue in report.FixedIssues.Take(Math.Max(report.Top, 1)))
            {
                table.AddRow(Plain(issue.RuleId), Plain(issue.FilePath), Plain(issue.Member));
            }

            Section(parts, $"Fixed since baseline ({report.FixedIssues.Count})", table);
        }

        if (report.SkippedProjects.Count > 0)
        {
            var table = Table("Project", "Reason");
            foreach (var s in report.SkippedProjects)
            {
                table.AddRow(Plain(s.Path), Plain(s.Reason));
            }

            Section(parts, $"Skipped projects ({report.SkippedProjects.Count})", table);
        }

        if (report.Timings.Count > 0)
        {
            var table = Table("Rules", "Analyzer", "Time (ms)");
            foreach (var t in report.Timings)
            {
                table.AddRow(Plain(string.Join(",", t.RuleIds)), Plain(t.Analyzer), Plain(t.Time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)));
            }

            Section(parts, "Analyzer time", table);
        }

        parts.AddRange(report.Notes.Select(note => Plain("Note: " + note)));
        return new Rows(parts);
    }

    private static IRenderable IssueBlock(Issue issue)
    {
        var status = issue.Baseline is BaselineStatus.New ? " [new]" : "";
        var lines = new List<IRenderable> { Plain($"{issue.Severity,-7} {issue.RuleId}{status} {issue.FilePath}:{issue.Line}:{issue.Column}") };
        var details = new List<IRenderable>();
        if (issue.Member.Length > 0)
        {
            details.Add(Plain("in " + issue.Member));
        }

        details.Add(Plain(issue.Message));
        if (issue.SourceLine.Trim().Length > 0)
        {
            details.Add(Plain("| " + issue.SourceLine.Trim()));
        }

        lines.Add(new Padder(new Rows(details), new Padding(2, 0, 0, 0)));
        return new Padder(new Rows(lines), new Padding(2, 0, 0, 0));
    }

    private static void Chart(List<IRenderable> parts, string title, IReadOnlyList<CountRow> rows, bool keepEnd = false)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // Labels are Spectre markup: escape them. Long paths keep their end, where the file name is.
        var chart = new BarChart { Width = Width - 2, MaxValue = Math.Max(1, rows.Max(r => r.Count)) };
        foreach (var r in rows)
        {
            var label = $"{TextSanitizer.Truncate(TextSanitizer.ForTerminal(r.Name), 28, keepEnd)} ({r.Percent.ToString("0.0", CultureInfo.InvariantCulture)}%)";
            chart.AddItem(Markup.Escape(label), r.Count);
        }

        Section(parts, title, chart);
    }

    private static void Section(List<IRenderable> parts, string title, IRenderable body)
    {
        parts.Add(Text.Empty);
        parts.Add(new Rule(Markup.Escape(TextSanitizer.ForTerminal(title))) { Justification = Justify.Left });
        parts.Add(new Padder(body, new Padding(2, 0, 0, 0)));
    }

    private static Table Table(params string[] headers)
    {
        var table = new Table { Border = TableBorder.Simple, ShowHeaders = true };
        foreach (var header in headers)
        {
            var column = new TableColumn(Plain(header));
            if (header is "Count" or "Time (ms)" or "#" or "Commits" or "Score" or "Error" or "Warning" or "Info")
            {
                column.RightAligned();
            }

            table.AddColumn(column);
        }

        return table;
    }

    private static Text Plain(string text) => new(TextSanitizer.ForTerminal(text));

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Plural(int n, string word) => Number(n) + " " + word + (n == 1 ? "" : "s");
}
