using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PerfAnalyzers.Report.Analysis;
using PerfAnalyzers.Report.Baselines;
using PerfAnalyzers.Report.Git;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Output;
using PerfAnalyzers.Report.Owners;
using PerfAnalyzers.Report.Sarif;
using PerfAnalyzers.Report.Trend;

namespace PerfAnalyzers.Report.Cli;

/// <summary>The whole run: parse, check outputs and baseline first, collect issues, aggregate, render, gate.</summary>
public static class ReportCommand
{
    public const int ExitClean = 0;
    public const int ExitGateFailed = 1;
    public const int ExitUsage = 2;

    public static string ToolVersion { get; } = ReadVersion();

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, string currentDirectory, CancellationToken cancellationToken)
    {
        var cli = new ReportCommandLine();
        var version = cli.Root.Options.OfType<VersionOption>().Single();
        version.Action = new PrintVersion();
        cli.Root.SetAction((parsed, ct) => RunReportAsync(ReportOptions.From(cli, parsed), stdout, stderr, currentDirectory, ct));

        var parsed = cli.Root.Parse(args);
        if (parsed.Action is not (HelpAction or PrintVersion) && parsed.Errors.Count > 0)
        {
            throw new ReportInputException(parsed.Errors[0].Message);
        }

        // Exceptions and Ctrl+C stay with Program, which turns them into one line and exit code 2.
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> RunReportAsync(ReportOptions options, TextWriter stdout, TextWriter stderr, string currentDirectory, CancellationToken cancellationToken)
    {
        foreach (var output in options.Outputs.Where(o => o.Path is not null))
        {
            AtomicFile.CheckWritable(output.Path!);
        }

        IReadOnlyList<Issue>? baseline = options.Baseline is null ? null : BaselineReader.Read(options.Baseline);
        var collected = await ConsoleProgress.RunAsync(stderr, options.Quiet, progress => CollectAsync(options, currentDirectory, progress, cancellationToken)).ConfigureAwait(false);

        var (collectedWithNotes, context) = Context(collected, options, currentDirectory, cancellationToken);
        collected = collectedWithNotes;
        if (options.Owner is { } owner)
        {
            var owners = context.OwnersByFile ?? throw new ReportInputException("--owner needs a CODEOWNERS file (in .github/, the root, docs/ or .gitlab/, or --codeowners <file>)");
            collected = collected with { Issues = collected.Issues.Where(i => CodeOwnership.IsOwnedBy(owners, i.FilePath, owner)).ToList() };
            if (baseline is not null)
            {
                var (baselineOwners, _) = CodeOwnership.Read(currentDirectory, options.CodeOwners, baseline.Select(i => i.FilePath));
                baseline = baseline.Where(i => CodeOwnership.IsOwnedBy(baselineOwners!, i.FilePath, owner)).ToList();
            }
        }

        var report = baseline is null
            ? ReportAggregator.Aggregate(collected, options.Top, ToolVersion, context: context)
            : Compare(collected, baseline, options, context);

        if (report.Trend is { } trend)
        {
            RunHistoryFile.Append(Path.GetFullPath(options.History!, currentDirectory), trend.Current);
        }

        var targets = options.Outputs.Count == 0 ? new List<OutputTarget> { new("console", null) } : options.Outputs;
        foreach (var target in targets)
        {
            var formatter = Formatter(target.Format, currentDirectory);
            if (target.Path is null)
            {
                using var buffer = new MemoryStream();
                formatter.Write(report, buffer);
                stdout.Write(Encoding.UTF8.GetString(buffer.ToArray()));
                stdout.Flush();
            }
            else
            {
                AtomicFile.Write(target.Path, s => formatter.Write(report, s));
                if (!options.Quiet)
                {
                    stderr.WriteLine($"perf-report: Wrote {target.Format} to {TextSanitizer.ForTerminal(target.Path)}");
                }
            }
        }

        if (!options.Quiet && targets.All(t => t.Path is not null))
        {
            ConsoleReportWriter.Write(report, stdout);
        }

        var failures = QualityGate.Failures(options.FailOn, report.Counts);
        if (failures.Count == 0)
        {
            return ExitClean;
        }

        stderr.WriteLine("perf-report: gate failed: " + string.Join("; ", failures));
        return ExitGateFailed;
    }

    private static ReportModel Compare(CollectedIssues collected, IReadOnlyList<Issue> baseline, ReportOptions options, ReportContext context)
    {
        var (current, fixedIssues) = BaselineComparer.Compare(collected.Issues, baseline);
        return ReportAggregator.Aggregate(collected with { Issues = current }, options.Top, ToolVersion, fixedIssues, options.Baseline, context);
    }

    /// <summary>CODEOWNERS owners and git history for hotspots (unless --no-git); why a section is missing or partial goes into the notes.</summary>
    private static (CollectedIssues Collected, ReportContext Context) Context(CollectedIssues collected, ReportOptions options, string currentDirectory, CancellationToken cancellationToken)
    {
        var notes = new List<string>(collected.Notes);
        var (owners, warnings) = CodeOwnership.Read(currentDirectory, options.CodeOwners, collected.Issues.Select(i => i.FilePath));
        notes.AddRange(warnings);
        var context = new ReportContext { OwnersByFile = owners, RunTime = DateTimeOffset.UtcNow };
        if (options.History is { } historyFile)
        {
            var (runs, historyWarnings) = RunHistoryFile.Read(Path.GetFullPath(historyFile, currentDirectory));
            notes.AddRange(historyWarnings);
            context = context with { PreviousRuns = runs, Commit = options.UseGit ? GitChangeHistory.HeadCommit(currentDirectory, cancellationToken) : "" };
        }

        if (!options.UseGit)
        {
            return (collected with { Notes = notes }, context);
        }

        var (history, note) = GitChangeHistory.Read(currentDirectory, collected.Issues.Select(i => i.FilePath), options.SinceDays, cancellationToken);
        if (note is not null)
        {
            notes.Add(note);
        }

        if (history is { Partial: true })
        {
            notes.Add("The git history is partial (shallow clone): hotspot commit counts are lower bounds; fetch with --unshallow or fetch-depth: 0 for full counts.");
        }

        return (collected with { Notes = notes }, context with { History = history });
    }

    private static async Task<CollectedIssues> CollectAsync(ReportOptions options, string currentDirectory, IAnalysisProgress progress, CancellationToken cancellationToken)
    {
        if (options.SarifLogs.Count > 0)
        {
            var reader = new SarifLogReader(options.IncludePeers, currentDirectory);
            foreach (var log in options.SarifLogs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress.Step($"Reading {log}");
                reader.Read(log);
            }

            var fromLogs = reader.Finish();
            return options.Timing
                ? fromLogs with { Notes = [.. fromLogs.Notes, "--timing needs in-process analysis; SARIF logs carry no analyzer times."] }
                : fromLogs;
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

        var analysis = new WorkspaceAnalysis(currentDirectory, options.Timing, progress, options.Restore);
        return await analysis.RunAsync(input, cancellationToken).ConfigureAwait(false);
    }

    private static IReportFormatter Formatter(string format, string currentDirectory) => format switch
    {
        "markdown" => new MarkdownReportWriter(),
        "json" => new JsonReportWriter(),
        "sarif" => new SarifReportWriter(currentDirectory),
        "html" => new HtmlReportWriter(),
        "github" => new GitHubAnnotationWriter(),
        "codequality" => new CodeQualityReportWriter(),
        _ => new ConsoleReportWriter(),
    };

    private static string ReadVersion()
    {
        var version = typeof(ReportCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version.Substring(0, plus);
    }

    /// <summary>The version without the commit hash the SDK appends, as earlier releases printed it.</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(ToolVersion);
            return ExitClean;
        }
    }
}
