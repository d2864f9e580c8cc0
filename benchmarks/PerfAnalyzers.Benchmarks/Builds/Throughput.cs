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
    public static async Task<bool> RunAsync(int size, int seed, string? output, string? perfReport, string resultsDirectory, Action<string> log, CancellationToken cancellationToken)
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
            return Finish(rows, solution, directory, resultsDirectory, log, ok: false, restore.OutputTail);
        }

        var analyzerPath = typeof(RuleCatalog).Assembly.Location;
        var build = new List<string> { "build", sln, "-c", "Release", "--no-restore", "--no-incremental", "-nodeReuse:false", "-p:UseSharedCompilation=false" };
        var ok = true;
        var failure = "";
        foreach (var (label, extra) in new (string, string[])[]
        {
            ("dotnet build, no analyzer", []),
            ("dotnet build with PerfAnalyzers", ["-p:PerfAnalyzersPath=" + analyzerPath]),
        })
        {
            log("  " + label);
            var result = await ProcessTimer.RunAsync("dotnet", [.. build, .. extra], directory, cancellationToken);
            rows.Add(Row(label, result));
            if (result.ExitCode != 0)
            {
                ok = false;
                failure = result.OutputTail;
            }
        }

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

        return Finish(rows, solution, directory, resultsDirectory, log, ok, failure);
    }

    private static bool Finish(List<IReadOnlyList<string>> rows, SyntheticSolution solution, string directory, string resultsDirectory, Action<string> log, bool ok, string failure)
    {
        var sb = new StringBuilder("# Build and report tool throughput\n\n");
        sb.Append("Machine: ").Append(MachineInfo.Describe()).Append("\n\n");
        sb.Append($"The {Number(solution.Lines)}-line generated solution written to `{directory}` (net10.0, EF Core {SolutionWriter.EntityFrameworkCoreVersion}, Dapper {SolutionWriter.DapperVersion}); ");
        sb.Append("builds are full rebuilds without node reuse or the compiler server, so every process is a child of the measured command. ");
        sb.Append("Peak memory: the sum over the process tree sampled every 50 ms, and the largest single process as the kernel counted it. One run each.\n\n");
        Table(sb, ["command", "exit", "wall s", "peak RSS, tree (MiB)", "peak RSS, largest process (MiB)"], rows);
        if (!ok)
        {
            sb.Append("**A build failed:**\n\n```\n").Append(failure).Append("\n```\n");
        }

        var page = sb.ToString();
        Console.WriteLine(page);
        Directory.CreateDirectory(resultsDirectory);
        File.WriteAllText(Path.Combine(resultsDirectory, "throughput.md"), page);
        log("written " + Path.Combine(resultsDirectory, "throughput.md"));
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
