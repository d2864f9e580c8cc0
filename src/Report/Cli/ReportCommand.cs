using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using PerfAnalyzers.Report.Analysis;
using PerfAnalyzers.Report.Baselines;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Output;
using PerfAnalyzers.Report.Sarif;

namespace PerfAnalyzers.Report.Cli;

/// <summary>The whole run: parse, check outputs and baseline first, collect issues, compare, render, gate.</summary>
public static class ReportCommand
{
    public const int ExitClean = 0;
    public const int ExitGateFailed = 1;
    public const int ExitUsage = 2;

    public static string ToolVersion { get; } = ReadVersion();

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string currentDirectory, CancellationToken cancellationToken)
    {
        var options = ReportOptions.Parse(args);
        if (options.Help)
        {
            stdout.WriteLine(ReportOptions.Usage);
            return ExitClean;
        }

        if (options.Version)
        {
            stdout.WriteLine(ToolVersion);
            return ExitClean;
        }

        foreach (var output in options.Outputs.Where(o => o.Path is not null))
        {
            AtomicFile.CheckWritable(output.Path!);
        }

        var baseline = options.Baseline is null ? null : BaselineReader.Read(options.Baseline);
        var progress = new Progress(stderr, Progress.Detect(options.Quiet));
        var result = await CollectAsync(options, currentDirectory, progress, cancellationToken).ConfigureAwait(false);
        progress.Done();

        foreach (var rule in RuleAssemblies.Rules.Values)
        {
            result.Rules.TryAdd(rule.Id, rule);
        }

        var issues = result.Issues.Select(i => i with { Fingerprint = Fingerprint.Compute(i.RuleId, i.FilePath, i.Member, i.SourceLine) }).ToList();
        List<Issue>? fixedIssues = null;
        if (baseline is not null)
        {
            (issues, fixedIssues) = BaselineComparer.Compare(issues, baseline);
        }

        result.Issues.Clear();
        result.Issues.AddRange(issues);
        var report = ReportAggregator.Aggregate(result, options.Top, ToolVersion, fixedIssues, options.Baseline);

        var targets = options.Outputs.Count == 0 ? new List<OutputTarget> { new("console", null) } : options.Outputs;
        foreach (var target in targets)
        {
            var formatter = Create(target.Format, currentDirectory);
            if (target.Path is null)
            {
                stdout.Flush();
                var stream = new MemoryStream();
                formatter.Write(report, stream);
                stdout.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                stdout.Flush();
            }
            else
            {
                AtomicFile.Write(target.Path, s => formatter.Write(report, s));
                progress.Step($"Wrote {target.Format} to {target.Path}");
            }
        }

        if (!options.Quiet && targets.All(t => t.Path is not null))
        {
            ConsoleReportWriter.Write(report, stdout);
        }

        return Gate(options.FailOn, report, stderr);
    }

    private static async Task<AnalysisResult> CollectAsync(ReportOptions options, string currentDirectory, Progress progress, CancellationToken cancellationToken)
    {
        var result = new AnalysisResult();
        if (options.SarifLogs.Count > 0)
        {
            var reader = new SarifLogReader(result, options.IncludePeers, currentDirectory);
            foreach (var log in options.SarifLogs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress.Step($"Reading {log}");
                reader.Read(log);
            }

            reader.Finish();
            result.ProjectCount = result.Issues.Select(i => i.Project).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Count();
            if (options.Timing)
            {
                result.Notes.Add("--timing needs in-process analysis; SARIF logs carry no analyzer times.");
            }

            return result;
        }

        var input = options.Input;
        if (input is null)
        {
            if (!Directory.Exists(Path.Combine(currentDirectory, "samples")))
            {
                throw new ReportInputException($"no input given and there is no 'samples' folder in {currentDirectory}; pass a .sln, .slnx, .csproj or folder, or --sarif <log>");
            }

            input = "samples";
        }

        await new WorkspaceAnalysis(result, currentDirectory, options.Timing, progress, options.Restore).RunAsync(input, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static int Gate(FailOn failOn, ReportModel report, TextWriter stderr)
    {
        var reasons = new List<string>();
        var errors = report.Issues.Count(i => i.Severity == IssueSeverity.Error);
        var warnings = report.Issues.Count(i => i.Severity == IssueSeverity.Warning);
        var added = report.Issues.Count(i => i.Baseline == BaselineStatus.New);
        if (failOn.HasFlag(FailOn.Error) && errors > 0)
        {
            reasons.Add($"{errors} error(s)");
        }

        if (failOn.HasFlag(FailOn.Warning) && errors + warnings > 0)
        {
            reasons.Add($"{errors + warnings} warning(s) or error(s)");
        }

        if (failOn.HasFlag(FailOn.New) && added > 0)
        {
            reasons.Add($"{added} new issue(s) since the baseline");
        }

        if (reasons.Count == 0)
        {
            return ExitClean;
        }

        stderr.WriteLine("perf-report: gate failed: " + string.Join("; ", reasons));
        return ExitGateFailed;
    }

    private static IReportFormatter Create(string format, string currentDirectory) => format switch
    {
        "markdown" => new MarkdownReportWriter(),
        "json" => new JsonReportWriter(),
        "sarif" => new SarifReportWriter(currentDirectory),
        "html" => new HtmlReportWriter(),
        _ => new ConsoleReportWriter(),
    };

    private static string ReadVersion()
    {
        var version = typeof(ReportCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
