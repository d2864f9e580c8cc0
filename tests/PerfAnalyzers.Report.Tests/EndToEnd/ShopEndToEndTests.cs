using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.EndToEnd;

/// <summary>The tool run as a process on the Shop fixture, compared with what `dotnet build` itself reports.</summary>
[Collection(ShopCollection.Name)]
public sealed class ShopEndToEndTests(ShopFixture shop)
{
    private static readonly Regex BuildDiagnostic = new(@"^(?<file>[^\s(][^(\r\n]*)\((?<line>\d+),(?<col>\d+)\): (?<sev>warning|error) (?<id>PERF\d{3}):", RegexOptions.Multiline);

    private JsonDocument Json(string name) => JsonDocument.Parse(File.ReadAllText(shop.PathOf(name)));

    private static int Severity(JsonDocument report, string severity) =>
        report.RootElement.GetProperty("bySeverity").EnumerateArray().Single(r => r.GetProperty("name").GetString() == severity).GetProperty("count").GetInt32();

    [Fact]
    public void Report_ExitsCleanAndWritesEveryFormat()
    {
        Assert.True(shop.Report.ExitCode == 0, shop.Report.ToString());
        foreach (var file in new[] { "report.json", "report.sarif", "report.html", "report.md" })
        {
            Assert.True(new FileInfo(shop.PathOf(file)).Length > 0, file);
        }

        Assert.Empty(Directory.GetFiles(shop.Directory, "*.tmp"));
    }

