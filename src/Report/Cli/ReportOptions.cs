using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

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

/// <summary>Parsed command line.</summary>
public sealed class ReportOptions
{
    public static readonly string[] Formats = { "console", "markdown", "json", "sarif", "html" };

    public string? Input { get; private set; }

    public List<string> SarifLogs { get; } = new();

    public bool IncludePeers { get; private set; }

    public List<OutputTarget> Outputs { get; } = new();

    public int Top { get; private set; } = 10;

    public string? Baseline { get; private set; }

    public FailOn FailOn { get; private set; }

    public bool Timing { get; private set; }

    public bool Restore { get; private set; }

    public bool Quiet { get; private set; }

    public bool Help { get; private set; }

    public bool Version { get; private set; }

    public static ReportOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ReportOptions();
        var pendingFormats = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                {
                    throw new ReportInputException($"option {arg} needs a value");
                }

                return args[++i];
            }

            switch (arg)
            {
                case "-h" or "--help" or "-?":
                    options.Help = true;
                    break;
                case "--version":
                    options.Version = true;
                    break;
                case "--sarif":
                    var before = options.SarifLogs.Count;
                    while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        options.SarifLogs.Add(args[++i]);
                    }

                    if (options.SarifLogs.Count == before)
                    {
                        throw new ReportInputException("option --sarif needs at least one SARIF log file");
                    }

                    break;
                case "--include-peers":
                    options.IncludePeers = true;
                    break;
                case "-f" or "--format":
                    foreach (var format in Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        pendingFormats.Add(NormaliseFormat(format));
                    }

                    break;
                case "-o" or "--output":
                    var path = Value();
                    string bound;
                    if (pendingFormats.Count > 0)
                    {
                        bound = pendingFormats[^1];
                        pendingFormats.RemoveAt(pendingFormats.Count - 1);
                    }
                    else
                    {
                        bound = FormatFromExtension(path);
                    }

                    options.Outputs.Add(new OutputTarget(bound, path));
                    break;
                case "--top":
                    var top = Value();
                    if (!int.TryParse(top, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                    {
                        throw new ReportInputException($"--top needs a positive whole number, not '{top}'");
                    }

                    options.Top = n;
                    break;
                case "--baseline":
                    options.Baseline = Value();
                    break;
                case "--fail-on":
                    foreach (var gate in Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        options.FailOn |= gate.ToLowerInvariant() switch
                        {
                            "error" => FailOn.Error,
                            "warning" => FailOn.Warning,
                            "new" => FailOn.New,
                            _ => throw new ReportInputException($"--fail-on takes error, warning or new, not '{gate}'"),
                        };
                    }

                    break;
                case "--timing":
                    options.Timing = true;
                    break;
                case "--restore":
                    options.Restore = true;
                    break;
                case "-q" or "--quiet":
                    options.Quiet = true;
                    break;
                default:
                    if (arg.StartsWith('-') && arg.Length > 1)
                    {
                        throw new ReportInputException($"unknown option '{arg}' (see --help)");
                    }

                    if (options.Input is not null)
                    {
                        throw new ReportInputException($"only one input path is allowed ('{options.Input}' and '{arg}'); use a solution or a folder for several projects");
                    }

                    options.Input = arg;
                    break;
            }
        }

        options.Outputs.AddRange(pendingFormats.Select(f => new OutputTarget(f, null)));
        if (options.Outputs.Count(o => o.Path is null) > 1)
        {
            throw new ReportInputException("only one format can go to standard output; give the others an --output file");
        }

        var duplicate = options.Outputs.Where(o => o.Path is not null).GroupBy(o => Path.GetFullPath(o.Path!)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ReportInputException($"output '{duplicate.First().Path}' is given twice");
        }

        if (options.FailOn.HasFlag(FailOn.New) && options.Baseline is null)
        {
            throw new ReportInputException("--fail-on new needs --baseline <previous report.json>");
        }

        if (options.Input is not null && options.SarifLogs.Count > 0)
        {
            throw new ReportInputException($"give either a project/solution/folder ('{options.Input}') or --sarif logs, not both");
        }

        if (options.IncludePeers && options.SarifLogs.Count == 0)
        {
            throw new ReportInputException("--include-peers applies to --sarif input (other analyzers do not run in-process)");
        }

        return options;
    }

    private static string NormaliseFormat(string format)
    {
        var lower = format.ToLowerInvariant();
        lower = lower switch
        {
            "md" => "markdown",
            "text" => "console",
            _ => lower,
        };

        if (!Formats.Contains(lower))
        {
            throw new ReportInputException($"unknown format '{format}'; use {string.Join(", ", Formats)}");
        }

        return lower;
    }

    private static string FormatFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => "json",
        ".sarif" => "sarif",
        ".html" or ".htm" => "html",
        ".md" or ".markdown" => "markdown",
        ".txt" => "console",
        _ => throw new ReportInputException($"cannot tell the format of output '{path}' from its extension; put --format <format> before --output"),
    };

    public const string Usage = """
        Usage: perf-report [<input>] [options]

        Summarises performance issues found by the PerfAnalyzers rules.

        Input (one of):
          <input>                 .sln, .slnx, .csproj or folder (default: samples/)
          --sarif <log>...        SARIF 2.1 logs from builds (-p:ErrorLog=log.sarif%2Cversion=2.1),
                                  merged and de-duplicated
          --include-peers         with --sarif: also count other analyzers' diagnostics
          --restore               run 'dotnet restore' on each project before loading it

        Output:
          -f, --format <list>     console, markdown, json, sarif, html (comma-separated or repeated)
          -o, --output <file>     write the preceding --format (or the format of the extension) to a file
          --top <n>               rows in top files/projects/fix-first lists (default 10)
          --timing                analyzer execution time per rule
          -q, --quiet             no progress and no console summary when writing files

        CI:
          --baseline <report.json>  mark issues new, unchanged or fixed against a previous JSON report
          --fail-on <list>          error, warning, new: exit 1 when such issues exist

        Exit codes: 0 clean, 1 gate failed (--fail-on), 2 usage or input error.
        """;
}
