using System;
using System.IO;

namespace PerfAnalyzers.Testing;

/// <summary>Finds the repository root from the test binaries, so tests can read docs, samples and sources.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

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
