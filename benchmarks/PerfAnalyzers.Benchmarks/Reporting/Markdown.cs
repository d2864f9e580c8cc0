using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PerfAnalyzers.Benchmarks.Reporting;

/// <summary>Minimal Markdown table writer.</summary>
public static class Markdown
{
    public static void Table(StringBuilder sb, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        sb.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        sb.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows)
        {
            sb.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        }

        sb.Append('\n');
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "N2" : "N0", CultureInfo.InvariantCulture);

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Percent(double value) => value.ToString("N2", CultureInfo.InvariantCulture) + "%";

    public static string Ratio(double ours, double peer) =>
        peer <= 0 ? "n/a" : (ours / peer).ToString("N2", CultureInfo.InvariantCulture) + (ours <= peer ? "" : " ⚠");
}
