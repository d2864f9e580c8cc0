using System;
using System.IO;
using System.Reflection;

namespace PerfAnalyzers.Report.Tests.Infrastructure;

/// <summary>Where the repository, the fixtures, the golden files and the built tool are.</summary>
public static class TestPaths
{
    public static string Root { get; } = FindRoot();

    public static string TestProject => Path.Combine(Root, "tests", "PerfAnalyzers.Report.Tests");

    public static string Fixtures => Path.Combine(TestProject, "Fixtures");

    public static string Golden => Path.Combine(TestProject, "Golden");

    public static string Samples => Path.Combine(Root, "samples");

    public static string Configuration { get; } =
        typeof(TestPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The tool as built by the project reference (same configuration as the tests).</summary>
    public static string ToolDll => Path.Combine(Root, "src", "Report", "bin", Configuration, "net10.0", "PerfAnalyzers.Report.dll");

    public static string AnalyzerDll => Path.Combine(Root, "src", "Analyzers", "bin", Configuration, "netstandard2.0", "PerfAnalyzers.Analyzers.dll");

    public static string SchemaFile(string name) => Path.Combine(AppContext.BaseDirectory, "Schemas", name);

    public static string ReportSchema => Path.Combine(Root, "src", "Report", "Schemas", "perf-report.schema.json");

    public static string NewTempDirectory(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void CopyDirectory(string source, string target)
    {
        foreach (var directory in Directory.GetDirectories(source, "*", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
            {
                continue;
            }

            Directory.CreateDirectory(directory.Replace(source, target, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar) is var parts && Array.Exists(parts, p => p is "bin" or "obj"))
            {
                continue;
            }

            var destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PerfAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PerfAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
