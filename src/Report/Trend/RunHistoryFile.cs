using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Trend;

/// <summary>
/// The --history file: one JSON line per run (time, commit, counts by severity, category and rule). Reading skips a
/// corrupt line with a warning naming it; appending keeps every existing byte (corrupt lines too) and replaces the
/// file in one rename, so a crash never leaves half a file.
/// </summary>
public static class RunHistoryFile
{
    public static (List<RecordedRun> Runs, List<string> Warnings) Read(string path)
    {
        var runs = new List<RecordedRun>();
        var warnings = new List<string>();
        if (!File.Exists(path))
        {
            return (runs, warnings);
        }

        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            HistoryLine? line = null;
            try
            {
                line = JsonSerializer.Deserialize(lines[i], HistoryJsonContext.Default.HistoryLine);
            }
            catch (JsonException)
            {
            }

            if (line is null || line.Time == default || line.BySeverity is null)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} line {i + 1} is not a run summary; skipped (the file is left as it is)."));
                continue;
            }

            runs.Add(new RecordedRun(line.Time, line.Commit ?? "", line.Total, line.BySeverity, line.ByCategory ?? new Dictionary<string, int>(), line.ByRule ?? new Dictionary<string, int>()));
        }

        return (runs, warnings);
    }

    public static void Append(string path, RecordedRun run)
    {
        var line = JsonSerializer.Serialize(
            new HistoryLine
            {
                Time = run.Time,
                Commit = run.Commit,
                Total = run.Total,
                BySeverity = run.BySeverity.ToDictionary(p => p.Key, p => p.Value),
                ByCategory = run.ByCategory.ToDictionary(p => p.Key, p => p.Value),
                ByRule = run.ByRule.ToDictionary(p => p.Key, p => p.Value),
            },
            HistoryJsonContext.Default.HistoryLine);
        var full = Path.GetFullPath(path);
        var existing = File.Exists(full) ? File.ReadAllBytes(full) : Array.Empty<byte>();
        var temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(existing);
                if (existing.Length > 0 && existing[^1] != (byte)'\n')
                {
                    stream.WriteByte((byte)'\n');
                }

                stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

/// <summary>One line of the history file.</summary>
public sealed record HistoryLine
{
    public DateTimeOffset Time { get; init; }

    public string? Commit { get; init; }

    public int Total { get; init; }

    public Dictionary<string, int>? BySeverity { get; init; }

    public Dictionary<string, int>? ByCategory { get; init; }

    public Dictionary<string, int>? ByRule { get; init; }
}

/// <summary>Source-generated serialization of history lines (one line each, not indented).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HistoryLine))]
public sealed partial class HistoryJsonContext : JsonSerializerContext
{
}
