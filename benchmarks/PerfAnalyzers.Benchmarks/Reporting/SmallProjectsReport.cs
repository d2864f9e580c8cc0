using System.Collections.Generic;
using System.Linq;
using System.Text;
using PerfAnalyzers.Benchmarks.Analysis;
using static PerfAnalyzers.Benchmarks.Reporting.Markdown;

namespace PerfAnalyzers.Benchmarks.Reporting;

/// <summary>The Markdown page for the many-small-projects shape.</summary>
public static class SmallProjectsReport
{
    public static string Render(SmallProjectsResult r, string machine, string loadAtStart)
    {
        var projects = r.Projects.Count;
        var sb = new StringBuilder();
        sb.Append("# Analyzer benchmark: many small projects\n\n");
        sb.Append($"{Number(projects)} projects of {Number(r.Projects.Min(p => p.Solution.Lines))}–{Number(r.Projects.Max(p => p.Solution.Lines))} lines ");
        sb.Append($"({Number(r.Lines)} lines in all), each with the EF Core model, compiled and analysed separately: a fresh ");
        sb.Append("`CompilationWithAnalyzers` per project, analysis on one thread. Times are each analyzer's callback time summed over ");
        sb.Append($"the projects, median of {r.Repetitions} repetitions; the builds were measured turn about, repetition by repetition.\n\n");
        sb.Append("Machine: ").Append(machine).Append("; load average at the start ").Append(loadAtStart).Append("\n\n");

        var builds = r.Builds;
        var header = new List<string> { "rule", "analyzer" };
        foreach (var build in builds)
        {
            header.Add(build.Label + " ms");
            header.Add("ms / project");
            header.Add("minimum ms");
            header.Add("projects with actions");
        }

        if (builds.Count > 1)
        {
            header.Add("last / first");
        }

        var rows = new List<IReadOnlyList<string>>();
        var first = builds[0];
        var last = builds[^1];
        foreach (var analyzer in builds.SelectMany(b => b.TotalMsByAnalyzer.Keys).Distinct().OrderBy(Rules))
        {
            var row = new List<string> { Rules(analyzer), analyzer };
            foreach (var build in builds)
            {
                if (build.TotalMsByAnalyzer.TryGetValue(analyzer, out var ms))
                {
                    row.Add(Ms(ms));
                    row.Add(Ms(ms / projects));
                    row.Add(Ms(build.MinimumMsByAnalyzer[analyzer]));
                    row.Add(Number(build.ActiveProjectsByAnalyzer[analyzer]));
                }
                else
                {
                    row.AddRange(["—", "", "", ""]);
                }
            }

            if (builds.Count > 1)
            {
                row.Add(first.TotalMsByAnalyzer.TryGetValue(analyzer, out var a) && last.TotalMsByAnalyzer.TryGetValue(analyzer, out var b) && a > 0
                    ? Number(b / a, "N2") : "");
            }

            rows.Add(row);
        }

        var total = new List<string> { "**all**", "" };
        foreach (var build in builds)
        {
            total.AddRange(["**" + Ms(build.TotalMs) + "**", Ms(build.TotalMs / projects), Ms(build.MinimumMs), ""]);
        }

        if (builds.Count > 1)
        {
            total.Add(first.TotalMs > 0 ? Number(last.TotalMs / first.TotalMs, "N2") : "");
        }

        rows.Add(total);
        var wall = new List<string> { "driver wall time", "" };
        foreach (var build in builds)
        {
            wall.AddRange([Ms(build.WallMs), Ms(build.WallMs / projects), "", ""]);
        }

        if (builds.Count > 1)
        {
            wall.Add(first.WallMs > 0 ? Number(last.WallMs / first.WallMs, "N2") : "");
        }

        rows.Add(wall);
        Table(sb, header, rows);
        sb.Append("Callback times are wall-clock: on a shared machine a callback is also charged for the time its thread waits for a ");
        sb.Append("core, so the minimum over the repetitions (the least disturbed) is shown beside the median. ");
        sb.Append("\"Projects with actions\": the projects where the analyzer registered any action beyond its compilation-start ");
        sb.Append("action (none where the types it needs are absent). The driver wall time includes binding every method body, ");
        sb.Append("which every operation analyzer shares.\n\n");

        sb.Append("## Diagnostics found against the generator's known counts\n\n");
        var countHeader = new List<string> { "rule", "expected" };
        countHeader.AddRange(builds.Select(b => b.Label));
        Table(sb, countHeader, r.Expected.Select(e =>
        {
            var row = new List<string> { e.Key, Number(e.Value) };
            row.AddRange(builds.Select(b => Number(b.DiagnosticCounts.TryGetValue(e.Key, out var n) ? n : 0) + (n == e.Value ? "" : " **MISMATCH**")));
            return (IReadOnlyList<string>)row;
        }));

        foreach (var build in builds.Where(b => b.AnalyzerExceptions.Count > 0))
        {
            sb.Append("## ANALYZER EXCEPTIONS (").Append(build.Label).Append(")\n\n");
            foreach (var e in build.AnalyzerExceptions)
            {
                sb.Append("- ").Append(e).Append('\n');
            }

            sb.Append('\n');
        }

        return sb.ToString();

        string Rules(string analyzer) =>
            builds.Select(b => b.RulesByAnalyzer.TryGetValue(analyzer, out var ids) ? string.Join(", ", ids) : null).FirstOrDefault(s => s is not null) ?? "";
    }
}
