using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>
/// One self-contained HTML page (no network): charts by severity and category as inline SVG, top files, the fix-first
/// list and a sortable, filterable issue table with snippets. Every analysed string is HTML-escaped and the
/// Content-Security-Policy only lets the page's own script and style run (by hash), so content cannot inject script.
/// </summary>
public sealed class HtmlReportWriter : IReportFormatter
{
    public const int MaxIssueRows = 10_000;

    private static readonly string Script = Resource("report.js");
    private static readonly string Style = Resource("report.css");

    public string Name => "html";

    public static string ContentSecurityPolicy =>
        $"default-src 'none'; script-src '{Hash(Script)}'; style-src '{Hash(Style)}'; img-src data:; base-uri 'none'; form-action 'none'";

    public void Write(ReportModel report, Stream stream)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        var h = TextSanitizer.Html;
        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\">");
        w.WriteLine("<head>");
        w.WriteLine("<meta charset=\"utf-8\">");
        w.WriteLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">");
        w.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.WriteLine("<meta name=\"referrer\" content=\"no-referrer\">");
        w.WriteLine($"<title>perf-report: {report.Total} performance issue{(report.Total == 1 ? "" : "s")}</title>");
        w.Write("<style>");
        w.Write(Style);
        w.WriteLine("</style>");
        w.WriteLine("</head>");
        w.WriteLine("<body>");
        w.WriteLine($"<h1>perf-report: {report.Total} performance issue{(report.Total == 1 ? "" : "s")}</h1>");
        w.WriteLine($"<p class=\"facts\">Input: {string.Join(", ", report.Inputs.Select(h))} · {report.ProjectCount} project{(report.ProjectCount == 1 ? "" : "s")} · perf-report {h(report.ToolVersion)}</p>");

        w.WriteLine("<div class=\"cards\" id=\"totals\">");
        foreach (var row in report.BySeverity)
        {
            w.WriteLine($"<div class=\"card\"><b class=\"sev-{row.Name}\">{row.Count}</b>{h(row.Name)}</div>");
        }

        if (report.Baseline is { } b)
        {
            w.WriteLine($"<div class=\"card\" id=\"baseline\"><b>{b.New}</b>new · {b.Unchanged} unchanged · {b.Fixed} fixed</div>");
        }

        w.WriteLine("</div>");

        w.WriteLine("<div class=\"charts\">");
        w.WriteLine("<section><h2>By severity</h2>");
        Chart(w, "chart-severity", report.BySeverity, r => SeverityColour(r.Name));
        w.WriteLine("</section>");
        w.WriteLine("<section><h2>By category</h2>");
        Chart(w, "chart-category", report.ByCategory, r => r.IsPeer ? "#818b98" : "#8250df");
        w.WriteLine("</section>");
        w.WriteLine("</div>");

        if (report.Trend is { } trend)
        {
            HtmlLeadSections.Trend(w, trend);
        }

        if (report.TopFiles.Count > 0)
        {
            w.WriteLine("<h2>Most affected files</h2>");
            CountTable(w, "top-files", "File", report.TopFiles);
        }

        if (report.Hotspots is { Rows.Count: > 0 } hotspots)
        {
            HtmlLeadSections.Hotspots(w, hotspots);
        }

        if (report.Owners is { Count: > 0 } owners)
        {
            HtmlLeadSections.Owners(w, owners);
        }

        if (report.TopProjects.Count > 0)
        {
            w.WriteLine("<h2>Most affected projects</h2>");
            CountTable(w, "top-projects", "Project", report.TopProjects);
        }

        if (report.Priorities.Count > 0)
        {
            w.WriteLine("<h2>Fix first</h2>");
            w.WriteLine("<table id=\"priorities\"><thead><tr><th class=\"num\">#</th><th>Rule</th><th class=\"num\">Issues</th><th class=\"num\">Score</th><th>Fix</th><th>Automatic</th></tr></thead><tbody>");
            foreach (var p in report.Priorities)
            {
                w.WriteLine($"<tr><td class=\"num\">{p.Rank}</td><td>{RuleLink(report, p.RuleId)} {h(p.Title)}</td><td class=\"num\">{p.Count}</td><td class=\"num\">{p.Score}</td><td>{h(p.Fix)}</td><td>{(p.Automatic ? "code fix" : "manual")}</td></tr>");
            }

            w.WriteLine("</tbody></table>");
        }

        IssueTable(w, report);

        if (report.FixedIssues.Count > 0)
        {
            w.WriteLine($"<h2>Fixed since the baseline ({report.FixedIssues.Count})</h2>");
            w.WriteLine("<table id=\"fixed\"><thead><tr><th>Rule</th><th>File</th><th>Member</th><th>Message</th></tr></thead><tbody>");
            foreach (var i in report.FixedIssues.Take(MaxIssueRows))
            {
                w.WriteLine($"<tr><td>{h(i.RuleId)}</td><td>{h(i.FilePath)}</td><td>{h(i.Member)}</td><td>{h(i.Message)}</td></tr>");
            }

            w.WriteLine("</tbody></table>");
        }

        if (report.SkippedProjects.Count > 0)
        {
            w.WriteLine("<h2>Skipped projects</h2>");
            w.WriteLine("<ul id=\"skipped\">");
            foreach (var s in report.SkippedProjects)
            {
                w.WriteLine($"<li>{h(s.Path)}: {h(s.Reason)}</li>");
            }

            w.WriteLine("</ul>");
        }

        if (report.Timings.Count > 0)
        {
            w.WriteLine("<h2>Analyzer time</h2>");
            w.WriteLine("<table id=\"timings\"><thead><tr><th>Rules</th><th>Analyzer</th><th class=\"num\">Time (ms)</th></tr></thead><tbody>");
            foreach (var t in report.Timings)
            {
                w.WriteLine($"<tr><td>{h(string.Join(", ", t.RuleIds))}</td><td>{h(t.Analyzer)}</td><td class=\"num\">{t.Time.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)}</td></tr>");
            }

            w.WriteLine("</tbody></table>");
        }

        foreach (var note in report.Notes)
        {
            w.WriteLine($"<p class=\"muted note\">{h(note)}</p>");
        }

        w.Write("<script>");
        w.Write(Script);
        w.WriteLine("</script>");
        w.WriteLine("</body>");
        w.WriteLine("</html>");
    }

    private static void IssueTable(StreamWriter w, ReportModel report)
    {
        var h = TextSanitizer.Html;
        var rows = report.Issues.Take(MaxIssueRows).ToList();
        var withBaseline = report.Baseline is not null;
        w.WriteLine($"<h2>Issues</h2>");
        if (report.Issues.Count > rows.Count)
        {
            w.WriteLine($"<p class=\"muted\">The {rows.Count} most severe of {report.Issues.Count} issues; the JSON and SARIF formats list all of them.</p>");
        }

        w.WriteLine("<div class=\"controls\"><input id=\"filter\" type=\"search\" placeholder=\"Filter by text (rule, file, member, message)\" aria-label=\"Filter issues\">");
        w.WriteLine("<select id=\"severity\" aria-label=\"Severity\"><option value=\"\">All severities</option><option>Error</option><option>Warning</option><option>Info</option><option>Hidden</option></select>");
        w.WriteLine($"<span><span id=\"shown\">{rows.Count}</span> shown</span></div>");
        w.Write("<table id=\"issues\"><colgroup><col class=\"sev\"><col class=\"rule\"><col class=\"cat\"><col class=\"loc\"><col class=\"member\"><col class=\"msg\">");
        w.Write(withBaseline ? "<col class=\"base\"></colgroup>" : "</colgroup>");
        w.Write("<thead><tr>");
        w.Write("<th data-type=\"number\"><button type=\"button\">Severity</button></th>");
        w.Write("<th><button type=\"button\">Rule</button></th>");
        w.Write("<th><button type=\"button\">Category</button></th>");
        w.Write("<th><button type=\"button\">Location</button></th>");
        w.Write("<th><button type=\"button\">Member</button></th>");
        w.Write("<th>Message</th>");
        if (withBaseline)
        {
            w.Write("<th><button type=\"button\">Baseline</button></th>");
        }

        w.WriteLine("</tr></thead><tbody>");
        foreach (var i in rows)
        {
            var sortLocation = h(i.FilePath) + ":" + i.Line.ToString("D9", CultureInfo.InvariantCulture) + ":" + i.Column.ToString("D6", CultureInfo.InvariantCulture);
            w.Write($"<tr data-severity=\"{i.Severity}\" data-rule=\"{h(i.RuleId)}\">");
            w.Write($"<td class=\"sev-{i.Severity}\" data-sort=\"{(int)i.Severity}\">{i.Severity}</td>");
            w.Write($"<td>{RuleLink(report, i.RuleId)}</td>");
            w.Write($"<td>{h(i.Category)}</td>");
            w.Write($"<td data-sort=\"{sortLocation}\">{h(i.FilePath)}:{i.Line}:{i.Column}</td>");
            w.Write($"<td>{h(i.Member)}</td>");
            w.Write($"<td>{h(i.Message)}");
            if (i.SourceLine.Trim().Length > 0)
            {
                w.Write($"<pre><code>{h(i.SourceLine.Trim())}</code></pre>");
            }

            w.Write("</td>");
            if (withBaseline)
            {
                var status = i.Baseline.ToString().ToLowerInvariant();
                w.Write($"<td class=\"{(i.Baseline == BaselineStatus.New ? "new" : "muted")}\">{status}</td>");
            }

            w.WriteLine("</tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    internal static void Chart(StreamWriter w, string id, IReadOnlyList<CountRow> rows, Func<CountRow, string> colour, Func<CountRow, string>? value = null, bool keepEnd = false)
    {
        const int labelWidth = 210;
        const int barWidth = 300;
        const int rowHeight = 24;
        var height = Math.Max(1, rows.Count) * rowHeight + 8;
        var max = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Count));
        var label = string.Join(", ", rows.Select(r => $"{r.Name}: {r.Count}"));
        w.WriteLine($"<svg class=\"chart\" id=\"{id}\" role=\"img\" aria-label=\"{TextSanitizer.Html(label)}\" viewBox=\"0 0 {labelWidth + barWidth + 70} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        var y = 4;
        foreach (var r in rows)
        {
            var width = r.Count == 0 ? 0 : Math.Max(2, (int)Math.Round((double)r.Count / max * barWidth));
            var name = TextSanitizer.Truncate(r.Name, 32, keepEnd);
            var shown = value is null ? $"{r.Count} ({r.Percent.ToString("0.0", CultureInfo.InvariantCulture)}%)" : value(r);
            w.WriteLine($"<g class=\"bar\"><text x=\"0\" y=\"{y + 16}\">{TextSanitizer.Html(name)}</text><rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{width}\" height=\"16\" rx=\"2\" fill=\"{colour(r)}\"></rect><text x=\"{labelWidth + width + 6}\" y=\"{y + 16}\">{TextSanitizer.Html(shown)}</text></g>");
            y += rowHeight;
        }

        w.WriteLine("</svg>");
    }

    private static void CountTable(StreamWriter w, string id, string column, IReadOnlyList<CountRow> rows)
    {
        w.WriteLine($"<table id=\"{id}\"><thead><tr><th>{column}</th><th class=\"num\">Issues</th><th class=\"num\">%</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            w.WriteLine($"<tr><td>{TextSanitizer.Html(r.Name)}</td><td class=\"num\">{r.Count}</td><td class=\"num\">{r.Percent.ToString("0.0", CultureInfo.InvariantCulture)}</td></tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    private static string RuleLink(ReportModel report, string ruleId)
    {
        var id = TextSanitizer.Html(ruleId);
        return report.Rules.TryGetValue(ruleId, out var rule) && MarkdownReportWriter.IsSafeLink(rule.HelpUri)
            ? $"<a href=\"{TextSanitizer.Html(rule.HelpUri)}\" rel=\"noopener noreferrer\">{id}</a>"
            : id;
    }

    private static string SeverityColour(string severity) => severity switch
    {
        "Error" => "#cf222e",
        "Warning" => "#bf8700",
        "Info" => "#0969da",
        _ => "#818b98",
    };

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new InvalidOperationException("missing resource " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
