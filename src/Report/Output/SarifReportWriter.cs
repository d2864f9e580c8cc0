using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Analysis;
using PerfAnalyzers.Report.Model;

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

    public void Write(ReportModel report, Stream stream)
    {
        var results = report.Issues.Take(_maxResults).ToList();
        var truncated = report.Issues.Count > results.Count;
        var ruleIds = report.Rules.Values.Where(r => !r.IsPeer).Select(r => r.Id)
            .Concat(results.Select(r => r.RuleId))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(id => report.Rules.TryGetValue(id, out var r) && r.IsPeer)
            .ThenBy(id => id, StringComparer.Ordinal)
            .ToList();
        var ruleIndex = ruleIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);

        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();

        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "PerfAnalyzers");
        w.WriteString("fullName", "PerfAnalyzers perf-report");
        w.WriteString("version", report.ToolVersion);
        w.WriteString("semanticVersion", report.ToolVersion);
        w.WriteString("informationUri", "https://github.com/perfanalyzers/perfanalyzers");
        w.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            report.Rules.TryGetValue(id, out var rule);
            WriteRule(w, id, rule);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartObject("automationDetails");
        w.WriteString("id", "perf-report/");
        w.WriteEndObject();

        w.WriteStartObject("originalUriBaseIds");
        w.WriteStartObject("SRCROOT");
        w.WriteString("uri", _rootUri);
        w.WriteEndObject();
        w.WriteEndObject();

        w.WriteStartArray("invocations");
        w.WriteStartObject();
        w.WriteBoolean("executionSuccessful", true);
        var notes = new List<(string Level, string Text)>();
        if (truncated)
        {
            notes.Add(("warning", $"{report.Issues.Count} results found; only the {results.Count} most severe are included (code-scanning upload limit of {MaxResults} results per run). See the JSON or HTML report for all of them."));
        }

        notes.AddRange(report.SkippedProjects.Select(s => ("warning", $"Project {s.Path} was skipped: {s.Reason}")));
        notes.AddRange(report.Notes.Select(n => ("note", n)));
        if (notes.Count > 0)
        {
            w.WriteStartArray("toolExecutionNotifications");
            foreach (var (level, text) in notes)
            {
                w.WriteStartObject();
                w.WriteString("level", level);
                w.WriteStartObject("message");
                w.WriteString("text", text);
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("results");
        foreach (var issue in results)
        {
            WriteResult(w, issue, ruleIndex[issue.RuleId]);
        }

        w.WriteEndArray();

        w.WriteString("columnKind", "utf16CodeUnits");
        w.WriteStartObject("properties");
        w.WriteNumber("totalResults", report.Issues.Count);
        w.WriteBoolean("truncated", truncated);
        w.WriteEndObject();

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter w, string id, RuleInfo? rule)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        if (rule is not null)
        {
            if (rule.Title.Length > 0)
            {
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Title);
                w.WriteEndObject();
            }

            if (rule.Description.Length > 0)
            {
                w.WriteStartObject("fullDescription");
                w.WriteString("text", rule.Description);
                w.WriteEndObject();
            }

            if (Uri.TryCreate(rule.HelpUri, UriKind.Absolute, out var help))
            {
                w.WriteString("helpUri", help.AbsoluteUri);
            }

            if (rule.Fix.Length > 0)
            {
                w.WriteStartObject("help");
                w.WriteString("text", rule.Fix);
                w.WriteEndObject();
            }

            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", SeverityMapping.ToSarifLevel(rule.DefaultSeverity));
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("category", rule.Category);
            w.WriteStartArray("tags");
            w.WriteStringValue("performance");
            if (rule.Category.Length > 0)
            {
                w.WriteStringValue(rule.Category);
            }

            w.WriteEndArray();
            w.WriteBoolean("automaticFix", rule.HasAutomaticFix);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Issue issue, int ruleIndex)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", issue.RuleId);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", SeverityMapping.ToSarifLevel(issue.Severity));
        w.WriteStartObject("message");
        w.WriteString("text", issue.Message.Length > 0 ? issue.Message : issue.RuleId);
        w.WriteEndObject();

        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(issue.FilePath))
        {
            w.WriteString("uri", new Uri(issue.FilePath).AbsoluteUri);
        }
        else
        {
            w.WriteString("uri", string.Join("/", issue.FilePath.Split('/').Select(Uri.EscapeDataString)));
            w.WriteString("uriBaseId", "SRCROOT");
        }

        w.WriteEndObject();
        if (issue.Line > 0)
        {
            w.WriteStartObject("region");
            w.WriteNumber("startLine", issue.Line);
            w.WriteNumber("startColumn", Math.Max(1, issue.Column));
            w.WriteNumber("endLine", Math.Max(issue.Line, issue.EndLine));
            if (issue.EndColumn > 0)
            {
                w.WriteNumber("endColumn", issue.EndColumn);
            }

            if (issue.SourceLine.Length > 0)
            {
                w.WriteStartObject("snippet");
                w.WriteString("text", issue.SourceLine);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        if (issue.Member.Length > 0)
        {
            w.WriteStartArray("logicalLocations");
            w.WriteStartObject();
            w.WriteString("fullyQualifiedName", issue.Member);
            w.WriteString("kind", "member");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndArray();

        if (issue.Fingerprint.Length > 0)
        {
            w.WriteStartObject("partialFingerprints");
            w.WriteString(FingerprintName, issue.Fingerprint);
            w.WriteEndObject();
        }

        if (issue.Baseline is BaselineStatus.New or BaselineStatus.Unchanged)
        {
            w.WriteString("baselineState", issue.Baseline == BaselineStatus.New ? "new" : "unchanged");
        }

        w.WriteStartObject("properties");
        w.WriteString("category", issue.Category);
        if (issue.Project.Length > 0)
        {
            w.WriteString("project", issue.Project);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
