using System;
using System.IO;

namespace PerfAnalyzers.Report.Model;

/// <summary>Paths in reports are relative to the root (usually the current directory) with forward slashes, so fingerprints match across machines.</summary>
public static class PathDisplay
{
    public static string Relative(string root, string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(root, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return full.Replace('\\', '/');
        }

        return relative.Replace('\\', '/');
    }
}
