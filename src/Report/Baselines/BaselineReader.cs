using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Json;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Baselines;

/// <summary>Reads the issues of a previous <c>--format json</c> report, refusing anything else with a one-line reason.</summary>
public static class BaselineReader
{
    public static List<Issue> Read(string path)
    {
        var bytes = ReadBytes(path);
        var header = Deserialize(path, bytes, PerfReportJsonContext.Default.PerfReportHeader, asHeader: true);
        if (header?.Schema != PerfReportDocument.SchemaName)
        {
            throw NotAReport(path);
        }

        var version = header.SchemaVersion ?? "";
        if (!version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new ReportInputException($"baseline '{path}' has schemaVersion '{version}'; this perf-report reads schema version 1.x");
        }

        var document = Deserialize(path, bytes, PerfReportJsonContext.Default.PerfReportDocument, asHeader: false);
        if (document?.Issues is not { } issues)
        {
            throw new ReportInputException($"baseline '{path}' has no \"issues\" array");
        }

        return issues.Select((issue, index) => ToIssue(path, issue, index)).ToList();
    }

    private static Issue ToIssue(string path, JsonIssue? issue, int index)
    {
        if (issue is null || issue.RuleId.Length == 0 || issue.Fingerprint.Length == 0)
        {
            throw new ReportInputException($"baseline '{path}': issues[{index}] lacks \"ruleId\" or \"fingerprint\"");
        }

        return new Issue
        {
            RuleId = issue.RuleId,
            Fingerprint = issue.Fingerprint,
            Severity = Enum.TryParse<IssueSeverity>(issue.Severity, out var severity) ? severity : IssueSeverity.Warning,
            Category = issue.Category,
            Message = issue.Message,
            FilePath = issue.File,
            Line = issue.Line,
            Column = issue.Column,
            EndLine = issue.EndLine,
            EndColumn = issue.EndColumn,
            Member = issue.Member,
            SourceLine = issue.SourceLine,
            Project = issue.Project,
            IsPeer = issue.Peer,
            WholeSolution = issue.Scope == Issue.SolutionScope,
        };
    }

    private static byte[] ReadBytes(string path)
    {
        if (!File.Exists(path))
        {
            throw new ReportInputException($"baseline '{path}' does not exist");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new ReportInputException($"baseline '{path}' cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ReportInputException($"baseline '{path}' cannot be read: access denied");
        }
    }

    private static T? Deserialize<T>(string path, byte[] bytes, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, bool asHeader)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException e) when (e.InnerException is JsonException)
        {
            // The serializer wraps the reader's syntax errors; a bare JsonException is a value of the wrong type.
            throw new ReportInputException($"baseline '{path}' is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }
        catch (JsonException e)
        {
            throw asHeader ? NotAReport(path) : new ReportInputException($"baseline '{path}' does not follow the perf-report schema at {e.Path}");
        }
    }

    private static ReportInputException NotAReport(string path) =>
        new($"baseline '{path}' is not a perf-report JSON report (expected \"schema\": \"{PerfReportDocument.SchemaName}\"; write one with --format json)");
}
