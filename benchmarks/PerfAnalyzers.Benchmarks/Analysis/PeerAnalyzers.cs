using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>A peer analyzer rule: the analyzers of its package that support it, run with only that rule enabled.</summary>
public sealed record PeerRule(string Id, string Package, string Version, ImmutableArray<DiagnosticAnalyzer> Analyzers);

/// <summary>Loads the peer packages' C# analyzers from the restored packages' analyzer folders.</summary>
public static class PeerAnalyzers
{
    /// <summary>The peer rules nearest to each PerfAnalyzers rule (no peer N+1 or linear-search rule restores here).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> NearestPeers = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["PERF001"] = ["MA0042", "CA1849", "S6966", "AsyncFixer02", "VSTHRD103"],
        ["PERF002"] = ["S4462", "MA0042", "VSTHRD103"],
        ["PERF010"] = [],
        ["PERF011"] = [],
        ["PERF012"] = [],
        ["PERF020"] = ["S134"],
        ["PERF021"] = [],
        ["PERF030"] = ["S1643"],
        ["PERF040"] = [],
        ["PERF041"] = ["CA1869"],
    };

    private static readonly (string Package, string[] Rules)[] Packages =
    [
        ("Meziantou.Analyzer", ["MA0042"]),
        ("Microsoft.CodeAnalysis.NetAnalyzers", ["CA1849", "CA1869"]),
        ("SonarAnalyzer.CSharp", ["S6966", "S4462", "S1643", "S134"]),
        ("AsyncFixer", ["AsyncFixer02"]),
        ("Microsoft.VisualStudio.Threading.Analyzers", ["VSTHRD103"]),
    ];

    public static IReadOnlyList<PeerRule> Load(Action<string> log)
    {
        var rules = new List<PeerRule>();
        foreach (var (package, ids) in Packages)
        {
            var directory = PackageDirectory(package);
            if (directory is null || !Directory.Exists(directory))
            {
                log($"peer package {package} not restored; its rules are skipped");
                continue;
            }

            ImmutableArray<DiagnosticAnalyzer> analyzers;
            try
            {
                analyzers = LoadAnalyzers(directory);
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or ReflectionTypeLoadException or TypeLoadException or FileLoadException)
            {
                log($"peer package {package} failed to load: {e.Message}");
                continue;
            }

            var version = Path.GetFileName(directory.TrimEnd(Path.DirectorySeparatorChar));
            foreach (var id in ids)
            {
                var supporting = analyzers.Where(a => SupportsSafe(a, id)).ToImmutableArray();
                if (supporting.IsEmpty)
                {
                    log($"peer rule {id} not found in {package} {version}");
                    continue;
                }

                rules.Add(new PeerRule(id, package, version, supporting));
            }
        }

        return rules;
    }

    private static bool SupportsSafe(DiagnosticAnalyzer analyzer, string id)
    {
        try
        {
            return analyzer.SupportedDiagnostics.Any(d => d.Id == id);
        }
        catch (Exception)
        {
            // An analyzer whose descriptors cannot be built is one the compiler would skip too.
            return false;
        }
    }

    private static string? PackageDirectory(string package) =>
        typeof(PeerAnalyzers).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PeerPackage:" + package)?.Value is { Length: > 0 } path ? path : null;

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers(string packageDirectory)
    {
        var files = AnalyzerFiles(Path.Combine(packageDirectory, "analyzers"));
        var context = new AnalyzerLoadContext(files.Select(Path.GetDirectoryName).Distinct().ToArray()!);
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var file in files)
        {
            var assembly = context.LoadFromAssemblyPath(file);
            Type?[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException e)
            {
                types = e.Types;
            }

            foreach (var type in types)
            {
                if (type is null || type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
                    || type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not { } attribute
                    || !attribute.Languages.Contains(LanguageNames.CSharp)
                    || type.GetConstructor(Type.EmptyTypes) is null)
                {
                    continue;
                }

                try
                {
                    analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                }
                catch (TargetInvocationException)
                {
                    // Same as the compiler: an analyzer that cannot be created does not run.
                }
            }
        }

        return analyzers.ToImmutable();
    }

    /// <summary>The C# analyzer assemblies, for the newest "roslynX.Y" folder this compiler can load where a package has several.</summary>
    private static List<string> AnalyzerFiles(string analyzersDirectory)
    {
        var host = typeof(Compilation).Assembly.GetName().Version!;
        var all = Directory.EnumerateFiles(analyzersDirectory, "*.dll", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/vb/", StringComparison.OrdinalIgnoreCase) && !f.Contains("\\vb\\", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).Contains("CodeFix", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetDirectoryName(f)!.Contains("resources", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var versioned = all
            .Select(f => (File: f, Version: RoslynFolderVersion(f)))
            .ToList();
        if (versioned.All(v => v.Version is null))
        {
            return all.OrderBy(f => f, StringComparer.Ordinal).ToList();
        }

        var best = versioned.Where(v => v.Version is not null && v.Version <= host).Max(v => v.Version);
        return versioned.Where(v => v.Version == best).Select(v => v.File).OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static Version? RoslynFolderVersion(string file)
    {
        foreach (var part in file.Split(Path.DirectorySeparatorChar))
        {
            if (part.StartsWith("roslyn", StringComparison.OrdinalIgnoreCase) && Version.TryParse(part.Substring(6), out var version))
            {
                return version;
            }
        }

        return null;
    }
}
