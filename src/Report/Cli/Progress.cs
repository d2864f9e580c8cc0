using System;
using System.IO;

namespace PerfAnalyzers.Report.Cli;

/// <summary>
/// Progress on stderr: a single rewritten status line on an interactive terminal; one plain line per step when output
/// is redirected or CI is set; nothing with --quiet. Warnings (skipped projects) are shown unless quiet.
/// </summary>
public sealed class Progress
{
    private readonly TextWriter _writer;
    private readonly ProgressMode _mode;
    private readonly object _gate = new();
    private int _lastLength;

    public Progress(TextWriter writer, ProgressMode mode)
    {
        _writer = writer;
        _mode = mode;
    }

    public static Progress None { get; } = new(TextWriter.Null, ProgressMode.None);

    public static ProgressMode Detect(bool quiet)
    {
        if (quiet)
        {
            return ProgressMode.None;
        }

        var ci = Environment.GetEnvironmentVariable("CI");
        if (Console.IsErrorRedirected || (!string.IsNullOrEmpty(ci) && !string.Equals(ci, "false", StringComparison.OrdinalIgnoreCase)))
        {
            return ProgressMode.Plain;
        }

        return ProgressMode.Interactive;
    }

    public void Step(string message)
    {
        lock (_gate)
        {
            switch (_mode)
            {
                case ProgressMode.Plain:
                    _writer.WriteLine("perf-report: " + TextSanitizer.ForTerminal(message));
                    break;
                case ProgressMode.Interactive:
                    var text = TextSanitizer.ForTerminal(message);
                    var width = Math.Max(20, SafeWidth() - 1);
                    if (text.Length > width)
                    {
                        text = text.Substring(0, width);
                    }

                    _writer.Write("\r" + text.PadRight(Math.Max(_lastLength, text.Length)));
                    _lastLength = text.Length;
                    break;
            }
        }
    }

    public void Warn(string message)
    {
        lock (_gate)
        {
            if (_mode == ProgressMode.None)
            {
                return;
            }

            ClearLine();
            _writer.WriteLine("perf-report: warning: " + TextSanitizer.ForTerminal(message));
        }
    }

    public void Done()
    {
        lock (_gate)
        {
            ClearLine();
        }
    }

    private void ClearLine()
    {
        if (_mode == ProgressMode.Interactive && _lastLength > 0)
        {
            _writer.Write("\r" + new string(' ', _lastLength) + "\r");
            _lastLength = 0;
        }
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}

public enum ProgressMode
{
    None,
    Plain,
    Interactive,
}
