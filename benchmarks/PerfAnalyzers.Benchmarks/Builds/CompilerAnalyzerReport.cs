using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace PerfAnalyzers.Benchmarks.Builds;

/// <summary>
/// What the compiler itself says in a real build's detailed log: <c>-p:ReportAnalyzer=true</c> makes csc print each
/// analyzer assembly's execution time, and the performance summary gives the Csc task's own time. Summed over every
/// project the build compiled.
/// </summary>
public sealed record CompilerAnalyzerReport(double CscTaskSeconds, double AllAnalyzersSeconds, double PerfAnalyzersSeconds, int Compilations)
{
    private static readonly Regex TotalLine = new(@"Total analyzer execution time: ([\d.]+) seconds", RegexOptions.Compiled);
    private static readonly Regex OurAssemblyLine = new(@"^\s+<?([\d.]+)\s+\S+\s+PerfAnalyzers\.Analyzers, Version=", RegexOptions.Compiled);
    private static readonly Regex CscTaskLine = new(@"^\s+(\d+) ms\s+Csc\s+\d+ calls", RegexOptions.Compiled);

    public static CompilerAnalyzerReport Parse(string logFile)
    {
        double csc = 0, all = 0, ours = 0;
        var compilations = 0;
        foreach (var line in File.ReadLines(logFile))
        {
            if (TotalLine.Match(line) is { Success: true } total)
            {
                all += double.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture);
                compilations++;
            }
            else if (OurAssemblyLine.Match(line) is { Success: true } mine)
            {
                ours += double.Parse(mine.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (CscTaskLine.Match(line) is { Success: true } task)
            {
                // The task summary appears once per log; the last one covers the whole build.
                csc = double.Parse(task.Groups[1].Value, CultureInfo.InvariantCulture) / 1000;
            }
        }

        return new CompilerAnalyzerReport(csc, all, ours, compilations);
    }
}
