using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Output;
using PerfAnalyzers.Report.Sarif;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Formatters;

/// <summary>The formats CI systems show: GitHub Actions annotations, GitLab Code Quality, and SARIF baseline states.</summary>
public sealed class CiFormatTests
{
    private static readonly ReportModel Report = SampleReports.Model();

    private static readonly string[] CodeQualitySeverities = { "info", "minor", "major", "critical", "blocker" };

    [Fact]
    public void GitHub_OneCommandPerIssueWithLocationAndRuleAsTitle()
    {
        var lines = Lines(SampleReports.Render(new GitHubAnnotationWriter(), Report));

        Assert.Equal(Report.Issues.Count, lines.Count);
        Assert.Equal("::error file=src/Orders/OrderRepository.cs,line=42,col=13,endColumn=40,title=PERF010::'FirstOrDefaultAsync' runs a database query on every iteration of this loop", lines[0]);
        Assert.Equal(1, lines.Count(l => l.StartsWith("::error ", StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal(2, lines.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)));
    }

    [Fact]
    public void GitHub_AnalysedTextCannotBreakTheCommand()
    {
        var text = SampleReports.Render(new GitHubAnnotationWriter(), Report);

        Assert.All(Lines(text), l => Assert.StartsWith("::", l, StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\r', text);
        Assert.Equal("100%25 of %250A", GitHubAnnotationWriter.Data("100% of %0A"));
        Assert.Equal("C%3A/x%2Cy.cs", GitHubAnnotationWriter.Property("C:/x,y.cs"));
        Assert.Equal("line\\x0Atwo", GitHubAnnotationWriter.Data("line\ntwo"));
    }

    [Fact]
    public void GitHub_TenPerLevelAndOneNoticeCountsTheRest()
    {
        var issues = Enumerable.Range(1, 25).Select(i => SampleReports.Issue("PERF030", IssueSeverity.Warning, "String Concatenation", "src/A.cs", i, "A.M()", "m" + i, "s += x" + i))
            .Concat(Enumerable.Range(1, 3).Select(i => SampleReports.Issue("PERF021", IssueSeverity.Info, "Nested Loops", "src/B.cs", i, "B.M()", "n" + i, "ids.Contains(x" + i + ")")))
            .ToArray();
        var report = ReportAggregator.Aggregate(SampleReports.Result() with { Issues = issues }, 5, "1.0.0-test");

        var lines = Lines(SampleReports.Render(new GitHubAnnotationWriter(), report));

        Assert.Equal(GitHubAnnotationWriter.MaxPerLevel, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Equal(4, lines.Count(l => l.StartsWith("::notice ", StringComparison.Ordinal)));
        Assert.Equal("::notice title=perf-report::15 more of 28 issues are not annotated (GitHub shows 10 of each level per step); see the full report.", lines[^1]);
    }

    [Fact]
    public void CodeQuality_EveryIssueHasGitLabsDocumentedFields()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(new CodeQualityReportWriter(), Report));

        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(Report.Issues.Count, entries.Count);
        foreach (var entry in entries)
        {
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("description").GetString()));
            Assert.Matches("^(PERF|CA)\\d+$", entry.GetProperty("check_name").GetString());
            Assert.Contains(entry.GetProperty("severity").GetString(), CodeQualitySeverities);
            Assert.False(string.IsNullOrEmpty(entry.GetProperty("location").GetProperty("path").GetString()));
            Assert.True(entry.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
            Assert.Equal("issue", entry.GetProperty("type").GetString());
        }

        var first = entries[0];
        Assert.Equal("critical", first.GetProperty("severity").GetString());
        Assert.Equal("src/Orders/OrderRepository.cs", first.GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(42, first.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.Equal(Report.Issues[0].Fingerprint, first.GetProperty("fingerprint").GetString());
    }

    [Fact]
    public void CodeQuality_FingerprintsAreTheReportsAndUniqueWhenALineRepeats()
    {
        var twice = SampleReports.Issue("PERF030", IssueSeverity.Warning, "String Concatenation", "src/A.cs", 3, "A.M()", "m", "s += x;");
        var report = ReportAggregator.Aggregate(SampleReports.Result() with { Issues = [twice, twice with { Line = 9 }] }, 5, "1.0.0-test");

        var fingerprints = CodeQualityReportWriter.ToIssues(report).Select(i => i.Fingerprint).ToList();
        var again = CodeQualityReportWriter.ToIssues(report).Select(i => i.Fingerprint).ToList();

        Assert.Equal(new[] { twice.Fingerprint, twice.Fingerprint + "-2" }, fingerprints);
        Assert.Equal(fingerprints, again);
    }

    [Fact]
    public void Sarif_BaselineStatesNewUnchangedAndAbsentWithPartialFingerprints()
    {
        using var json = JsonDocument.Parse(SampleReports.Render(new SarifReportWriter("/repo"), Report));
        var results = json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

        var states = results.Select(r => r.GetProperty("baselineState").GetString()).ToList();
        Assert.Equal(1, states.Count(s => s == "new"));
        Assert.Equal(Report.Issues.Count - 1, states.Count(s => s == "unchanged"));
        var absent = Assert.Single(results, r => r.GetProperty("baselineState").GetString() == "absent");
        Assert.Equal("PERF012", absent.GetProperty("ruleId").GetString());
        Assert.All(results, r => Assert.Equal(32, r.GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintName).GetString()!.Length));
    }

    [Fact]
    public void Sarif_AbsentResultsAreNotReadBackAsFindings()
    {
        var dir = TestPaths.NewTempDirectory("perf-report-absent");
        try
        {
            var log = Path.Combine(dir, "report.sarif");
            File.WriteAllText(log, SampleReports.Render(new SarifReportWriter(dir), Report));
            var reader = new SarifLogReader(includePeers: true, dir);
            reader.Read(log);

            var read = reader.Finish();

            Assert.Equal(Report.Issues.Count, read.Issues.Count);
            Assert.DoesNotContain(read.Issues, i => i.RuleId == "PERF012");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
}
