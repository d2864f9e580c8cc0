using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.EndToEnd;

/// <summary>
/// The tech-lead sections over a real git repository made here: several commits by different authors, a rename, a
/// shallow clone; findings come from a SARIF log so no build is needed.
/// </summary>
public sealed class LeadReportEndToEndTests : IDisposable
{
    private static readonly string Source = string.Join("\n", Enumerable.Range(1, 12).Select(i => $"// line {i}")) + "\n";

    private const string CodeOwners = "# owners\n/src/ @org/core\nsrc/Hot.cs @bob\nsrc/Cold.cs\n!src/Quiet.cs @nobody\n";

    private readonly GitRepository _repo = new();

    public LeadReportEndToEndTests()
    {
        // Hot.cs: 5 commits, one warning (2 × 5 = 10). Renamed.cs: 3 commits as Old.cs, then the rename (2 × 4 = 8).
        // Cold.cs: 1 commit, an error and a warning (6 × 1 = 6). Quiet.cs: no findings.
        // Owners: @org/core owns src/, @bob Hot.cs (the later line wins), Cold.cs has no owner; line 5 does not parse.
        _repo.Commit("alice", "start", ("src/Hot.cs", Source), ("src/Old.cs", Source), ("src/Cold.cs", Source), ("src/Quiet.cs", Source), (".github/CODEOWNERS", CodeOwners));
        for (var i = 2; i <= 5; i++)
        {
            _repo.Commit(i % 2 == 0 ? "bob" : "alice", "hot " + i, ("src/Hot.cs", Source + "// change " + i + "\n"));
        }

        _repo.Commit("carol", "old 2", ("src/Old.cs", Source + "// change 2\n"));
        _repo.Commit("carol", "old 3", ("src/Old.cs", Source + "// change 3\n"));
        _repo.Git("mv", "src/Old.cs", "src/Renamed.cs");
        _repo.CommitStaged("dave", "rename");
        _repo.WriteSarif(
            "build.sarif",
            ("PERF030", "warning", "src/Hot.cs", 3),
            ("PERF030", "warning", "src/Renamed.cs", 4),
            ("PERF010", "error", "src/Cold.cs", 5),
            ("PERF021", "warning", "src/Cold.cs", 6));
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Hotspots_RankedByWeightedFindingsTimesCommits_RenamesFollowed()
    {
        using var json = Report(_repo.Directory);

        var hotspots = json.RootElement.GetProperty("hotspots").EnumerateArray()
            .Select(h => (h.GetProperty("path").GetString()!, h.GetProperty("commits").GetInt32(), h.GetProperty("issues").GetInt32(), h.GetProperty("score").GetInt32()))
            .ToList();
        Assert.Equal(new[] { ("src/Hot.cs", 5, 1, 10), ("src/Renamed.cs", 4, 1, 8), ("src/Cold.cs", 1, 2, 6) }, hotspots);
    }

    [Fact]
    public void Hotspots_InConsoleMarkdownAndHtml()
    {
        var run = ProcessRunner.Tool(_repo.Directory, "--sarif", "build.sarif", "-f", "markdown", "-o", "r.md", "-f", "html", "-o", "r.html", "-f", "console");
        Assert.True(run.ExitCode == 0, run.ToString());

        Assert.Contains("Hotspots (commits in 90 days)", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("| src/Hot\\.cs | 5 | 1 | 10 |", File.ReadAllText(_repo.PathOf("r.md")), StringComparison.Ordinal);
        var html = File.ReadAllText(_repo.PathOf("r.html"));
        Assert.Contains("id=\"chart-hotspots\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>src/Hot.cs</td><td class=\"num\">5</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ShallowClone_SaysTheHistoryIsPartial()
    {
        using var clone = new GitRepository("perf-report-shallow");
        Directory.Delete(clone.Directory, recursive: true);
        var run = ProcessRunner.Run("git", Path.GetTempPath(), null, new[] { "clone", "-q", "--depth", "1", new Uri(_repo.Directory).AbsoluteUri, clone.Directory });
        Assert.True(run.ExitCode == 0, run.ToString());
        File.Copy(_repo.PathOf("build.sarif"), clone.PathOf("build.sarif"));
        var sarif = File.ReadAllText(clone.PathOf("build.sarif")).Replace(new Uri(_repo.Directory).AbsoluteUri, new Uri(clone.Directory).AbsoluteUri, StringComparison.Ordinal);
        File.WriteAllText(clone.PathOf("build.sarif"), sarif);

        using var json = Report(clone.Directory);

        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("partial (shallow clone)", StringComparison.Ordinal));
        Assert.All(json.RootElement.GetProperty("hotspots").EnumerateArray(), h => Assert.Equal(1, h.GetProperty("commits").GetInt32()));
    }

    [Fact]
    public void NoGitOption_NoHotspotsSection()
    {
        using var json = Report(_repo.Directory, "--no-git");

        Assert.False(json.RootElement.TryGetProperty("hotspots", out _));
    }

    [Fact]
    public void OutsideAGitWorkTree_NoHotspotsAndNoFailure()
    {
        Directory.Delete(_repo.PathOf(".git"), recursive: true);

        using var json = Report(_repo.Directory);

        Assert.False(json.RootElement.TryGetProperty("hotspots", out _));
        Assert.DoesNotContain(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("Hotspots", StringComparison.Ordinal) || n.GetString()!.Contains("history", StringComparison.Ordinal));
    }

    [Fact]
    public void NoGitOnPath_HotspotsSkippedWithOneNote()
    {
        var dotnet = Path.Combine(Path.GetDirectoryName(Environment.ProcessPath!)!, "dotnet");
        var env = new Dictionary<string, string> { ["CI"] = "true", ["PATH"] = Path.Combine(_repo.Directory, "no-such-bin") };
        var run = ProcessRunner.Run(File.Exists(dotnet) ? dotnet : "/usr/bin/dotnet", _repo.Directory, env, new[] { TestPaths.ToolDll, "--sarif", "build.sarif", "-f", "json", "-o", "r.json", "--quiet" });
        Assert.True(run.ExitCode == 0, run.ToString());

        using var json = JsonDocument.Parse(File.ReadAllText(_repo.PathOf("r.json")));
        Assert.False(json.RootElement.TryGetProperty("hotspots", out _));
        Assert.Single(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString() == "Hotspots skipped: git is not on PATH.");
    }

    [Fact]
    public void GitHubFormat_AnnotatesEachFindingOnStandardOutput()
    {
        var run = ProcessRunner.Tool(_repo.Directory, "--sarif", "build.sarif", "-f", "github");
        Assert.True(run.ExitCode == 0, run.ToString());

        var lines = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("::error file=src/Cold.cs,line=5,col=9,title=PERF010::", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void CodeQualityFormat_SameFingerprintsAsTheJsonReportAcrossRuns()
    {
        var first = ProcessRunner.Tool(_repo.Directory, "--sarif", "build.sarif", "-f", "codequality", "-o", "cq1.json", "-f", "json", "-o", "r.json", "--quiet");
        Assert.True(first.ExitCode == 0, first.ToString());
        _repo.Commit("erin", "unrelated", ("src/Quiet.cs", Source + "// more\n"));
        var second = ProcessRunner.Tool(_repo.Directory, "--sarif", "build.sarif", "-f", "codequality", "-o", "cq2.json", "--quiet");
        Assert.True(second.ExitCode == 0, second.ToString());

        using var cq1 = JsonDocument.Parse(File.ReadAllText(_repo.PathOf("cq1.json")));
        using var cq2 = JsonDocument.Parse(File.ReadAllText(_repo.PathOf("cq2.json")));
        using var report = JsonDocument.Parse(File.ReadAllText(_repo.PathOf("r.json")));
        var fingerprints = cq1.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToList();
        Assert.Equal(report.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()), fingerprints);
        Assert.Equal(fingerprints, cq2.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()));
        Assert.Equal("src/Cold.cs", cq1.RootElement[0].GetProperty("location").GetProperty("path").GetString());
    }

    [Fact]
    public void Owners_GroupedByCodeOwnersWithSeverities()
    {
        using var json = Report(_repo.Directory);

        var owners = json.RootElement.GetProperty("owners").EnumerateArray()
            .Select(o => (o.GetProperty("owner").GetString()!, o.GetProperty("issues").GetInt32(), o.GetProperty("bySeverity").GetProperty("error").GetInt32()))
            .ToList();
        Assert.Equal(new[] { ("@bob", 1, 0), ("@org/core", 1, 0), ("(no owner)", 2, 1) }, owners);
        Assert.Contains(json.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith(".github/CODEOWNERS line 5 skipped: negated patterns", StringComparison.Ordinal));
    }

    [Fact]
    public void OwnerOption_LimitsTheReportToThatOwnersFiles()
    {
        using var json = Report(_repo.Directory, "--owner", "org/core");

        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("src/Renamed.cs", json.RootElement.GetProperty("issues")[0].GetProperty("file").GetString());
    }

    [Fact]
    public void CodeOwnersOption_UsesTheGivenFile()
    {
        File.WriteAllText(_repo.PathOf("owners.txt"), "* @everyone-team\n");

        using var json = Report(_repo.Directory, "--codeowners", "owners.txt");

        var owner = Assert.Single(json.RootElement.GetProperty("owners").EnumerateArray());
        Assert.Equal("@everyone-team", owner.GetProperty("owner").GetString());
        Assert.Equal(4, owner.GetProperty("issues").GetInt32());
    }

    [Fact]
    public void Owners_InConsoleMarkdownAndHtml()
    {
        var run = ProcessRunner.Tool(_repo.Directory, "--sarif", "build.sarif", "-f", "markdown", "-o", "o.md", "-f", "html", "-o", "o.html", "-f", "console");
        Assert.True(run.ExitCode == 0, run.ToString());

        Assert.Contains("By owner (CODEOWNERS)", run.StdOut, StringComparison.Ordinal);
        Assert.Contains("| (no owner) | 2 | 1 | 1 | 0 | 0 |", File.ReadAllText(_repo.PathOf("o.md")).Replace("\\(", "(", StringComparison.Ordinal).Replace("\\)", ")", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<table id=\"owners\">", File.ReadAllText(_repo.PathOf("o.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void History_ThreeRunsShowTheChangeAndACorruptLineIsSkippedNotLost()
    {
        _repo.WriteSarif("fewer.sarif", ("PERF030", "warning", "src/Hot.cs", 3), ("PERF010", "error", "src/Cold.cs", 5), ("PERF021", "warning", "src/Cold.cs", 6));
        _repo.WriteSarif("fewest.sarif", ("PERF010", "error", "src/Cold.cs", 5), ("PERF021", "warning", "src/Cold.cs", 6));
        var history = _repo.PathOf("perf-history.jsonl");

        Run("build.sarif");
        Run("fewer.sarif");
        File.AppendAllText(history, "{ not json\n");
        var last = Run("fewest.sarif", "-f", "markdown", "-o", "t.md", "-f", "html", "-o", "t.html", "-f", "json", "-o", "t.json");

        var lines = File.ReadAllLines(history);
        Assert.Equal(4, lines.Length);
        Assert.Equal("{ not json", lines[2]);
        using var third = JsonDocument.Parse(lines[3]);
        Assert.Equal(2, third.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(1, third.RootElement.GetProperty("bySeverity").GetProperty("Error").GetInt32());
        Assert.Equal(1, third.RootElement.GetProperty("byRule").GetProperty("PERF021").GetInt32());
        Assert.Equal(_repo.Git("rev-parse", "HEAD").Trim(), third.RootElement.GetProperty("commit").GetString());
        Assert.Contains("2 issues (-1), errors 1 (±0), warnings 1 (-1); 3 runs recorded", last.StdOut + File.ReadAllText(_repo.PathOf("t.html")), StringComparison.Ordinal);
        Assert.Contains("line 3 is not a run summary", File.ReadAllText(_repo.PathOf("t.json")), StringComparison.Ordinal);
        Assert.Contains("class=\"trend-total\"", File.ReadAllText(_repo.PathOf("t.html")), StringComparison.Ordinal);

        ProcessResult Run(string sarif, params string[] formats)
        {
            var args = new List<string> { "--sarif", sarif, "--history", "perf-history.jsonl", "--quiet" };
            args.AddRange(formats.Length > 0 ? formats : new[] { "-f", "json", "-o", "r.json" });
            var run = ProcessRunner.Tool(_repo.Directory, args.ToArray());
            Assert.True(run.ExitCode == 0, run.ToString());
            return run;
        }
    }

    private static JsonDocument Report(string directory, params string[] extra)
    {
        var args = new List<string> { "--sarif", "build.sarif", "-f", "json", "-o", "r.json", "--quiet" };
        args.AddRange(extra);
        var run = ProcessRunner.Tool(directory, args.ToArray());
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "r.json")));
    }
}
