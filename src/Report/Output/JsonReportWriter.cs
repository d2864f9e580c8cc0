using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Json;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>The documented, versioned JSON report: the report model mapped onto the contract the baseline reader reads back.</summary>
public sealed class JsonReportWriter : IReportFormatter
{
    public string Name => "json";

    public void Write(ReportModel report, Stream stream) =>
        JsonSerializer.Serialize(stream, ToDocument(report), PerfReportJsonContext.Default.PerfReportDocument);

    public static PerfReportDocument ToDocument(ReportModel report) => new()
    {
        SchemaUrl = PerfReportDocument.SchemaUri,
        Schema = PerfReportDocument.SchemaName,
        SchemaVersion = PerfReportDocument.CurrentSchemaVersion,
        Tool = new JsonTool { Version = report.ToolVersion },
        Inputs = report.Inputs,
        Projects = report.ProjectCount,
        Total = report.Total,
        BySeverity = report.BySeverity.Select(ToJson).ToList(),
        ByCategory = report.ByCategory.Select(ToJson).ToList(),
        ByRule = report.ByRule.Select(r => new JsonRuleRow
        {
            RuleId = r.RuleId,
            Title = r.Title,
            Category = r.Category,
            Severity = r.Severity.ToString(),
            Count = r.Count,
            Percent = r.Percent,
            Peer = r.IsPeer,
        }).ToList(),
        TopFiles = report.TopFiles.Select(ToJson).ToList(),
        TopProjects = report.TopProjects.Select(ToJson).ToList(),
        Priorities = report.Priorities.Select(p => new JsonPriority
        {
            Rank = p.Rank,
            RuleId = p.RuleId,
            Title = p.Title,
            Category = p.Category,
            Count = p.Count,
            Score = p.Score,
            Fix = p.Fix,
            AutomaticFix = p.Automatic,
            HelpUri = p.HelpUri,
        }).ToList(),
        Hotspots = report.Hotspots?.Rows.Select(h => new JsonHotspot { Path = h.Path, Commits = h.Commits, Issues = h.Issues, Score = h.Score }).ToList(),
        Owners = report.Owners?.Select(o => new JsonOwner
        {
            Owner = o.Owner,
            Issues = o.Issues,
            BySeverity = new JsonSeverityCounts { Error = o.Errors, Warning = o.Warnings, Info = o.Infos, Hidden = o.Hidden },
        }).ToList(),
        Baseline = report.Baseline is { } b ? new JsonBaselineSummary { Path = b.Path, New = b.New, Unchanged = b.Unchanged, Fixed = b.Fixed } : null,
        Issues = report.Issues.Select(ToJson).ToList(),
        Fixed = report.FixedIssues.Select(ToJson).ToList(),
        SkippedProjects = report.SkippedProjects.Select(s => new JsonSkippedProject { Path = s.Path, Reason = s.Reason }).ToList(),
        Timings = report.Timings.Select(t => new JsonTiming { Analyzer = t.Analyzer, Rules = t.RuleIds, Milliseconds = Math.Round(t.Time.TotalMilliseconds, 1) }).ToList(),
        Notes = report.Notes,
        Rules = report.ListedRules.Select(r => new JsonRule
        {
            Id = r.Id,
            Title = r.Title,
            Category = r.Category,
            DefaultSeverity = r.DefaultSeverity.ToString(),
            HelpUri = r.HelpUri,
            Fix = r.Fix,
            AutomaticFix = r.HasAutomaticFix,
            Peer = r.IsPeer,
        }).ToList(),
    };

    private static JsonCountRow ToJson(CountRow row) => new() { Name = row.Name, Count = row.Count, Percent = row.Percent, Peer = row.IsPeer };

    private static JsonIssue ToJson(Issue issue) => new()
    {
        RuleId = issue.RuleId,
        Severity = issue.Severity.ToString(),
        Category = issue.Category,
        Message = issue.Message,
        File = issue.FilePath,
        Line = issue.Line,
        Column = issue.Column,
        EndLine = issue.EndLine,
        EndColumn = issue.EndColumn,
        Member = issue.Member,
        SourceLine = issue.SourceLine,
        Project = issue.Project,
        Peer = issue.IsPeer,
        Scope = issue.WholeSolution ? Issue.SolutionScope : null,
        Fingerprint = issue.Fingerprint,
        Baseline = issue.Baseline == BaselineStatus.None ? null : issue.Baseline.ToString().ToLowerInvariant(),
    };
}
