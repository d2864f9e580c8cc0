using System;
using System.Security.Cryptography;
using System.Text;

namespace PerfAnalyzers.Report.Baselines;

/// <summary>
/// Identity of an issue that survives line shifts and unrelated edits: rule + file + enclosing member + the source line
/// with whitespace collapsed. Line and column numbers are deliberately left out.
/// </summary>
public static class Fingerprint
{
    public const string Version = "v1";

    public static string Compute(string ruleId, string filePath, string member, string sourceLine)
    {
        var payload = string.Join("\u001f", Version, ruleId, filePath.Replace('\\', '/'), member, NormaliseLine(sourceLine));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(payload));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }

    /// <summary>Collapses every whitespace run to one space and trims, so re-indentation does not change identity.</summary>
    public static string NormaliseLine(string line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
