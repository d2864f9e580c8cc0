using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PerfAnalyzers.Benchmarks.Generation;
using PerfAnalyzers.Benchmarks.Reporting;
using PerfAnalyzers.Testing;
using static PerfAnalyzers.Benchmarks.Reporting.Markdown;

namespace PerfAnalyzers.Benchmarks.Builds;

/// <summary>
/// The generated solution on disk, built with and without PerfAnalyzers and analysed by the report tool, each timed
/// (wall time, peak memory) on the same machine in the same run.
/// </summary>
public static class Throughput
{
    public static async Task<bool> RunAsync(int size, int repetitions, int seed, string? output, string? perfReport, string resultsDirectory, Action<string> log, CancellationToken cancellationToken)
    {
        var directory = output ?? Path.Combine(Path.GetTempPath(), "perfanalyzers-synthetic-" + CommandLine.SizeLabel(size));
        var solution = SolutionGenerator.Generate(size, seed);
        var sln = SolutionWriter.Write(solution, directory);
        log($"throughput: {solution.Lines:N0} lines written to {directory}; restoring");
        var rows = new List<IReadOnlyList<string>>();
        var restore = await ProcessTimer.RunAsync("dotnet", ["restore", sln], directory, cancellationToken);
        rows.Add(Row("dotnet restore (not part of the comparison)", restore));
        if (restore.ExitCode != 0)
        {
            return Finish(rows, [], [], repetitions, solution, "throughput-" + CommandLine.SizeLabel(size) + ".md", directory, resultsDirectory, log, ok: false, restore.OutputTail);
        }

        var analyzerPath = typeof(RuleCatalog).Assembly.Location;
        var ok = true;
        var failure = "";
        var walls = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        var cpus = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        var reports = new Dictionary<bool, List<CompilerAnalyzerReport>> { [false] = [], [true] = [] };
        var detail = new List<IReadOnlyList<string>>();
        var logFile = Path.Combine(directory, "build.log");

        // Alternating runs, so a slow spell of the machine falls on both sides.
        for (var run = 1; run <= repetitions; run++)
        {
            foreach (var withOurs in new[] { false, true })
            {
                var label = withOurs ? "dotnet build with PerfAnalyzers" : "dotnet build, no analyzer";
                log($"  {label}, run {run} of {repetitions}");
                var arguments = new List<string>
                {
                    "build", sln, "-c", "Release", "--no-restore", "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=false",
                    "-p:ReportAnalyzer=true", "-flp:logfile=" + logFile + ";verbosity=detailed;performancesummary",
                };
                if (withOurs)
                {
                    arguments.Add("-p:PerfAnalyzersPath=" + analyzerPath);
                }

                var result = await ProcessTimer.RunAsync("dotnet", arguments, directory, cancellationToken);
                var report = CompilerAnalyzerReport.Parse(logFile);
                walls[withOurs].Add(result.Wall.TotalSeconds);
                cpus[withOurs].Add(result.CpuSeconds ?? 0);
                reports[withOurs].Add(report);
                rows.Add(Row($"{label} (run {run})", result));
                detail.Add([$"{label} (run {run})", Number(result.Wall.TotalSeconds, "N1"), result.CpuSeconds is { } cpu ? Number(cpu, "N1") : "—", Number(report.CscTaskSeconds, "N1"), Number(report.AllAnalyzersSeconds, "N2"), withOurs ? Number(report.PerfAnalyzersSeconds, "N3") : "—"]);
                if (result.ExitCode != 0)
                {
                    ok = false;
                    failure = result.OutputTail;
                }
            }
        }

        var summary = Summarize(walls, cpus, reports);
        var tool = FindReportTool(perfReport);
        if (tool is null)
        {
            rows.Add(["perf-report", "not in this build (src/Report absent; pass --perf-report)", "", "", ""]);
        }
        else
        {
            log("  perf-report: " + tool);
            var (file, arguments) = await PrepareReportToolAsync(tool, directory, log, cancellationToken);
            var result = await ProcessTimer.RunAsync(file, [.. arguments, sln], directory, cancellationToken);
            rows.Add(Row("perf-report " + Path.GetFileName(sln), result));
            if (result.ExitCode != 0)
            {
                log("perf-report failed:" + Environment.NewLine + result.OutputTail);
            }
        }

        return Finish(rows, detail, summary, repetitions, solution, "throughput-" + CommandLine.SizeLabel(size) + ".md", directory, resultsDirectory, log, ok, failure);
    }

