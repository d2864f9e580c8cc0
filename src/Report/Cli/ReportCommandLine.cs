using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;

namespace PerfAnalyzers.Report.Cli;

/// <summary>
/// The command line as System.CommandLine declares it: options, help texts, value checks and tab completion. Options
/// that take a value accept zero values at parse time so a missing value gets this tool's message, not the library's.
/// </summary>
internal sealed class ReportCommandLine
{
    public static readonly string[] Formats = { "console", "markdown", "json", "sarif", "html", "github", "codequality" };
    public static readonly string[] Gates = { "error", "warning", "new" };

    public const string ExitCodesHelp = "Exit codes: 0 clean, 1 gate failed (--fail-on), 2 usage or input error.";

    public Argument<string[]> Input { get; } = new("input")
    {
        Description = ".sln, .slnx, .csproj or folder [default: samples/]",
        Arity = ArgumentArity.ZeroOrMore, // more than one is refused with a message that says why
    };

    public Option<string[]> Sarif { get; } = new("--sarif")
    {
        Description = "SARIF 2.1 logs from builds (-p:ErrorLog=log.sarif%2Cversion=2.1), merged and de-duplicated",
        HelpName = "log",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<bool> IncludePeers { get; } = new("--include-peers") { Description = "With --sarif: also count other analyzers' diagnostics" };

    public Option<bool> NoRestore { get; } = new("--no-restore") { Description = "Do not restore the projects before loading them (they are restored by default, as dotnet build does)" };

    /// <summary>Restoring is the default now; the option stays so existing scripts keep working.</summary>
    public Option<bool> Restore { get; } = new("--restore") { Description = "Restore before loading (the default)", Hidden = true };

    public Option<string[]> Format { get; } = new("--format", "-f")
    {
        Description = "console, markdown, json, sarif, html, github (Actions annotations), codequality (GitLab) (comma-separated or repeated); each one without an --output after it goes to standard output",
        HelpName = "list",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Output { get; } = new("--output", "-o")
    {
        Description = "Write the --format given just before this option (or, with none, the format of the file's extension) to a file",
        HelpName = "file",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Top { get; } = new("--top") { Description = "Rows in top files/projects/fix-first lists [default: 10]", HelpName = "n", Arity = ArgumentArity.ZeroOrMore };

    public Option<bool> Timing { get; } = new("--timing") { Description = "Analyzer execution time per rule" };

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "No progress and no console summary when writing files" };

    public Option<string[]> Baseline { get; } = new("--baseline")
    {
        Description = "Mark issues new, unchanged or fixed against a previous JSON report",
        HelpName = "report.json",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> FailOn { get; } = new("--fail-on") { Description = "error, warning, new: exit 1 when such issues exist", HelpName = "list", Arity = ArgumentArity.ZeroOrMore };

    public Option<bool> NoGit { get; } = new("--no-git") { Description = "No hotspots: do not read git history" };

    public Option<string[]> Since { get; } = new("--since") { Description = "Days of git history hotspots count commits in [default: 90]", HelpName = "days", Arity = ArgumentArity.ZeroOrMore };

    public Option<string[]> CodeOwners { get; } = new("--codeowners") { Description = "CODEOWNERS file [default: .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS or .gitlab/CODEOWNERS]", HelpName = "file", Arity = ArgumentArity.ZeroOrMore };

    public Option<string[]> Owner { get; } = new("--owner") { Description = "Report only the files this CODEOWNERS owner owns (e.g. @org/team, or \"(no owner)\")", HelpName = "name", Arity = ArgumentArity.ZeroOrMore };

    public Option<string[]> History { get; } = new("--history") { Description = "Append this run's summary to a JSON-lines file and show the change since the previous run", HelpName = "file", Arity = ArgumentArity.ZeroOrMore };

    public RootCommand Root { get; }

    public ReportCommandLine()
    {
        Root = new RootCommand("Summarises performance issues found by the PerfAnalyzers rules.")
        {
            Input, Sarif, IncludePeers, NoRestore, Restore, Format, Output, Top, Timing, Quiet, Baseline, FailOn, NoGit, Since, CodeOwners, Owner, History,
        };

        foreach (var option in new[] { Sarif, Format, Output, Top, Baseline, FailOn, Since, CodeOwners, Owner, History })
        {
            option.Validators.Add(NeedsValue);
        }

        // The parser hands unknown options to the positional argument; refuse them there, and a second input.
        Input.Validators.Add(r =>
        {
            var values = r.Tokens.Select(t => t.Value).ToList();
            if (values.FirstOrDefault(IsOptionLike) is { } unknown)
            {
                r.AddError($"unknown option '{unknown}' (see --help)");
            }
            else if (values.Count > 1)
            {
                r.AddError($"only one input path is allowed ('{values[0]}' and '{values[1]}'); use a solution or a folder for several projects");
            }
        });

        Format.CompletionSources.Add(Formats.Concat(new[] { "md", "text" }).ToArray());
        FailOn.CompletionSources.Add(Gates);
        Format.Validators.Add(r => CheckEach(r, ListValues, v => FormatNames.Normalise(v) is null ? $"unknown format '{v}'; use {string.Join(", ", Formats)}" : null));
        FailOn.Validators.Add(r => CheckEach(r, ListValues, v => Gates.Contains(v.ToLowerInvariant()) ? null : $"--fail-on takes error, warning or new, not '{v}'"));
        Top.Validators.Add(r => CheckEach(r, t => [t.Value], v => ParseTop(v) is null ? $"--top needs a positive whole number, not '{v}'" : null));
        Since.Validators.Add(r => CheckEach(r, t => [t.Value], v => ParseTop(v) is null ? $"--since needs a positive whole number of days, not '{v}'" : null));

        var help = Root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodes((SynchronousCommandLineAction)help.Action!);
    }

    public static int? ParseTop(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;

    /// <summary>Comma-separated lists (<c>--format json,html</c>, <c>--fail-on error,new</c>) as separate values.</summary>
    public static IEnumerable<string> ListValues(Token token) =>
        token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsOptionLike(string value) => value.StartsWith('-') && value.Length > 1;

    private static void NeedsValue(OptionResult result)
    {
        if (result.Tokens.FirstOrDefault(t => IsOptionLike(t.Value) && t.Value.StartsWith("--", StringComparison.Ordinal)) is { } unknown)
        {
            result.AddError($"unknown option '{unknown.Value}' (see --help)");
        }
        else if (result.Tokens.Count == 0)
        {
            result.AddError($"option {result.IdentifierToken?.Value ?? result.Option.Name} needs a value");
        }
    }

    private static void CheckEach(OptionResult result, Func<Token, IEnumerable<string>> values, Func<string, string?> check)
    {
        var error = result.Tokens.SelectMany(values).Select(check).FirstOrDefault(e => e is not null);
        if (error is not null)
        {
            result.AddError(error);
        }
    }

    private sealed class HelpWithExitCodes(SynchronousCommandLineAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var result = help.Invoke(parseResult);
            parseResult.InvocationConfiguration.Output.WriteLine(ExitCodesHelp);
            return result;
        }
    }
}
