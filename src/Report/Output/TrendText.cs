using System.Globalization;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>The one-line change since the previous recorded run, the same in every text format.</summary>
public static class TrendText
{
    public static string SincePrevious(TrendSection trend)
    {
        if (trend.Previous is not { } previous)
        {
            return "First recorded run: the next run with the same --history file shows the change.";
        }

        var current = trend.Current;
        var commit = previous.Commit.Length >= 7 ? ", " + previous.Commit.Substring(0, 7) : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Since the previous run ({previous.Time.UtcDateTime:yyyy-MM-dd HH:mm} UTC{commit}): {current.Total} issues ({Delta(current.Total - previous.Total)}), errors {current.Count(IssueSeverity.Error)} ({Delta(current.Count(IssueSeverity.Error) - previous.Count(IssueSeverity.Error))}), warnings {current.Count(IssueSeverity.Warning)} ({Delta(current.Count(IssueSeverity.Warning) - previous.Count(IssueSeverity.Warning))}); {trend.Runs.Count} runs recorded.");
    }

    private static string Delta(int change) => change switch
    {
        > 0 => "+" + change.ToString(CultureInfo.InvariantCulture),
        < 0 => change.ToString(CultureInfo.InvariantCulture),
        _ => "±0",
    };
}
