using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PerfAnalyzers.Benchmarks.Analysis;
using static PerfAnalyzers.Benchmarks.Reporting.Markdown;

namespace PerfAnalyzers.Benchmarks.Reporting;

/// <summary>Per-size key figures kept as JSON beside the pages, so sizes run separately still add up to one scaling table.</summary>
public static class ScalingReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Save(string resultsDirectory, string label, SizeBenchmarkResult result)
    {
        var point = new ScalingPoint(
            label,
            result.Compilation.Solution.Lines,
            result.Compilation.Solution.Files.Count,
            result.CompileMs,
            result.AllOursSequential.TotalExecutionMs,
            result.AllOursSequential.ExecutionMsByAnalyzer.Count,
            result.CountsMatch,
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var directory = Path.Combine(resultsDirectory, "data");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, label + ".json"), JsonSerializer.Serialize(point, Json) + "\n");
    }

    public static void Write(string resultsDirectory)
    {
        var directory = Path.Combine(resultsDirectory, "data");
        if (!Directory.Exists(directory))
        {
            return;
        }

        var points = Directory.EnumerateFiles(directory, "*.json")
            .Select(f => JsonSerializer.Deserialize<ScalingPoint>(File.ReadAllText(f))!)
            .OrderBy(p => p.Lines)
            .ToList();
        if (points.Count == 0)
        {
            return;
        }

        var first = points[0];
        var sb = new StringBuilder("# Scaling with solution size\n\n");
        sb.Append("Linear growth means a constant cost per line: the last column stays near 1.0. PerfAnalyzers time is all analyzers together with analysis on one thread (see the size pages). Times are milliseconds, one row per size run (see the size pages for dates and machine).\n\n");
        Table(sb, ["size", "lines", "compile ms", "compile µs/line", "PerfAnalyzers ms", "PerfAnalyzers µs/line", "% of compile", "per-line cost vs smallest", "analyzers", "counts"],
            points.Select(p => (IReadOnlyList<string>)
            [
                p.Label,
                Number(p.Lines),
                Ms(p.CompileMs),
                Number(1000 * p.CompileMs / p.Lines, "N1"),
                Ms(p.AnalyzersMs),
                Number(1000 * p.AnalyzersMs / p.Lines, "N2"),
                Percent(100 * p.AnalyzersMs / p.CompileMs),
                first.AnalyzersMs <= 0 ? "n/a" : Number(p.AnalyzersMs / p.Lines / (first.AnalyzersMs / first.Lines), "N2"),
                Number(p.Analyzers),
                p.CountsMatch ? "ok" : "**MISMATCH**",
            ]));
        File.WriteAllText(Path.Combine(resultsDirectory, "scaling.md"), sb.ToString());
        Console.WriteLine(sb.ToString());
    }
}

public sealed record ScalingPoint(string Label, int Lines, int Files, double CompileMs, double AnalyzersMs, int Analyzers, bool CountsMatch, string Date);
