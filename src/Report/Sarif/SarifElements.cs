using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace PerfAnalyzers.Report.Sarif;

/// <summary>Typed, forgiving reads of SARIF result fields: a missing or mistyped field reads as absent, never as an error.</summary>
internal static class SarifElements
{
    public static bool IsSuppressed(JsonElement result)
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

    public static (string? Uri, int Line, int Column, int EndLine, int EndColumn) Location(JsonElement result)
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
    public static string? ResolvePath(string? uri, Dictionary<string, string> baseIds)
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

    public static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message.Substring(0, cut);
        }

        return message.Replace('\r', ' ').Replace('\n', ' ').Trim();
    }

    public static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public static int Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var i) ? i : 0;
}
