using System.Diagnostics;
using System.IO;
using System.Linq;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>Runs <c>dotnet restore</c> on a project, so a fresh checkout can be reported on in one command, as <c>dotnet build</c> restores first.</summary>
internal static class ProjectRestore
{
    /// <summary>Null when the restore succeeded; otherwise the reason, in one line.</summary>
    public static string? Run(string projectPath)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(projectPath) ?? ".",
        };
        start.ArgumentList.Add("restore");
        start.ArgumentList.Add(projectPath);
        start.ArgumentList.Add("-nodeReuse:false");
        using var process = Process.Start(start);
        if (process is null)
        {
            return "restore failed: could not start 'dotnet'";
        }

        var stderrTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode == 0)
        {
            return null;
        }

        var firstError = (output + "\n" + stderrTask.Result).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("error", System.StringComparison.OrdinalIgnoreCase));
        return "restore failed: " + (firstError ?? $"dotnet restore exited with code {process.ExitCode}");
    }
}
