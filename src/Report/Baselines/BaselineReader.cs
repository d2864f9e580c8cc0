using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Output;

namespace PerfAnalyzers.Report.Baselines;

/// <summary>Reads the issues of a previous <c>--format json</c> report, refusing anything else with a one-line reason.</summary>
public static class BaselineReader
{
    public static List<Issue> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ReportInputException($"baseline '{path}' does not exist");
        }

        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new ReportInputException($"baseline '{path}' is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }
        catch (IOException e)
        {
            throw new ReportInputException($"baseline '{path}' cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ReportInputException($"baseline '{path}' cannot be read: access denied");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != JsonReportWriter.SchemaName)
            {
                throw new ReportInputException($"baseline '{path}' is not a perf-report JSON report (expected \"schema\": \"{JsonReportWriter.SchemaName}\"; write one with --format json)");
            }

            var version = root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
            if (!version.StartsWith("1.", StringComparison.Ordinal))
            {
                throw new ReportInputException($"baseline '{path}' has schemaVersion '{version}'; this perf-report reads schema version 1.x");
            }

            if (!root.TryGetProperty("issues", out var issues) || issues.ValueKind != JsonValueKind.Array)
            {
                throw new ReportInputException($"baseline '{path}' has no \"issues\" array");
            }

            var result = new List<Issue>();
            var index = 0;
            foreach (var item in issues.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !TryString(item, "ruleId", out var ruleId)
                    || !TryString(item, "fingerprint", out var fingerprint))
                {
                    throw new ReportInputException($"baseline '{path}': issues[{index}] lacks \"ruleId\" or \"fingerprint\"");
                }

                result.Add(new Issue
                {
                    RuleId = ruleId,
                    Fingerprint = fingerprint,
                    Severity = TryString(item, "severity", out var s) && Enum.TryParse<IssueSeverity>(s, out var sev) ? sev : IssueSeverity.Warning,
                    Category = TryString(item, "category", out var c) ? c : "",
                    Message = TryString(item, "message", out var m) ? m : "",
                    FilePath = TryString(item, "file", out var f) ? f : "",
                    Line = TryInt(item, "line"),
                    Column = TryInt(item, "column"),
                    EndLine = TryInt(item, "endLine"),
                    EndColumn = TryInt(item, "endColumn"),
                    Member = TryString(item, "member", out var mem) ? mem : "",
                    SourceLine = TryString(item, "sourceLine", out var src) ? src : "",
                    Project = TryString(item, "project", out var p) ? p : "",
                    IsPeer = item.TryGetProperty("peer", out var peer) && peer.ValueKind == JsonValueKind.True,
                });
                index++;
            }

            return result;
        }
    }

    private static bool TryString(JsonElement element, string name, out string value)
    {
        if (element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String)
        {
            value = p.GetString() ?? "";
            return true;
        }

        value = "";
        return false;
    }

    private static int TryInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var i) ? i : 0;
}