    /// <summary>Medians over the runs: build wall time each way, and the compiler's own account of PerfAnalyzers.</summary>
    private static List<IReadOnlyList<string>> Summarize(Dictionary<bool, List<double>> walls, Dictionary<bool, List<double>> cpus, Dictionary<bool, List<CompilerAnalyzerReport>> reports)
    {
        var cpuWithout = Analysis.AnalyzerRunner.Median(cpus[false]);
        var cpuWith = Analysis.AnalyzerRunner.Median(cpus[true]);
        var without = Analysis.AnalyzerRunner.Median(walls[false]);
        var with = Analysis.AnalyzerRunner.Median(walls[true]);
        var ours = Analysis.AnalyzerRunner.Median(reports[true].Select(r => r.PerfAnalyzersSeconds).ToList());
        var csc = Analysis.AnalyzerRunner.Median(reports[false].Select(r => r.CscTaskSeconds).ToList());
        var cscWith = Analysis.AnalyzerRunner.Median(reports[true].Select(r => r.CscTaskSeconds).ToList());
        return
        [
            ["dotnet build wall time, no analyzer / with PerfAnalyzers (s)", Number(without, "N1") + " / " + Number(with, "N1")],
            ["difference (s)", Number(with - without, "N1")],
            ["CPU time of the whole build, no analyzer / with PerfAnalyzers (s)", Number(cpuWithout, "N1") + " / " + Number(cpuWith, "N1")],
            ["difference (s, and % of the build's CPU time)", Number(cpuWith - cpuWithout, "N1") + " (" + Percent(cpuWithout <= 0 ? 0 : 100 * (cpuWith - cpuWithout) / cpuWithout) + ")"],
            ["Csc task time, no analyzer / with PerfAnalyzers (s)", Number(csc, "N1") + " / " + Number(cscWith, "N1")],
            ["PerfAnalyzers execution time reported by the compiler (s)", Number(ours, "N3")],
            ["**as % of the Csc task without PerfAnalyzers**", "**" + Percent(csc <= 0 ? 0 : 100 * ours / csc) + "**"],
        ];
    }

    private static bool Finish(
        List<IReadOnlyList<string>> rows,
        List<IReadOnlyList<string>> detail,
        List<IReadOnlyList<string>> summary,
        int repetitions,
        SyntheticSolution solution,
        string fileName,
        string directory,
        string resultsDirectory,
        Action<string> log,
        bool ok,
        string failure)
    {
        var sb = new StringBuilder("# Build and report tool throughput\n\n");
        sb.Append("Machine: ").Append(MachineInfo.Describe()).Append("\n\n");
        sb.Append($"The {Number(solution.Lines)}-line generated solution written to `{directory}` (net10.0, EF Core {SolutionWriter.EntityFrameworkCoreVersion}, Dapper {SolutionWriter.DapperVersion}); ");
        sb.Append("builds are full rebuilds without node reuse or the compiler server, so every process is a child of the measured command. ");
        sb.Append($"Builds alternate, {repetitions} of each; every build has `-p:ReportAnalyzer=true` and a detailed log, so the compiler reports each analyzer's execution time. ");
        sb.Append("The SDK's default analyzers run in both builds.\n\n");
        sb.Append("## Build with and without PerfAnalyzers (medians)\n\n");
        Table(sb, ["measure", "value"], summary);
        sb.Append("The compiler's per-analyzer time includes each analyzer's compilation-start action, and the first symbol lookup in a ");
        sb.Append("compilation builds its reference bindings and declaration table, work the compiler does anyway: whichever analyzer asks ");
        sb.Append("first is charged for it (in a trace of csc on the 10k-line solution, most of PERF001's reported time). The CPU time of the ");
        sb.Append("whole build, with and without PerfAnalyzers, is the measure of what PerfAnalyzers adds.\n\n");
        sb.Append("## Each build\n\n");
        Table(sb, ["build", "wall s", "CPU s", "Csc task s", "all analyzers s (compiler's report)", "PerfAnalyzers s (compiler's report)"], detail);
        sb.Append("## Wall time and peak memory of every command\n\n");
        sb.Append("Peak memory: the sum over the process tree sampled every 50 ms, and the largest single process as the kernel counted it.\n\n");
        Table(sb, ["command", "exit", "wall s", "peak RSS, tree (MiB)", "peak RSS, largest process (MiB)"], rows);
        if (!ok)
        {
            sb.Append("**A build failed:**\n\n```\n").Append(failure).Append("\n```\n");
        }

        var page = sb.ToString();
        Console.WriteLine(page);
        Directory.CreateDirectory(resultsDirectory);
        File.WriteAllText(Path.Combine(resultsDirectory, fileName), page);
        log("written " + Path.Combine(resultsDirectory, fileName));
        return ok;
    }

    private static IReadOnlyList<string> Row(string label, ProcessTimer.Result result) =>
    [
        label,
        result.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Number(result.Wall.TotalSeconds, "N1"),
        Number(result.PeakTreeRssKb / 1024.0, "N0"),
        result.PeakProcessRssKb is { } kb ? Number(kb / 1024.0, "N0") : "—",
    ];

    /// <summary>An explicit path (project or executable), else the repository's src/Report project once it exists.</summary>
    private static string? FindReportTool(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return explicitPath;
        }

        var reportDirectory = Path.Combine(RepositoryPaths.Root, "src", "Report");
        return Directory.Exists(reportDirectory) ? Directory.EnumerateFiles(reportDirectory, "*.csproj").FirstOrDefault() : null;
    }

    /// <summary>A project is built first (not timed) and run with <c>dotnet run --no-build</c>; anything else runs as it is.</summary>
    private static async Task<(string File, string[] Arguments)> PrepareReportToolAsync(string tool, string workingDirectory, Action<string> log, CancellationToken cancellationToken)
    {
        if (!tool.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            return (tool, []);
        }

        var build = await ProcessTimer.RunAsync("dotnet", ["build", tool, "-c", "Release"], workingDirectory, cancellationToken);
        if (build.ExitCode != 0)
        {
            log("building the report tool failed:" + Environment.NewLine + build.OutputTail);
        }

        return ("dotnet", ["run", "--no-build", "-c", "Release", "--project", tool, "--"]);
    }
}
