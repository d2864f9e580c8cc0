using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Inputs;

/// <summary>Turns the input argument (.sln, .slnx, .csproj or folder) into the list of C# project files to analyse.</summary>
public static partial class InputResolver
{
    public static IReadOnlyList<string> ResolveProjects(string input)
    {
        var full = Path.GetFullPath(input);
        if (Directory.Exists(full))
        {
            return FromFolder(input, full);
        }

        if (!File.Exists(full))
        {
            throw new ReportInputException($"input '{input}' does not exist");
        }

        return Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".sln" => FromSln(input, full),
            ".slnx" => FromSlnx(input, full),
            ".csproj" => new[] { full },
            ".sarif" => throw new ReportInputException($"input '{input}' is a SARIF log; pass it with --sarif {input}"),
            _ => throw new ReportInputException($"input '{input}' is not a solution (.sln, .slnx), C# project (.csproj) or folder"),
        };
    }

    private static IReadOnlyList<string> FromFolder(string input, string folder)
    {
        var solutions = Directory.EnumerateFiles(folder, "*.sln").Concat(Directory.EnumerateFiles(folder, "*.slnx")).OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (solutions.Count > 0)
        {
            return solutions.SelectMany(s => ResolveProjects(s)).Distinct(StringComparer.Ordinal).ToList();
        }

        var projects = EnumerateProjects(folder).OrderBy(p => p, StringComparer.Ordinal).ToList();
        if (projects.Count == 0)
        {
            throw new ReportInputException($"folder '{input}' contains no solution (.sln, .slnx) or C# project (.csproj)");
        }

        return projects;
    }

    private static IEnumerable<string> EnumerateProjects(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files;
            string[] children;
            try
            {
                files = Directory.GetFiles(current, "*.csproj");
                children = Directory.GetDirectories(current);
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (name is "bin" or "obj" or "node_modules" || name.StartsWith('.'))
                {
                    continue;
                }

                pending.Push(child);
            }
        }
    }

    private static IReadOnlyList<string> FromSln(string input, string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        var projects = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            var match = SlnProject().Match(line);
            if (match.Success && match.Groups[1].Value.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            {
                projects.Add(Path.GetFullPath(Path.Combine(directory, match.Groups[1].Value.Replace('\\', Path.DirectorySeparatorChar))));
            }
        }

        if (projects.Count == 0)
        {
            throw new ReportInputException($"solution '{input}' lists no C# project");
        }

        return projects;
    }

    private static IReadOnlyList<string> FromSlnx(string input, string path)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new ReportInputException($"solution '{input}' is not valid XML at line {e.LineNumber}, position {e.LinePosition}");
        }

        var directory = Path.GetDirectoryName(path)!;
        var projects = document.Descendants("Project")
            .Select(p => (string?)p.Attribute("Path"))
            .Where(p => p is not null && p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(Path.Combine(directory, p!.Replace('\\', Path.DirectorySeparatorChar))))
            .ToList();
        if (projects.Count == 0)
        {
            throw new ReportInputException($"solution '{input}' lists no C# project");
        }

        return projects;
    }

    [GeneratedRegex("^Project\\(\"\\{[^}]+\\}\"\\)\\s*=\\s*\"[^\"]*\",\\s*\"([^\"]+)\"")]
    private static partial Regex SlnProject();
}
