using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Sarif;

namespace PerfAnalyzers.Report.Output;

/// <summary>
/// SARIF 2.1.0 with everything in ONE run (code-scanning uploads reject several runs of one category in a file), rule
/// metadata and help links, and at most 25,000 results: the most severe are kept and the run says so.
/// </summary>
public sealed class SarifReportWriter : IReportFormatter
{
    public const int MaxResults = 25_000;
    public const string FingerprintName = "perfReport/v1";

    private readonly string _rootUri;
    private readonly int _maxResults;

    /// <param name="root">Folder the relative file paths are relative to (recorded as SRCROOT).</param>
    public SarifReportWriter(string root, int maxResults = MaxResults)
    {
        var full = root.Replace('\\', '/');
        _rootUri = new Uri(full.EndsWith('/') ? full : full + "/").AbsoluteUri;
        _maxResults = maxResults;
    }

    public string Name => "sarif";

    public void Write(ReportModel report, Stream stream) =>
        JsonSerializer.Serialize(stream, ToLog(report), SarifLogJsonContext.Default.SarifLog);

    public SarifLog ToLog(ReportModel report)
    {
        var results = report.Issues.Take(_maxResults).ToList();
        var truncated = report.Issues.Count > results.Count;
        // Our rules first, so their indexes do not move when other analyzers' rules come and go.
        var rules = report.ListedRules.OrderBy(r => r.IsPeer).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        var notes = new List<SarifNotification>();
        if (truncated)
        {
            notes.Add(new("warning", new($"{report.Issues.Count} results found; only the {results.Count} most severe are included (code-scanning upload limit of {MaxResults} results per run). See the JSON or HTML report for all of them.")));
        }

        notes.AddRange(report.SkippedProjects.Select(s => new SarifNotification("warning", new($"Project {s.Path} was skipped: {s.Reason}"))));
        notes.AddRange(report.Notes.Select(n => new SarifNotification("note", new(n))));

        var run = new SarifRun(
            new SarifTool(new SarifDriver("PerfAnalyzers", "PerfAnalyzers perf-report", report.ToolVersion, report.ToolVersion, "https://github.com/perfanalyzers/perfanalyzers", rules.Select(ToSarif).ToList())),
            new SarifAutomationDetails("perf-report/"),
            new Dictionary<string, SarifArtifactLocation> { ["SRCROOT"] = new(_rootUri) },
            [new SarifInvocation(true, notes.Count > 0 ? notes : null)],
            Results(report, results, ruleIndex),
            "utf16CodeUnits",
            new SarifRunProperties(report.Issues.Count, truncated));
        return new SarifLog { Runs = [run] };
    }

    /// <summary>
    /// The current issues, then (with a baseline, and room under the limit) the fixed ones as <c>absent</c>, so a
    /// SARIF viewer shows what went away as well as what is new.
    /// </summary>
    private List<SarifResult> Results(ReportModel report, List<Issue> current, Dictionary<string, int> ruleIndex)
    {
        var results = current.Select(issue => ToSarif(issue, ruleIndex[issue.RuleId])).ToList();
        foreach (var issue in report.FixedIssues.Take(Math.Max(0, _maxResults - results.Count)))
        {
            results.Add(ToSarif(issue with { Baseline = BaselineStatus.Fixed }, ruleIndex.TryGetValue(issue.RuleId, out var index) ? index : null));
        }

        return results;
    }

    private static SarifRule ToSarif(RuleInfo rule) => new(
        rule.Id,
        rule.Title.Length > 0 ? new(rule.Title) : null,
        rule.Description.Length > 0 ? new(rule.Description) : null,
        Uri.TryCreate(rule.HelpUri, UriKind.Absolute, out var help) ? help.AbsoluteUri : null,
        rule.Fix.Length > 0 ? new(rule.Fix) : null,
        new(SarifLevels.FromSeverity(rule.DefaultSeverity)),
        new(rule.Category, rule.Category.Length > 0 ? ["performance", rule.Category] : ["performance"], rule.HasAutomaticFix));

    private static SarifResult ToSarif(Issue issue, int? ruleIndex)
    {
        var artifact = Path.IsPathRooted(issue.FilePath)
            ? new SarifArtifactLocation(new Uri(issue.FilePath).AbsoluteUri)
            : new SarifArtifactLocation(string.Join("/", issue.FilePath.Split('/').Select(Uri.EscapeDataString)), "SRCROOT");
        var region = issue.Line > 0
            ? new SarifRegion(
                issue.Line,
                Math.Max(1, issue.Column),
                Math.Max(issue.Line, issue.EndLine),
                issue.EndColumn > 0 ? issue.EndColumn : null,
                issue.SourceLine.Length > 0 ? new(issue.SourceLine) : null)
            : null;
        var member = issue.Member.Length > 0 ? new[] { new SarifLogicalLocation(issue.Member, "member") } : null;

        return new SarifResult(
            issue.RuleId,
            ruleIndex,
            SarifLevels.FromSeverity(issue.Severity),
            new(issue.Message.Length > 0 ? issue.Message : issue.RuleId),
            [new SarifLocation(new SarifPhysicalLocation(artifact, region), member)],
            issue.Fingerprint.Length > 0 ? new Dictionary<string, string> { [FingerprintName] = issue.Fingerprint } : null,
            issue.Baseline switch
            {
                BaselineStatus.New => "new",
                BaselineStatus.Unchanged => "unchanged",
                BaselineStatus.Fixed => "absent",
                _ => null,
            },
            new(issue.Category, issue.Project.Length > 0 ? issue.Project : null, issue.WholeSolution ? Issue.SolutionScope : null));
    }
}
