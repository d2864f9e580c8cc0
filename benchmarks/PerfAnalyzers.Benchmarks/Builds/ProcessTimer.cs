using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PerfAnalyzers.Benchmarks.Builds;

/// <summary>
/// Runs a command and measures its wall time and peak memory: the resident set of the whole process tree, sampled
/// from /proc every 50 ms (MSBuild and the compiler are separate processes), and, where /usr/bin/time exists, the
/// largest single process's peak as the kernel counted it.
/// </summary>
public static class ProcessTimer
{
    private const string GnuTime = "/usr/bin/time";

    /// <param name="Command">The command line as run.</param>
    /// <param name="ExitCode">The command's exit code.</param>
    /// <param name="Wall">Wall-clock time from start to exit.</param>
    /// <param name="PeakTreeRssKb">Peak resident set of the whole process tree, sampled.</param>
    /// <param name="PeakProcessRssKb">The largest single process's peak, as the kernel counted it (from <c>/usr/bin/time</c>).</param>
    /// <param name="OutputTail">The end of the command's output.</param>
    /// <param name="CpuSeconds">User plus system time of the command and every descendant it waited for (from <c>/usr/bin/time</c>).</param>
    public sealed record Result(string Command, int ExitCode, TimeSpan Wall, long PeakTreeRssKb, long? PeakProcessRssKb, double? CpuSeconds, string OutputTail);

    public static async Task<Result> RunAsync(string fileName, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var useTime = File.Exists(GnuTime);
        var timeOutput = Path.Combine(Path.GetTempPath(), "perfanalyzers-time-" + Guid.NewGuid().ToString("N") + ".txt");
        var start = new ProcessStartInfo(useTime ? GnuTime : fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (useTime)
        {
            start.ArgumentList.Add("-v");
            start.ArgumentList.Add("-o");
            start.ArgumentList.Add(timeOutput);
            start.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new List<string>();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Add(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.Add(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, TreeRssKb(process.Id));
            await Task.Delay(50, cancellationToken);
        }

        await process.WaitForExitAsync(cancellationToken);
        watch.Stop();
        long? processPeak = null;
        double? cpu = null;
        if (useTime && File.Exists(timeOutput))
        {
            var lines = File.ReadAllLines(timeOutput);
            if (Field(lines, "Maximum resident set size") is { } rss && long.TryParse(rss, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb))
            {
                processPeak = kb;
            }

            if (Field(lines, "User time (seconds)") is { } user && Field(lines, "System time (seconds)") is { } system
                && double.TryParse(user, NumberStyles.Float, CultureInfo.InvariantCulture, out var userSeconds)
                && double.TryParse(system, NumberStyles.Float, CultureInfo.InvariantCulture, out var systemSeconds))
            {
                cpu = userSeconds + systemSeconds;
            }

            File.Delete(timeOutput);
        }

        string tail;
        lock (output)
        {
            tail = string.Join(Environment.NewLine, output.Skip(Math.Max(0, output.Count - 15)));
        }

        return new Result(fileName + " " + string.Join(' ', arguments), process.ExitCode, watch.Elapsed, peak, processPeak, cpu, tail);
    }

    /// <summary>The value of a <c>/usr/bin/time -v</c> line such as <c>User time (seconds): 12.34</c>.</summary>
    private static string? Field(string[] lines, string name)
    {
        var line = lines.FirstOrDefault(l => l.TrimStart().StartsWith(name, StringComparison.Ordinal));
        return line?[(line.LastIndexOf(':') + 1)..].Trim();
    }

    /// <summary>Sum of VmRSS over <paramref name="root"/> and all its descendants (0 where /proc is absent).</summary>
    private static long TreeRssKb(int root)
    {
        if (!Directory.Exists("/proc"))
        {
            return 0;
        }

        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && ReadParent(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        long total = 0;
        foreach (var pid in parents.Keys)
        {
            if (IsDescendant(pid, root, parents))
            {
                total += ReadRssKb(pid);
            }
        }

        return total;
    }

    private static bool IsDescendant(int pid, int root, Dictionary<int, int> parents)
    {
        for (var current = pid; ; )
        {
            if (current == root)
            {
                return true;
            }

            if (!parents.TryGetValue(current, out var parent) || parent <= 1 || parent == current)
            {
                return false;
            }

            current = parent;
        }
    }

    private static int? ReadParent(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name is in parentheses and may contain spaces: the fields after its closing one are fixed.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static long ReadRssKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // The process ended between listing and reading.
        }

        return 0;
    }
}
