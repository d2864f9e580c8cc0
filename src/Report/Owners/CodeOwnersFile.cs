using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfAnalyzers.Report.Owners;

/// <summary>
/// A CODEOWNERS file with GitHub's rules: '#' comments, one pattern and its owners per line, the LAST matching
/// pattern wins, gitignore-style patterns ('*' within a segment, '**' across segments, a leading '/' anchors to the
/// root, a trailing '/' means everything under a directory, "dir/*" only the files directly in it). Lines GitHub
/// would not accept are skipped with a warning naming them; the rest are used.
/// </summary>
public sealed class CodeOwnersFile
{
    /// <summary>Where GitHub and GitLab look, in the order GitHub does.</summary>
    public static readonly string[] UsualPlaces = { ".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS" };

    private static readonly Regex Owner = new(@"^(@[A-Za-z0-9][A-Za-z0-9_.\-]*(/[A-Za-z0-9_.\-]+)?|[^@\s]+@[^@\s]+\.[^@\s]+)$", RegexOptions.CultureInvariant);

    private readonly List<(Regex Pattern, IReadOnlyList<string> Owners)> _rules;

    private CodeOwnersFile(List<(Regex, IReadOnlyList<string>)> rules, IReadOnlyList<string> warnings)
    {
        _rules = rules;
        Warnings = warnings;
    }

    public IReadOnlyList<string> Warnings { get; }

    public static CodeOwnersFile Parse(string text, string name = "CODEOWNERS")
    {
        var rules = new List<(Regex, IReadOnlyList<string>)>();
        var warnings = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var pattern = parts[0].Replace("\\#", "#", StringComparison.Ordinal);
            var owners = parts.Skip(1).ToList();
            var problem = pattern.StartsWith('!') ? "negated patterns are not supported"
                : pattern.Contains('[', StringComparison.Ordinal) ? "character ranges are not supported"
                : owners.FirstOrDefault(o => !Owner.IsMatch(o)) is { } bad ? $"'{bad}' is not an @user, @org/team or e-mail address"
                : null;
            if (problem is not null)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{name} line {i + 1} skipped: {problem}: {lines[i].Trim()}"));
                continue;
            }

            rules.Add((ToRegex(pattern), owners));
        }

        return new CodeOwnersFile(rules, warnings);
    }

    /// <summary>The owners of a path relative to the repository root ('/'-separated); empty when none.</summary>
    public IReadOnlyList<string> OwnersOf(string path)
    {
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            if (_rules[i].Pattern.IsMatch(path))
            {
                return _rules[i].Owners;
            }
        }

        return Array.Empty<string>();
    }

    /// <summary>The first of the usual places that exists under the root, or null.</summary>
    public static string? Find(string root) =>
        UsualPlaces.Select(p => Path.Combine(root, p)).FirstOrDefault(File.Exists);

    private static string StripComment(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && (i == 0 || line[i - 1] != '\\'))
            {
                return line.Substring(0, i);
            }
        }

        return line;
    }

    private static Regex ToRegex(string pattern)
    {
        var directoryOnly = pattern.EndsWith('/');
        var trimmed = pattern.Trim('/');
        // A '/' at the start or in the middle anchors to the root; otherwise the pattern matches at any depth.
        var anchored = pattern.StartsWith('/') || trimmed.Contains('/', StringComparison.Ordinal);
        var regex = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c == '*' && i + 1 < trimmed.Length && trimmed[i + 1] == '*')
            {
                // "**/" is any number of directories, a trailing "**" anything below.
                var slash = i + 2 < trimmed.Length && trimmed[i + 2] == '/';
                regex.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        if (trimmed.Length == 0)
        {
            return new Regex("^.*$", RegexOptions.CultureInvariant);
        }

        // "dir/*" owns only the files directly in dir; any other pattern also owns what lies under a match.
        regex.Append(directoryOnly ? "/.*$" : trimmed.EndsWith("/*", StringComparison.Ordinal) ? "$" : "(?:/.*)?$");
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant);
    }
}
