using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>The HTML page's sections for tech leads: hotspots (chart and table) and findings by owner.</summary>
internal static class HtmlLeadSections
{
    public static void Hotspots(StreamWriter w, HotspotSection hotspots)
    {
        var h = TextSanitizer.Html;
        w.WriteLine("<h2>Hotspots</h2>");
        w.WriteLine($"<p class=\"muted\">Severity-weighted findings × commits in the last {hotspots.SinceDays} days: where the code that changes most has the most to fix.{(hotspots.Partial ? " The history is partial (shallow clone)." : "")}</p>");
        w.WriteLine("<div class=\"charts\"><section>");
        HtmlReportWriter.Chart(w, "chart-hotspots", hotspots.Rows.Select(r => new CountRow(r.Path, r.Score, 0)).ToList(), _ => "#cf222e", r => $"score {r.Count}", keepEnd: true);
        w.WriteLine("</section><section>");
        w.WriteLine("<table id=\"hotspots\"><thead><tr><th>File</th><th class=\"num\">Commits</th><th class=\"num\">Issues</th><th class=\"num\">Score</th></tr></thead><tbody>");
        foreach (var r in hotspots.Rows)
        {
            w.WriteLine($"<tr><td>{h(r.Path)}</td><td class=\"num\">{r.Commits}</td><td class=\"num\">{r.Issues}</td><td class=\"num\">{r.Score}</td></tr>");
        }

        w.WriteLine("</tbody></table></section></div>");
    }

    public static void Owners(StreamWriter w, IReadOnlyList<OwnerRow> owners)
    {
        var h = TextSanitizer.Html;
        w.WriteLine("<h2>By owner</h2>");
        w.WriteLine("<table id=\"owners\"><thead><tr><th>Owner (CODEOWNERS)</th><th class=\"num\">Issues</th><th class=\"num\">Error</th><th class=\"num\">Warning</th><th class=\"num\">Info</th><th class=\"num\">Hidden</th></tr></thead><tbody>");
        foreach (var o in owners)
        {
            w.WriteLine($"<tr><td>{h(o.Owner)}</td><td class=\"num\">{o.Issues}</td><td class=\"num\">{o.Errors}</td><td class=\"num\">{o.Warnings}</td><td class=\"num\">{o.Infos}</td><td class=\"num\">{o.Hidden}</td></tr>");
        }

        w.WriteLine("</tbody></table>");
    }

    /// <summary>The change since the previous run and, from two runs on, a line chart of total, error and warning counts.</summary>
    public static void Trend(StreamWriter w, TrendSection trend)
    {
        const int width = 600;
        const int height = 160;
        const int pad = 24;
        w.WriteLine("<h2>Trend</h2>");
        w.WriteLine($"<p id=\"trend-change\">{TextSanitizer.Html(TrendText.SincePrevious(trend))}</p>");
        var runs = trend.Runs;
        if (runs.Count < 2)
        {
            return;
        }

        var max = System.Math.Max(1, runs.Max(r => r.Total));
        string Points(System.Func<RecordedRun, int> value) => string.Join(" ", runs.Select((r, i) =>
        {
            var x = pad + (runs.Count == 1 ? 0 : i * (width - 2 * pad) / (runs.Count - 1));
            var y = height - pad - value(r) * (height - 2 * pad) / max;
            return x.ToString(CultureInfo.InvariantCulture) + "," + y.ToString(CultureInfo.InvariantCulture);
        }));
        var label = string.Join("; ", runs.Select(r => $"{r.Time.UtcDateTime:yyyy-MM-dd HH:mm}: {r.Total}"));
        w.WriteLine($"<svg class=\"trend\" id=\"chart-trend\" role=\"img\" aria-label=\"{TextSanitizer.Html(label)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        w.WriteLine($"<line x1=\"{pad}\" y1=\"{height - pad}\" x2=\"{width - pad}\" y2=\"{height - pad}\" stroke=\"#818b98\"></line>");
        foreach (var (name, colour, value) in new (string, string, System.Func<RecordedRun, int>)[]
        {
            ("total", "#8250df", r => r.Total),
            ("errors", "#cf222e", r => r.Count(IssueSeverity.Error)),
            ("warnings", "#bf8700", r => r.Count(IssueSeverity.Warning)),
        })
        {
            w.WriteLine($"<polyline class=\"trend-{name}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{Points(value)}\"></polyline>");
        }

        w.WriteLine($"<text x=\"{pad}\" y=\"14\" fill=\"currentColor\" font-size=\"12\">max {max} · {runs.Count} runs · purple total, red errors, yellow warnings</text>");
        w.WriteLine("</svg>");
    }
}
