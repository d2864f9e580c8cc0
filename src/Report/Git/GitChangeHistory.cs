using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Git;

/// <summary>
/// Reads commits per file from <c>git log</c> (run as a process) for the files that have findings. Outside a git work
/// tree there is no history and no note; without git on PATH, one note says why hotspots are missing.
/// </summary>
public static class GitChangeHistory
{
    public const int DefaultSinceDays = 90;

    /// <param name="reportRoot">The folder the issues' relative paths are relative to.</param>
    public static (ChangeHistory? History, string? Note) Read(string reportRoot, IEnumerable<string> issueFiles, int sinceDays, CancellationToken cancellationToken)
    {
        GitResult top;
        try
        {
            top = Run(reportRoot, cancellationToken, "rev-parse", "--show-toplevel");
        }
        catch (Win32Exception)
        {
            return (null, "Hotspots skipped: git is not on PATH.");
        }

        if (top.ExitCode != 0)
        {
            return (null, null);
        }

        var repoRoot = top.Output.Trim();
        var shallow = Run(reportRoot, cancellationToken, "rev-parse", "--is-shallow-repository").Output.Trim() == "true";
        var log = Run(
            repoRoot,
            cancellationToken,
            "-c", "core.quotepath=off", "log", "-M", "--name-status", "--format=%x1e%H",
            "--since=" + sinceDays.ToString(CultureInfo.InvariantCulture) + ".days.ago");
        if (log.ExitCode != 0)
        {
            // A repository without commits yet: nothing changed.
            return (new ChangeHistory(new Dictionary<string, int>(), sinceDays, shallow), null);
        }

        var byRepoPath = CommitsPerFile(log.Output);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in issueFiles.Distinct(StringComparer.Ordinal))
        {
            var full = Path.GetFullPath(Path.Combine(reportRoot, file));
            var relative = Path.GetRelativePath(repoRoot, full).Replace('\\', '/');
            if (byRepoPath.TryGetValue(relative, out var commits))
            {
                counts[file] = commits;
            }
        }

        return (new ChangeHistory(counts, sinceDays, shallow), null);
    }

    /// <summary>The commit checked out at the folder, or empty outside git or without git.</summary>
    public static string HeadCommit(string directory, CancellationToken cancellationToken)
    {
        try
        {
            var head = Run(directory, cancellationToken, "rev-parse", "HEAD");
            return head.ExitCode == 0 ? head.Output.Trim() : "";
        }
        catch (Win32Exception)
        {
            return "";
        }
    }

    /// <summary>
    /// Commits per current path from <c>git log -M --name-status</c> output (newest first). A rename maps the old path
    /// to the file's current name, so the commits before a rename count for the file as it is called now.
    /// </summary>
    public static Dictionary<string, int> CommitsPerFile(string log)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var currentName = new Dictionary<string, string>(StringComparer.Ordinal);
        string Current(string path) => currentName.TryGetValue(path, out var now) ? now : path;

        foreach (var commit in log.Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
        {
            var touched = new HashSet<string>(StringComparer.Ordinal);
            foreach (var line in commit.Split('\n').Skip(1))
            {
                var parts = line.TrimEnd('\r').Split('\t');
                if (parts.Length < 2 || parts[0].Length == 0)
                {
                    continue;
                }

                var path = Current(parts[^1]);
                if (parts[0][0] is 'R' && parts.Length == 3)
                {
                    currentName[parts[1]] = path;
                }

                touched.Add(path);
            }

            foreach (var path in touched)
            {
                counts[path] = counts.TryGetValue(path, out var n) ? n + 1 : 1;
            }
        }

        return counts;
    }

    private static GitResult Run(string directory, CancellationToken cancellationToken, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Never wait for credentials or a pager.
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        using var process = Process.Start(start) ?? throw new Win32Exception("git did not start");
        using var registration = cancellationToken.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }
        });
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        _ = error.GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        return new GitResult(process.ExitCode, output);
    }

    private readonly record struct GitResult(int ExitCode, string Output);
}
