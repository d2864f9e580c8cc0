using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>Tables and bar charts that fit an 80-column terminal. All analysed text is sanitised (no escape sequences reach the terminal).</summary>
public sealed class ConsoleReportWriter : IReportFormatter
{
    public const int Width = 80;
    private const int NameWidth = 28;
    private const int BarWidth = Width - 2 - NameWidth - 1 - 6 - 1 - 6 - 2;

    public string Name => "console";

    public void Write(ReportModel report, Stream stream)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        Write(report, writer);
    }

    public static void Write(ReportModel report, TextWriter w)
    {
        var inputs = string.Join(", ", report.Inputs.Select(TextSanitizer.ForTerminal));
        w.WriteLine(Fit($"perf-report {report.ToolVersion}: {Plural(report.Total, "issue")} in {Plural(report.ProjectCount, "project")}"));
        w.WriteLine(Fit("Input: " + inputs));
        if (report.Baseline is { } b)
        {
            w.WriteLine(Fit($"Baseline {TextSanitizer.ForTerminal(b.Path)}: {b.New} new, {b.Unchanged} unchanged, {b.Fixed} fixed"));
        }

        Chart(w, "By severity", report.BySeverity);
        Chart(w, "By category", report.ByCategory.Select(r => r.IsPeer ? r with { Name = r.Name + " *" } : r).ToList());
        if (report.ByCategory.Any(r => r.IsPeer))
        {
            w.WriteLine("  * other analyzers");
        }

        if (report.ByRule.Count > 0)
        {
            Heading(w, "By rule");
            foreach (var r in report.ByRule)
            {
                var title = TextSanitizer.Truncate(TextSanitizer.ForTerminal(r.Title.Length > 0 ? r.Title : r.Category), Width - 2 - 10 - 1 - 8 - 1 - 6 - 1);
                w.WriteLine($"  {TextSanitizer.Truncate(TextSanitizer.ForTerminal(r.RuleId), 10),-10} {title,-51} {r.Severity,-8}{r.Count,6}");
            }
        }

        Chart(w, $"Top files", report.TopFiles, keepEnd: true);
        if (report.TopProjects.Count > 1)
        {
            Chart(w, "Top projects", report.TopProjects);
        }

        if (report.Priorities.Count > 0)
        {
            Heading(w, "Fix first");
            foreach (var p in report.Priorities)
            {
                var head = $"{p.Rank,3}. {TextSanitizer.ForTerminal(p.RuleId)} {TextSanitizer.ForTerminal(p.Title)}";
                var tail = $" x{p.Count} {(p.Automatic ? "[code fix]" : "[manual]")}";
                w.WriteLine(TextSanitizer.Truncate(head, Width - tail.Length) + tail);
                if (p.Fix.Length > 0)
                {
                    foreach (var line in Wrap(TextSanitizer.ForTerminal(p.Fix), Width - 6))
                    {
                        w.WriteLine("      " + line);
                    }
                }
            }
        }

        if (report.Issues.Count > 0)
        {
            var shown = Math.Min(report.Issues.Count, Math.Max(report.Top, 1));
            Heading(w, shown < report.Issues.Count ? $"Issues (most severe {shown} of {report.Issues.Count}; --top or another --format for more)" : "Issues");
            foreach (var issue in report.Issues.Take(shown))
            {
                WriteIssue(w, issue);
            }
        }

        if (report.FixedIssues.Count > 0)
        {
            Heading(w, $"Fixed since baseline ({report.FixedIssues.Count})");
            foreach (var issue in report.FixedIssues.Take(Math.Max(report.Top, 1)))
            {
                w.WriteLine(Fit($"  {TextSanitizer.ForTerminal(issue.RuleId)} {TextSanitizer.ForTerminal(issue.FilePath)} {TextSanitizer.ForTerminal(issue.Member)}"));
            }
        }

        if (report.SkippedProjects.Count > 0)
        {
            Heading(w, $"Skipped projects ({report.SkippedProjects.Count})");
            foreach (var s in report.SkippedProjects)
            {
                w.WriteLine(Fit("  " + TextSanitizer.ForTerminal(s.Path)));
                foreach (var line in Wrap(TextSanitizer.ForTerminal(s.Reason), Width - 4))
                {
                    w.WriteLine("    " + line);
                }
            }
        }

        if (report.Timings.Count > 0)
        {
            Heading(w, "Analyzer time");
            foreach (var t in report.Timings)
            {
                var ms = t.Time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
                var rules = string.Join(",", t.RuleIds);
                w.WriteLine(Fit($"  {TextSanitizer.Truncate(rules, 24),-24} {TextSanitizer.Truncate(t.Analyzer, 38),-38} {ms,12}"));
            }
        }

        foreach (var note in report.Notes)
        {
            foreach (var line in Wrap("Note: " + TextSanitizer.ForTerminal(note), Width))
            {
                w.WriteLine(line);
            }
        }
    }

    private static void WriteIssue(TextWriter w, Issue issue)
    {
        var status = issue.Baseline is BaselineStatus.New ? " [new]" : "";
        var location = $"{TextSanitizer.ForTerminal(issue.FilePath)}:{issue.Line}:{issue.Column}";
        var head = $"  {issue.Severity,-7} {TextSanitizer.ForTerminal(issue.RuleId)}{status} ";
        w.WriteLine(head + TextSanitizer.Truncate(location, Width - head.Length, keepEnd: true));
        if (issue.Member.Length > 0)
        {
            w.WriteLine(Fit("    in " + TextSanitizer.ForTerminal(issue.Member)));
        }

        foreach (var line in Wrap(TextSanitizer.ForTerminal(issue.Message), Width - 4))
        {
            w.WriteLine("    " + line);
        }

        var source = TextSanitizer.ForTerminal(issue.SourceLine.Trim());
        if (source.Length > 0)
        {
            w.WriteLine(Fit("    | " + source));
        }
    }

    private static void Chart(TextWriter w, string title, IReadOnlyList<CountRow> rows, bool keepEnd = false)
    {
        if (rows.Count == 0)
        {
            return;
        }

        Heading(w, title);
        var max = Math.Max(1, rows.Max(r => r.Count));
        foreach (var r in rows)
        {
            var name = TextSanitizer.Truncate(TextSanitizer.ForTerminal(r.Name), NameWidth, keepEnd);
            var bar = Bar(r.Count, max);
            var percent = r.Percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";
            w.WriteLine($"  {name,-NameWidth} {r.Count,6} {percent,6}  {bar}".TrimEnd());
        }
    }

    private static string Bar(int count, int max)
    {
        if (count == 0)
        {
            return "";
        }

        var eighths = (int)Math.Round((double)count / max * BarWidth * 8);
        eighths = Math.Max(1, eighths);
        var full = eighths / 8;
        var rest = eighths % 8;
        var builder = new StringBuilder(new string('█', full));
        if (rest > 0)
        {
            builder.Append("▏▎▍▌▋▊▉"[rest - 1]);
        }

        return builder.ToString();
    }

    private static void Heading(TextWriter w, string title)
    {
        w.WriteLine();
        w.WriteLine(Fit(title));
        w.WriteLine(new string('─', Math.Min(Width, title.Length)));
    }

    private static string Fit(string line) => TextSanitizer.Truncate(line, Width);

    private static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? "" : "s");

    internal static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var piece = word;
            while (piece.Length > width)
            {
                if (line.Length > 0)
                {
                    yield return line.ToString();
                    line.Clear();
                }

                yield return piece.Substring(0, width);
                piece = piece.Substring(width);
            }

            if (line.Length > 0 && line.Length + 1 + piece.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(piece);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
