using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.EndToEnd;

/// <summary>
/// The README's main job: `perf-report` with no arguments in the repository root reports on samples/. Its counts must
/// equal what `dotnet build` of the sample reports, and the build's SARIF logs must give the same issues.
/// Skipped until samples/ is in the checkout.
/// </summary>
public sealed class SamplesEndToEndTests : IDisposable
{
    private static readonly Regex BuildDiagnostic = new(@"^(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<col>\d+)\): (?<sev>warning|error) (?<id>PERF\d{3}):", RegexOptions.Multiline);

    private readonly string _dir = TestPaths.NewTempDirectory("perf-report-samples");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SamplesFact]
    public void DefaultInput_ReportsSamplesWithTheBuildsCounts()
    {
        var projects = Directory.GetFiles(TestPaths.Samples, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .ToList();
        Assert.NotEmpty(projects);

        var logs = new List<string>();
        var buildOutput = "";
        foreach (var project in projects)
        {
            var log = Path.Combine(_dir, Path.GetFileNameWithoutExtension(project) + ".sarif");
            var build = ProcessRunner.Dotnet(TestPaths.Root, "build", project, "-nodeReuse:false", "-clp:NoSummary", $"-p:PerfAnalyzersPath={TestPaths.AnalyzerDll}", $"-p:ErrorLog={log}%2Cversion=2.1");
            buildOutput += build.StdOut;
            if (File.Exists(log))
            {
                logs.Add(log);
            }
        }

        var built = BuildDiagnostic.Matches(buildOutput)
            .Select(m => (File: Path.GetFullPath(m.Groups["file"].Value.Trim()), m.Groups["line"].Value, m.Groups["col"].Value, Severity: m.Groups["sev"].Value, Id: m.Groups["id"].Value))
            .Distinct()
            .ToList();
        Assert.True(built.Count > 0, "the sample build reported no PERF diagnostic; does the sample reference the analyzers?\n" + buildOutput);

        var report = Path.Combine(_dir, "samples.json");
        var run = ProcessRunner.Tool(TestPaths.Root, "--format", "json", "--output", report);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        foreach (var (severity, name) in new[] { ("error", "Error"), ("warning", "Warning") })
        {
            var count = json.RootElement.GetProperty("bySeverity").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("count").GetInt32();
            Assert.True(built.Count(b => b.Severity == severity) == count, $"{name}: the build reported {built.Count(b => b.Severity == severity)}, perf-report {count}\n{string.Join("\n", built)}\n{run.StdErr}");
        }

        foreach (var id in built.Select(b => b.Id).Distinct())
        {
            var count = json.RootElement.GetProperty("byRule").EnumerateArray().SingleOrDefault(r => r.GetProperty("ruleId").GetString() == id);
            var reported = count.ValueKind == JsonValueKind.Undefined ? 0 : count.GetProperty("count").GetInt32() - InfoCount(json, id);
            Assert.True(built.Count(b => b.Id == id) == reported, $"{id}: the build reported {built.Count(b => b.Id == id)}, perf-report {reported}\n{string.Join("\n", built)}");
        }

        var fromLogs = Path.Combine(_dir, "from-logs.json");
        var sarifArgs = new List<string> { "--sarif" };
        sarifArgs.AddRange(logs);
        sarifArgs.AddRange(new[] { "--format", "json", "--output", fromLogs, "--quiet" });
        var sarifRun = ProcessRunner.Tool(TestPaths.Root, sarifArgs.ToArray());
        Assert.True(sarifRun.ExitCode == 0, sarifRun.ToString());
        using var fromSarif = JsonDocument.Parse(File.ReadAllText(fromLogs));
        Assert.Equal(Fingerprints(json), Fingerprints(fromSarif));
    }

    private static int InfoCount(JsonDocument json, string id) =>
        json.RootElement.GetProperty("issues").EnumerateArray().Count(i => i.GetProperty("ruleId").GetString() == id && i.GetProperty("severity").GetString() is "Info" or "Hidden");

    private static string[] Fingerprints(JsonDocument json) =>
        json.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()!).OrderBy(f => f, StringComparer.Ordinal).ToArray();
}
