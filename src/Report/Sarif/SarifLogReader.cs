using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Analysis;
using PerfAnalyzers.Report.Baselines;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Sarif;

/// <summary>
/// Reads SARIF 2.1 logs (as written by <c>dotnet build -p:ErrorLog=file.sarif%2Cversion=2.1</c>) one result at a time,
/// merging several logs and dropping duplicates (the same diagnostic from two target frameworks or two shards).
/// </summary>
public sealed class SarifLogReader
{
    private readonly bool _includePeers;
    private readonly string _root;
    private readonly SourceFiles _sources = new();
    private readonly ProjectFinder _projects = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _inputs = new();
    private readonly List<Issue> _issues = new();
    private readonly Dictionary<string, RuleInfo> _rules = new(RuleAssemblies.Rules, StringComparer.Ordinal);
    private int _ignoredPeers;
    private int _duplicates;

    /// <summary>Largest read buffer used so far, in bytes (tests check that logs are streamed).</summary>
    public int LargestBuffer { get; private set; }

    public SarifLogReader(bool includePeers, string root)
    {
        _includePeers = includePeers;
        _root = root;
    }

    public void Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ReportInputException(Directory.Exists(path) ? $"SARIF log '{path}' is a folder, not a file" : $"SARIF log '{path}' does not exist");
        }

        _inputs.Add(PathDisplay.Relative(_root, path));
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
            throw new ReportInputException($"SARIF log '{path}' is not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {SarifElements.Reason(e)}");
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

    /// <summary>Everything read so far, with closing notes on ignored peer results and merged duplicates.</summary>
    public CollectedIssues Finish()
    {
        var notes = new List<string>();
        if (_ignoredPeers > 0)
        {
            notes.Add($"{_ignoredPeers} result(s) of other analyzers not counted (add --include-peers to count them).");
        }

        if (_duplicates > 0)
        {
            notes.Add($"{_duplicates} duplicate result(s) merged across SARIF logs and target frameworks.");
        }

        return new CollectedIssues
        {
            Inputs = _inputs.ToList(),
            Issues = _issues.ToList(),
            Rules = new Dictionary<string, RuleInfo>(_rules, StringComparer.Ordinal),
            Notes = notes,
            ProjectCount = _issues.Select(i => i.Project).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).Count(),
        };
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

        if (SarifElements.IsSuppressed(result))
        {
            return;
        }

        // A result that was in the baseline and is gone is not a finding of this log.
        if (SarifElements.Str(result, "baselineState") == "absent")
        {
            return;
        }

        var ruleId = SarifElements.Str(result, "ruleId");
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

        var level = SarifElements.Str(result, "level") ?? rule?.DefaultLevel;
        var message = result.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? SarifElements.Str(m, "text") ?? "" : "";
        var (uri, line, column, endLine, endColumn) = SarifElements.Location(result);
        var localPath = SarifElements.ResolvePath(uri, baseIds);

        var key = string.Join("\u001f", ruleId, localPath ?? uri ?? "", line, column, endLine, endColumn, message);
        if (!_seen.Add(key))
        {
            _duplicates++;
            return;
        }

        var (member, sourceLine) = localPath is null ? ("", "") : _sources.Describe(localPath, line, column);
        var category = ours ? ourRule!.Category : SarifRuleMetadata.PeerCategory(rule);
        if (!ours && !_rules.ContainsKey(ruleId))
        {
            _rules[ruleId] = SarifRuleMetadata.PeerRule(ruleId, rule);
        }

        var filePath = localPath is null ? uri ?? "" : PathDisplay.Relative(_root, localPath);
        _issues.Add(new Issue
        {
            RuleId = ruleId,
            Severity = SarifLevels.ToSeverity(level),
            Category = category,
            Message = message,
            FilePath = filePath,
            Line = line,
            Column = column,
            EndLine = endLine,
            EndColumn = endColumn,
            Member = member,
            SourceLine = sourceLine,
            Project = localPath is null ? "" : _projects.Find(localPath),
            IsPeer = !ours,
            Fingerprint = Fingerprint.Compute(ruleId, filePath, member, sourceLine),
        });
    }
}
