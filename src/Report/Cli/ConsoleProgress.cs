using System;
using System.IO;
using System.Threading.Tasks;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Output;
using Spectre.Console;

namespace PerfAnalyzers.Report.Cli;

/// <summary>
/// Progress on stderr: Spectre's status line on an interactive terminal; one plain line per step when Spectre finds
/// the output redirected or not interactive, or CI is set (logs keep every step); nothing with --quiet.
/// </summary>
internal sealed class ConsoleProgress : IAnalysisProgress
{
    private readonly TextWriter _stderr;
    private readonly IAnsiConsole? _terminal;
    private StatusContext? _status;

    private ConsoleProgress(TextWriter stderr, IAnsiConsole? terminal)
    {
        _stderr = stderr;
        _terminal = terminal;
    }

    /// <summary>Runs the work with progress shown as the environment allows.</summary>
    public static async Task<T> RunAsync<T>(TextWriter stderr, bool quiet, Func<IAnalysisProgress, Task<T>> work)
    {
        if (quiet)
        {
            return await work(NoProgress.Instance).ConfigureAwait(false);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        if (IsCi() || Console.IsErrorRedirected || !terminal.Profile.Capabilities.Interactive)
        {
            return await work(new ConsoleProgress(stderr, null)).ConfigureAwait(false);
        }

        var progress = new ConsoleProgress(stderr, terminal);
        return await terminal.Status().StartAsync("Starting", async context =>
        {
            progress._status = context;
            return await work(progress).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public void Step(string message)
    {
        var text = TextSanitizer.ForTerminal(message);
        if (_terminal is null)
        {
            // Plain lines are written as they are: a log line must not be wrapped at a guessed width.
            _stderr.WriteLine("perf-report: " + text);
        }
        else if (_status is not null)
        {
            _status.Status = Markup.Escape(text);
        }
    }

    public void Warn(string message)
    {
        var text = "perf-report: warning: " + TextSanitizer.ForTerminal(message);
        if (_terminal is null)
        {
            _stderr.WriteLine(text);
        }
        else
        {
            _terminal.WriteLine(text);
        }
    }

    private static bool IsCi()
    {
        var ci = Environment.GetEnvironmentVariable("CI");
        return !string.IsNullOrEmpty(ci) && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase);
    }
}
