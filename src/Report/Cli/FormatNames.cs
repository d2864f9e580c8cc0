using System.IO;

namespace PerfAnalyzers.Report.Cli;

/// <summary>Format names as users type them, and the format a file's extension implies.</summary>
internal static class FormatNames
{
    /// <summary>The canonical name, or null when the format is unknown.</summary>
    public static string? Normalise(string format) => format.ToLowerInvariant() switch
    {
        "md" or "markdown" => "markdown",
        "text" or "console" => "console",
        "json" => "json",
        "sarif" => "sarif",
        "html" => "html",
        "github" => "github",
        "codequality" or "gitlab" => "codequality",
        _ => null,
    };

    public static string? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => "json",
        ".sarif" => "sarif",
        ".html" or ".htm" => "html",
        ".md" or ".markdown" => "markdown",
        ".txt" => "console",
        _ => null,
    };
}
