using System.IO;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>The documented, versioned JSON report (schema: src/Report/Schemas/perf-report.schema.json). Also the baseline format.</summary>
public sealed class JsonReportWriter : IReportFormatter
{
    public const string SchemaName = "perf-report";
    public const string SchemaVersion = "1.0";
    public const string SchemaUri = "https://github.com/perfanalyzers/perfanalyzers/blob/main/src/Report/Schemas/perf-report.schema.json";

    public string Name => "json";

    public void Write(ReportModel report, Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("$schema", SchemaUri);
        w.WriteString("schema", SchemaName);
        w.WriteString("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", "perf-report");
        w.WriteString("version", report.ToolVersion);
        w.WriteEndObject();
        WriteStrings(w, "inputs", report.Inputs);
        w.WriteNumber("projects", report.ProjectCount);
        w.WriteNumber("total", report.Total);
        WriteRows(w, "bySeverity", report.BySeverity);
        WriteRows(w, "byCategory", report.ByCategory);
        w.WriteStartArray("byRule");
        foreach (var r in report.ByRule)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", r.RuleId);
            w.WriteString("title", r.Title);
            w.WriteString("category", r.Category);
            w.WriteString("severity", r.Severity.ToString());
            w.WriteNumber("count", r.Count);
            w.WriteNumber("percent", r.Percent);
            w.WriteBoolean("peer", r.IsPeer);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteRows(w, "topFiles", report.TopFiles);
        WriteRows(w, "topProjects", report.TopProjects);
        w.WriteStartArray("priorities");
        foreach (var p in report.Priorities)
        {
            w.WriteStartObject();
            w.WriteNumber("rank", p.Rank);
            w.WriteString("ruleId", p.RuleId);
            w.WriteString("title", p.Title);
            w.WriteString("category", p.Category);
            w.WriteNumber("count", p.Count);
            w.WriteNumber("score", p.Score);
            w.WriteString("fix", p.Fix);
            w.WriteBoolean("automaticFix", p.Automatic);
            w.WriteString("helpUri", p.HelpUri);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (report.Baseline is { } b)
        {
            w.WriteStartObject("baseline");
            w.WriteString("path", b.Path);
            w.WriteNumber("new", b.New);
            w.WriteNumber("unchanged", b.Unchanged);
            w.WriteNumber("fixed", b.Fixed);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("baseline");
        }

        w.WriteStartArray("issues");
        foreach (var issue in report.Issues)
        {
            WriteIssue(w, issue);
        }

        w.WriteEndArray();
        w.WriteStartArray("fixed");
        foreach (var issue in report.FixedIssues)
        {
            WriteIssue(w, issue);
        }

        w.WriteEndArray();
        w.WriteStartArray("skippedProjects");
        foreach (var s in report.SkippedProjects)
        {
            w.WriteStartObject();
            w.WriteString("path", s.Path);
            w.WriteString("reason", s.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("timings");
        foreach (var t in report.Timings)
        {
            w.WriteStartObject();
            w.WriteString("analyzer", t.Analyzer);
            WriteStrings(w, "rules", t.RuleIds);
            w.WriteNumber("milliseconds", System.Math.Round(t.Time.TotalMilliseconds, 1));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteStrings(w, "notes", report.Notes);
        w.WriteStartArray("rules");
        foreach (var rule in report.Rules.Values.Where(r => report.ByRule.Any(b => b.RuleId == r.Id) || !r.IsPeer))
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteString("title", rule.Title);
            w.WriteString("category", rule.Category);
            w.WriteString("defaultSeverity", rule.DefaultSeverity.ToString());
            w.WriteString("helpUri", rule.HelpUri);
            w.WriteString("fix", rule.Fix);
            w.WriteBoolean("automaticFix", rule.HasAutomaticFix);
            w.WriteBoolean("peer", rule.IsPeer);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteIssue(Utf8JsonWriter w, Issue issue)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", issue.RuleId);
        w.WriteString("severity", issue.Severity.ToString());
        w.WriteString("category", issue.Category);
        w.WriteString("message", issue.Message);
        w.WriteString("file", issue.FilePath);
        w.WriteNumber("line", issue.Line);
        w.WriteNumber("column", issue.Column);
        w.WriteNumber("endLine", issue.EndLine);
        w.WriteNumber("endColumn", issue.EndColumn);
        w.WriteString("member", issue.Member);
        w.WriteString("sourceLine", issue.SourceLine);
        w.WriteString("project", issue.Project);
        w.WriteBoolean("peer", issue.IsPeer);
        w.WriteString("fingerprint", issue.Fingerprint);
        if (issue.Baseline != BaselineStatus.None)
        {
            w.WriteString("baseline", issue.Baseline.ToString().ToLowerInvariant());
        }

        w.WriteEndObject();
    }

    private static void WriteRows(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<CountRow> rows)
    {
        w.WriteStartArray(name);
        foreach (var r in rows)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            w.WriteNumber("count", r.Count);
            w.WriteNumber("percent", r.Percent);
            if (r.IsPeer)
            {
                w.WriteBoolean("peer", true);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
