using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PerfAnalyzers.EndToEnd.Tests;

/// <summary>A diagnostic as (file relative to the project, line, rule id).</summary>
public readonly record struct ExpectedDiagnostic(string File, int Line, string Id)
{
    public override string ToString() => $"{File}:{Line} {Id}";
}

/// <summary>Reads the <c>// PERFxxx</c> markers the sample puts on every line where a diagnostic is expected.</summary>
public static partial class SampleMarkers
{
    public static IReadOnlySet<ExpectedDiagnostic> Read(string projectDirectory)
    {
        var expected = new HashSet<ExpectedDiagnostic>();
        foreach (var path in Directory.EnumerateFiles(projectDirectory, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(projectDirectory, path).Replace('\\', '/');
            if (relative.StartsWith("obj/") || relative.StartsWith("bin/"))
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var marker = Marker().Match(lines[i]);
                if (!marker.Success)
                {
                    continue;
                }

                foreach (Capture id in marker.Groups["id"].Captures)
                {
                    expected.Add(new ExpectedDiagnostic(relative, i + 1, id.Value));
                }
            }
        }

        return expected;
    }

    /// <summary>
    /// PERF diagnostics from a build's SARIF 2.1 error log (<c>-p:ErrorLog=log.sarif%2Cversion=2.1</c>), which holds
    /// Info-severity results too; the console shows only warnings and errors.
    /// </summary>
    public static IReadOnlySet<ExpectedDiagnostic> FromSarif(string sarifPath, string projectDirectory)
    {
        var root = Path.GetFullPath(projectDirectory).TrimEnd('/') + "/";
        var found = new HashSet<ExpectedDiagnostic>();
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var id = result.GetProperty("ruleId").GetString()!;
                if (!id.StartsWith("PERF") || (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0))
                {
                    continue;
                }

                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var file = new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath;
                if (file.StartsWith(root))
                {
                    file = file[root.Length..];
                }

                found.Add(new ExpectedDiagnostic(file, location.GetProperty("region").GetProperty("startLine").GetInt32(), id));
            }
        }

        return found;
    }

    [GeneratedRegex(@"//(?:\s*(?<id>PERF\d{3}))+\s*$")]
    private static partial Regex Marker();
}
