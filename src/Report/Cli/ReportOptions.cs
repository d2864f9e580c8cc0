using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Cli;

/// <summary>One requested output: a format and where it goes (null: standard output).</summary>
public sealed record OutputTarget(string Format, string? Path);

/// <summary>What gates the exit code.</summary>
[Flags]
public enum FailOn
{
    None = 0,
    Error = 1,
    Warning = 2,
    New = 4,
}

/// <summary>The command line, parsed and checked: what to read, what to write and what gates the exit code.</summary>
public sealed record ReportOptions
{
    public string? Input { get; init; }

    public IReadOnlyList<string> SarifLogs { get; init; } = [];

    public bool IncludePeers { get; init; }

    public IReadOnlyList<OutputTarget> Outputs { get; init; } = [];

    public int Top { get; init; } = 10;

    public string? Baseline { get; init; }

    public FailOn FailOn { get; init; }

    public bool Timing { get; init; }

    /// <summary>Restore projects before loading them; on unless <c>--no-restore</c>.</summary>
    public bool Restore { get; init; } = true;

    public bool Quiet { get; init; }

    /// <summary>Read git history for hotspots; off with <c>--no-git</c>.</summary>
    public bool UseGit { get; init; } = true;

    public int SinceDays { get; init; } = Git.GitChangeHistory.DefaultSinceDays;

    public string? CodeOwners { get; init; }

    public string? Owner { get; init; }

    public string? History { get; init; }

    /// <summary>Parses and checks a command line that runs a report (not --help or --version).</summary>
    public static ReportOptions Parse(IReadOnlyList<string> args)
    {
        var commandLine = new ReportCommandLine();
        return From(commandLine, commandLine.Root.Parse(args));
    }

    internal static ReportOptions From(ReportCommandLine cli, ParseResult parsed)
    {
        if (parsed.Errors.Count > 0)
        {
            throw new ReportInputException(parsed.Errors[0].Message);
        }

        var options = new ReportOptions
        {
            Input = parsed.GetValue(cli.Input)?.SingleOrDefault(),
            SarifLogs = parsed.GetValue(cli.Sarif) ?? [],
            IncludePeers = parsed.GetValue(cli.IncludePeers),
            Outputs = PairOutputs(cli, parsed),
            Top = parsed.GetValue(cli.Top) is { Length: > 0 } top ? ReportCommandLine.ParseTop(top[^1])!.Value : 10,
            Baseline = parsed.GetValue(cli.Baseline)?.LastOrDefault(),
            FailOn = (parsed.GetResult(cli.FailOn)?.Tokens ?? []).SelectMany(ReportCommandLine.ListValues).Aggregate(FailOn.None, (gates, gate) => gates | Enum.Parse<FailOn>(gate, ignoreCase: true)),
            Timing = parsed.GetValue(cli.Timing),
            Restore = !parsed.GetValue(cli.NoRestore),
            Quiet = parsed.GetValue(cli.Quiet),
            UseGit = !parsed.GetValue(cli.NoGit),
            CodeOwners = parsed.GetValue(cli.CodeOwners)?.LastOrDefault(),
            Owner = parsed.GetValue(cli.Owner)?.LastOrDefault(),
            History = parsed.GetValue(cli.History)?.LastOrDefault(),
            SinceDays = parsed.GetValue(cli.Since) is { Length: > 0 } since ? ReportCommandLine.ParseTop(since[^1])!.Value : Git.GitChangeHistory.DefaultSinceDays,
        };
        options.Check();
        return options;
    }

    /// <summary>
    /// Pairs each --output with the --format given just before it. The parser keeps option values apart, so the
    /// pairing reads the parsed tokens in command-line order.
    /// </summary>
    private static List<OutputTarget> PairOutputs(ReportCommandLine cli, ParseResult parsed)
    {
        var outputs = new List<OutputTarget>();
        var pendingFormats = new List<string>();
        Option? option = null;
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.Option)
            {
                option = new Option[] { cli.Format, cli.Output }.FirstOrDefault(o => o.Name == token.Value || o.Aliases.Contains(token.Value));
                continue;
            }

            if (token.Type != TokenType.Argument)
            {
                continue;
            }

            if (option == cli.Format)
            {
                pendingFormats.AddRange(ReportCommandLine.ListValues(token).Select(f => FormatNames.Normalise(f)!));
            }
            else if (option == cli.Output)
            {
                var path = token.Value;
                var format = pendingFormats.Count > 0 ? pendingFormats[^1] : FormatNames.FromExtension(path)
                    ?? throw new ReportInputException($"cannot tell the format of output '{path}' from its extension; put --format <format> before --output");
                if (pendingFormats.Count > 0)
                {
                    pendingFormats.RemoveAt(pendingFormats.Count - 1);
                }

                outputs.Add(new OutputTarget(format, path));
            }

            option = null;
        }

        outputs.AddRange(pendingFormats.Select(f => new OutputTarget(f, null)));
        return outputs;
    }

    private void Check()
    {
        if (Outputs.Count(o => o.Path is null) > 1)
        {
            throw new ReportInputException("only one format can go to standard output; give the others an --output file");
        }

        var duplicate = Outputs.Where(o => o.Path is not null).GroupBy(o => Path.GetFullPath(o.Path!)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ReportInputException($"output '{duplicate.First().Path}' is given twice");
        }

        if (FailOn.HasFlag(FailOn.New) && Baseline is null)
        {
            throw new ReportInputException("--fail-on new needs --baseline <previous report.json>");
        }

        if (Input is not null && SarifLogs.Count > 0)
        {
            throw new ReportInputException($"give either a project/solution/folder ('{Input}') or --sarif logs, not both");
        }

        if (IncludePeers && SarifLogs.Count == 0)
        {
            throw new ReportInputException("--include-peers applies to --sarif input (other analyzers do not run in-process)");
        }
    }
}
