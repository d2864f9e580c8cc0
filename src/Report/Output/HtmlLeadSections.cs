using System.Collections.Generic;
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
}
