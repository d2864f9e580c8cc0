using System;
using System.IO;
using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>
/// Design-time builds load a project whose packages were never restored without complaint, and the analysis would then
/// see unresolved types. Such a project is reported as skipped instead: it has package references but no assets file.
/// </summary>
internal static class RestoreCheck
{
    public static bool IsMissing(Project project)
    {
        if (project.FilePath is not { } path || !UsesPackages(path))
        {
            return false;
        }

        // The intermediate assembly lives in <obj>/<Configuration>/<TargetFramework>/; the assets file in <obj>.
        var intermediate = project.CompilationOutputInfo.AssemblyPath;
        var candidates = new[]
        {
            intermediate is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(intermediate))),
            Path.Combine(Path.GetDirectoryName(path)!, "obj"),
        };

        foreach (var directory in candidates)
        {
            if (directory is not null && File.Exists(Path.Combine(directory, "project.assets.json")))
            {
                return false;
            }
        }

        return true;
    }

    private static bool UsesPackages(string projectPath)
    {
        if (Mentions(projectPath))
        {
            return true;
        }

        for (var directory = Path.GetDirectoryName(projectPath); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (Mentions(Path.Combine(directory, "Directory.Build.props")) || Mentions(Path.Combine(directory, "Directory.Build.targets")))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(string file)
    {
        try
        {
            return File.Exists(file) && File.ReadAllText(file).Contains("<PackageReference", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
