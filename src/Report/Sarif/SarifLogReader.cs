using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using PerfAnalyzers.Report.Analysis;
using PerfAnalyzers.Report.Cli;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Sarif;

/// <summary>
/// Reads SARIF 2.1 logs (as written by <c>dotnet build -p:ErrorLog=file.sarif%2Cversion=2.1</c>) one result at a time,
/// merging several logs and dropping duplicates (the same diagnostic from two target frameworks or two shards).
/// </summary>
public sealed class SarifLogReader
{
    private readonly AnalysisResult _result;
    private readonly bool _includePeers;
    private readonly string _root;
    private readonly SourceFiles _sources = new();
    private readonly ProjectFinder _projects = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _ignoredPeers;
    private int _duplicates;

    /// <summary>Largest read buffer used so far, in bytes (tests check that logs are streamed).</summary>
    public int LargestBuffer { get; private set; }

    public SarifLogReader(AnalysisResult result, bool includePeers, string root)
    {
        _result = result;
        _includePeers = includePeers;
        _root = root;
    }

    public void Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ReportInputException(Directory.Exists(path) ? $"SARIF log '{path}' is a folder, not a file" : $"SARIF log '{path}' does not exist");
        }

        _result.Inputs.Add(PathDisplay.Relative(_root, path));
        if (new FileInfo(path).Length == 0)
        {
            throw new ReportInputException($"SARIF log '{path}' is empty");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var reader = new StreamingJsonReader(stream);
            try
            {
                ReadLog(reader, path);
            }
            finally
            {
                LargestBuffer = System.Math.Max(LargestBuffer, reader.BufferSize);
            }
        }
        catch (JsonException e)
        {
            throw new ReportInputException($"SARIF log '{path}' is not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {Reason(e)}");
        }
        catch (IOException e)
        {
            throw new ReportInputException($"SARIF log '{path}' cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new ReportInputException($"SARIF log '{path}' cannot be read: access denied");
        }
    }

    /// <summary>Adds the closing notes (ignored peer results, merged duplicates) once all logs are read.</summary>
    public void Finish()
    {
        if (_ignoredPeers > 0)
        {
            _result.Notes.Add($"{_ignoredPeers} result(s) of other analyzers not counted (add --include-peers to count them).");
        }

        if (_duplicates > 0)
        {
            _result.Notes.Add($"{_duplicates} duplicate result(s) merged across SARIF logs and target frameworks.");
        }
    }

    private void ReadLog(StreamingJsonReader reader, string path)
    {
        if (!reader.Read())
        {
            throw new ReportInputException($"SARIF log '{path}' is empty");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ReportInputException($"SARIF log '{path}' does not start with a JSON object (line 1)");
        }

        var sawRuns = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.StringValue;
            reader.Read();
            switch (name)
            {
                case "version":
                    if (reader.StringValue != "2.1.0")
                    {
                        throw new ReportInputException($"SARIF log '{path}' has version '{reader.StringValue}'; perf-report reads SARIF 2.1.0 (build with -p:ErrorLog=file.sarif%2Cversion=2.1)");
                    }

                    break;
                case "runs" when reader.TokenType == JsonTokenType.StartArray:
                    sawRuns = true;
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        ReadRun(reader, path);
                    }

                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        if (!sawRuns)
        {
            throw new ReportInputException($"SARIF log '{path}' has no \"runs\" array; is it a SARIF file?");
        }
    }

    private void ReadRun(StreamingJsonReader reader, string path)
    {
        var pending = new List<JsonDocument>();
        var rules = new SarifRules();
        var baseIds = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.StringValue;
                reader.Read();
                switch (name)
                {
                    case "tool" when reader.TokenType == JsonTokenType.StartObject:
                        using (var tool = reader.ReadValue())
                        {
                            rules.Load(tool.RootElement);
                        }

                        break;
                    case "originalUriBaseIds" when reader.TokenType == JsonTokenType.StartObject:
                        using (var bases = reader.ReadValue())
                        {
                            foreach (var property in bases.RootElement.EnumerateObject())
                            {
                                if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String)
                                {
                                    baseIds[property.Name] = uri.GetString()!;
                                }
                            }
                        }

                        break;
                    case "results" when reader.TokenType == JsonTokenType.StartArray:
                        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                        {
                            var result = reader.ReadValue();
                            if (rules.Loaded)
                            {
                                AddResult(result.RootElement, rules, baseIds, path);
                                result.Dispose();
                            }
                            else
                            {
                                // Roslyn writes results before the tool section, so rule metadata arrives last; keep only results until then.
                                pending.Add(result);
                            }
                        }

                        break;
                    default:
                        reader.SkipValue();
                        break;
                }
            }

            foreach (var result in pending)
            {
                AddResult(result.RootElement, rules, baseIds, path);
            }
        }
        finally
        {
            foreach (var result in pending)
            {
                result.Dispose();
            }
        }
    }

    private void AddResult(JsonElement result, SarifRules rules, Dictionary<string, string> baseIds, string path)
    {
        if (result.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() is "pass" or "notApplicable" or "informational")
        {
            return;
        }

        if (IsSuppressed(result))
        {
            return;
        }

        var ruleId = Str(result, "ruleId");
        var rule = rules.Find(ruleId, result.TryGetProperty("ruleIndex", out var ri) && ri.ValueKind == JsonValueKind.Number && ri.TryGetInt32(out var index) ? index : -1);
        ruleId ??= rule?.Id;
        if (string.IsNullOrEmpty(ruleId))
        {
            return;
        }

        var ours = RuleAssemblies.Rules.TryGetValue(ruleId, out var ourRule);
        if (!ours)
        {
            if (rule?.Category == "Compiler")
            {
                return;
            }

            if (!_includePeers)
            {
                _ignoredPeers++;
                return;
            }
        }

        var level = Str(result, "level") ?? rule?.DefaultLevel;
        var message = result.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? Str(m, "text") ?? "" : "";
        var (uri, line, column, endLine, endColumn) = Location(result);
        var localPath = ResolvePath(uri, baseIds);

        var key = string.Join("\u001f", ruleId, localPath ?? uri ?? "", line, column, endLine, endColumn, message);
        if (!_seen.Add(key))
        {
            _duplicates++;
            return;
        }

        var (member, sourceLine) = localPath is null ? ("", "") : _sources.Describe(localPath, line, column);
        var category = ours ? ourRule!.Category : rule?.Category ?? "";
        if (!ours)
        {
            if (category.Length == 0)
            {
                category = "Other";
            }

            if (!_result.Rules.ContainsKey(ruleId))
            {
                _result.Rules[ruleId] = new RuleInfo
                {
                    Id = ruleId,
                    Title = rule?.Title ?? "",
                    Category = category,
                    HelpUri = rule?.HelpUri ?? "",
                    Description = rule?.Description ?? "",
                    IsPeer = true,
                    DefaultSeverity = SeverityMapping.FromSarifLevel(rule?.DefaultLevel),
                };
            }
        }

        _result.Issues.Add(new Issue
        {
            RuleId = ruleId,
            Severity = SeverityMapping.FromSarifLevel(level),
            Category = category,
            Message = message,
            FilePath = localPath is null ? uri ?? "" : PathDisplay.Relative(_root, localPath),
            Line = line,
            Column = column,
            EndLine = endLine,
            EndColumn = endColumn,
            Member = member,
            SourceLine = sourceLine,
            Project = localPath is null ? "" : _projects.Find(localPath),
            IsPeer = !ours,
        });
    }

    private static bool IsSuppressed(JsonElement result)
    {
        if (!result.TryGetProperty("suppressions", out var suppressions) || suppressions.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var s in suppressions.EnumerateArray())
        {
            var status = s.ValueKind == JsonValueKind.Object ? Str(s, "status") : null;
            if (status is null or "accepted")
            {
                return true;
            }
        }

        return false;
    }

    private static (string? Uri, int Line, int Column, int EndLine, int EndColumn) Location(JsonElement result)
    {
        if (!result.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Array || locations.GetArrayLength() == 0)
        {
            return (null, 0, 0, 0, 0);
        }

        var first = locations[0];
        if (first.ValueKind != JsonValueKind.Object || !first.TryGetProperty("physicalLocation", out var physical) || physical.ValueKind != JsonValueKind.Object)
        {
            return (null, 0, 0, 0, 0);
        }

        string? uri = null;
        if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.ValueKind == JsonValueKind.Object)
        {
            uri = Str(artifact, "uri");
            if (uri is not null && Str(artifact, "uriBaseId") is { } baseId)
            {
                uri = "%" + baseId + "%" + uri;
            }
        }

        if (!physical.TryGetProperty("region", out var region) || region.ValueKind != JsonValueKind.Object)
        {
            return (uri, 0, 0, 0, 0);
        }

        var line = Int(region, "startLine");
        var column = Int(region, "startColumn");
        var endLine = Int(region, "endLine");
        var endColumn = Int(region, "endColumn");
        return (uri, line, column == 0 ? 1 : column, endLine == 0 ? line : endLine, endColumn);
    }

    /// <summary>A local file path for the URI, resolving <c>uriBaseId</c>s; null when it does not name a local file.</summary>
    private static string? ResolvePath(string? uri, Dictionary<string, string> baseIds)
    {
        if (uri is null)
        {
            return null;
        }

        if (uri.StartsWith('%'))
        {
            var end = uri.IndexOf('%', 1);
            var baseId = uri.Substring(1, end - 1);
            var rest = uri.Substring(end + 1);
            if (!baseIds.TryGetValue(baseId, out var baseUri))
            {
                return Path.GetFullPath(Uri.UnescapeDataString(rest));
            }

            uri = baseUri.TrimEnd('/') + "/" + rest;
        }

        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute))
        {
            return absolute.IsFile ? absolute.LocalPath : null;
        }

        return Path.GetFullPath(Uri.UnescapeDataString(uri));
    }

    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message.Substring(0, cut);
        }

        return message.Replace('\r', ' ').Replace('\n', ' ').Trim();
    }

    internal static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var i) ? i : 0;
}