    [Fact]
    public void Report_CountsMatchTheBuildsOwnDiagnostics()
    {
        Assert.True(shop.Restore.ExitCode == 0, shop.Restore.ToString());
        var built = BuildDiagnostic.Matches(shop.OrdersBuild.StdOut + shop.LegacyBuild.StdOut)
            .Select(m => (File: Path.GetFileName(m.Groups["file"].Value), Line: m.Groups["line"].Value, Col: m.Groups["col"].Value, Severity: m.Groups["sev"].Value))
            .Distinct()
            .ToList();
        Assert.True(built.Count > 0, "the build reported no PERF diagnostic:\n" + shop.OrdersBuild);

        using var report = Json("report.json");
        Assert.Equal(built.Count(b => b.Severity == "error"), Severity(report, "Error"));
        Assert.Equal(built.Count(b => b.Severity == "warning"), Severity(report, "Warning"));
        Assert.Equal((1, 3, 1, 0), (Severity(report, "Error"), Severity(report, "Warning"), Severity(report, "Info"), Severity(report, "Hidden")));

        // The build's SARIF logs also hold the suggestion-level result the console does not print.
        var sarifResults = new[] { shop.OrdersSarif, shop.LegacySarif }
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["runs"]!.AsArray())
            .SelectMany(run => run!["results"]!.AsArray())
            .Count(r => r!["ruleId"]!.GetValue<string>().StartsWith("PERF", StringComparison.Ordinal) && r["suppressions"] is null);
        Assert.Equal(sarifResults, report.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public void SarifInput_SameIssuesAsInProcessAnalysis()
    {
        var run = ProcessRunner.Tool(shop.Directory, "--sarif", shop.OrdersSarif, shop.LegacySarif, "--format", "json", "--output", "from-sarif.json", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());

        using var fromSarif = Json("from-sarif.json");
        using var inProcess = Json("report.json");
        string[] Keys(JsonDocument d) => d.RootElement.GetProperty("issues").EnumerateArray()
            .Select(i => $"{i.GetProperty("fingerprint").GetString()} {i.GetProperty("severity").GetString()} {i.GetProperty("file").GetString()}:{i.GetProperty("line").GetInt32()} {i.GetProperty("member").GetString()}")
            .OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.Equal(Keys(inProcess), Keys(fromSarif));
    }

    [Fact]
    public void SarifOutput_OneValidRunWithRuleMetadata()
    {
        var text = File.ReadAllText(shop.PathOf("report.sarif"));
        SchemaValidation.AssertValidSarif(text);
        using var sarif = JsonDocument.Parse(text);
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(5, run.GetProperty("results").GetArrayLength());
        var rule = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "PERF030");
        Assert.EndsWith("docs/rules/PERF030.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonOutput_ValidAgainstTheRepositorySchema() => SchemaValidation.AssertValidReport(File.ReadAllText(shop.PathOf("report.json")));

    [Fact]
    public void JsonOutput_SuppressionsHonoured()
    {
        using var report = Json("report.json");
        var members = report.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("member").GetString()).ToList();
        Assert.DoesNotContain("CsvExport.Quiet(string[])", members);
        Assert.DoesNotContain("CsvExport.Suppressed(string[])", members);
        Assert.DoesNotContain(report.RootElement.GetProperty("issues").EnumerateArray(), i => i.GetProperty("project").GetString() == "Legacy");
        Assert.Equal("Error", report.RootElement.GetProperty("issues")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public void Timing_PerRuleExecutionTimeReported()
    {
        using var report = Json("report.json");
        var timing = report.RootElement.GetProperty("timings").EnumerateArray().Single(t => t.GetProperty("rules").EnumerateArray().Any(r => r.GetString() == "PERF030"));
        Assert.True(timing.GetProperty("milliseconds").GetDouble() > 0);
    }

    [Fact]
    public void Console_FitsEightyColumns()
    {
        Assert.Contains("By severity", shop.Report.StdOut, StringComparison.Ordinal);
        Assert.All(shop.Report.StdOut.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 80, line));
    }

    [Fact]
    public void Progress_PlainLinesWhenCiIsSet()
    {
        Assert.Contains("perf-report: Analysed Orders", shop.Report.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', shop.Report.StdErr);
    }

    [Fact]
    public void Baseline_UnchangedCodePassesNewGate()
    {
        var run = ProcessRunner.Tool(shop.Directory, "--sarif", shop.OrdersSarif, shop.LegacySarif, "--baseline", "report.json", "--fail-on", "new", "--format", "json", "--output", "same.json", "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var report = Json("same.json");
        var baseline = report.RootElement.GetProperty("baseline");
        Assert.Equal((0, 5, 0), (baseline.GetProperty("new").GetInt32(), baseline.GetProperty("unchanged").GetInt32(), baseline.GetProperty("fixed").GetInt32()));
    }

    [Fact]
    public void Baseline_NewIssueFailsGateAndFixedOneIsListed()
    {
        // A baseline that lacks one current issue (now new) and holds one that is gone (now fixed).
        var baseline = JsonNode.Parse(File.ReadAllText(shop.PathOf("report.json")))!;
        var issues = baseline["issues"]!.AsArray();
        var removed = issues[0]!.DeepClone();
        issues.RemoveAt(0);
        var gone = issues[0]!.DeepClone();
        gone["fingerprint"] = "0000";
        gone["member"] = "CsvExport.Removed()";
        issues.Add(gone);
        File.WriteAllText(shop.PathOf("older.json"), baseline.ToJsonString());

        var run = ProcessRunner.Tool(shop.Directory, "--sarif", shop.OrdersSarif, "--baseline", "older.json", "--fail-on", "new", "--format", "json", "--output", "gated.json", "--format", "markdown");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("gate failed: 1 new issue(s)", run.StdErr, StringComparison.Ordinal);
        using var report = Json("gated.json");
        var summary = report.RootElement.GetProperty("baseline");
        Assert.Equal((1, 4, 1), (summary.GetProperty("new").GetInt32(), summary.GetProperty("unchanged").GetInt32(), summary.GetProperty("fixed").GetInt32()));
        var added = report.RootElement.GetProperty("issues").EnumerateArray().Single(i => i.GetProperty("baseline").GetString() == "new");
        Assert.Equal(removed["fingerprint"]!.GetValue<string>(), added.GetProperty("fingerprint").GetString());
        Assert.Equal("CsvExport.Removed()", report.RootElement.GetProperty("fixed")[0].GetProperty("member").GetString());
        Assert.Contains("**Baseline:** 1 new, 4 unchanged, 1 fixed", run.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error", 1, "1 error(s)")]
    [InlineData("warning", 1, "4 warning(s) or error(s)")]
    public void FailOn_GateSetsExitCode(string gate, int exitCode, string reason)
    {
        var run = ProcessRunner.Tool(shop.Directory, "--sarif", shop.OrdersSarif, "--fail-on", gate, "--quiet", "--format", "json", "--output", $"gate-{gate}.json");

        Assert.True(run.ExitCode == exitCode, run.ToString());
        Assert.Contains(reason, run.StdErr, StringComparison.Ordinal);
        Assert.True(File.Exists(shop.PathOf($"gate-{gate}.json")), "the report is written even when the gate fails");
    }

    [Fact]
    public void FailOn_NothingToGate_ExitsClean()
    {
        var run = ProcessRunner.Tool(shop.Directory, "--sarif", shop.LegacySarif, "--fail-on", "warning", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public void MixedSolution_ReportsLoadableProjectAndListsSkippedOne()
    {
        var sln = File.ReadAllText(shop.PathOf("Shop/Shop.sln"))
            .Replace("\"Legacy\", \"Legacy\\Legacy.csproj\"", "\"Broken\", \"..\\Broken\\Broken.csproj\"", StringComparison.Ordinal);
        File.WriteAllText(shop.PathOf("Shop/Mixed.sln"), sln);

        var run = ProcessRunner.Tool(shop.Directory, "Shop/Mixed.sln", "--format", "json", "--output", "mixed.json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("warning: skipped Broken/Broken.csproj: project file is not valid XML (line 7, position 3)", run.StdErr, StringComparison.Ordinal);
        using var report = Json("mixed.json");
        Assert.Equal(5, report.RootElement.GetProperty("total").GetInt32());
        var skipped = Assert.Single(report.RootElement.GetProperty("skippedProjects").EnumerateArray());
        Assert.Equal("Broken/Broken.csproj", skipped.GetProperty("path").GetString());
        Assert.Contains("Skipped projects (1)", run.StdOut, StringComparison.Ordinal);
    }
}
