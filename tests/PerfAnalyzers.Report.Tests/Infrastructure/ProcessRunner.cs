using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace PerfAnalyzers.Report.Tests.Infrastructure;

public sealed record ProcessResult(int ExitCode, string StdOut, string StdErr, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0}s\nstdout:\n{StdOut}\nstderr:\n{StdErr}";
}

/// <summary>Runs the tool (or dotnet) as a separate process, as users and CI do.</summary>
public static class ProcessRunner
{
    public static ProcessResult Tool(string workingDirectory, params string[] args) =>
        Run("dotnet", workingDirectory, new Dictionary<string, string> { ["CI"] = "true" }, Prepend(TestPaths.ToolDll, args));

    public static ProcessResult Dotnet(string workingDirectory, params string[] args) => Run("dotnet", workingDirectory, null, args);

    public static ProcessResult Run(string fileName, string workingDirectory, IReadOnlyDictionary<string, string>? environment, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not finish in 5 minutes");
        }

        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result, watch.Elapsed);
    }

    private static string[] Prepend(string first, string[] rest)
    {
        var all = new string[rest.Length + 1];
        all[0] = first;
        rest.CopyTo(all, 1);
        return all;
    }
}
