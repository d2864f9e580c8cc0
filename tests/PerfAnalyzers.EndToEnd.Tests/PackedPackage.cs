using System;
using System.IO;
using System.Linq;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.EndToEnd.Tests;

/// <summary>
/// Packs src/Package once per test run into a temporary local feed. The version is unique per run so the machine's
/// NuGet cache can never hand a consumer build the analyzers of an earlier run.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Root = Directory.CreateTempSubdirectory("perfanalyzers-e2e-").FullName;
        Feed = Path.Combine(Root, "feed");
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff");
        var pack = DotNetCli.Run(RepositoryPaths.Root, null,
            "pack", Path.Combine("src", "Package", "PerfAnalyzers.Package.csproj"), "-c", "Release", "-o", Feed, "-p:Version=" + Version);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack failed: " + pack);
        }

        NupkgPath = Directory.GetFiles(Feed, "*.nupkg").Single();
    }

    public string Root { get; }

    public string Feed { get; }

    public string Version { get; }

    public string NupkgPath { get; }

    /// <summary>A fresh folder with a NuGet.config that reads the local feed first, then the usual registry.</summary>
    public string CreateConsumerFolder(string name)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        // Keep the repository's own build settings out of the consumer.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
        return folder;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp folder is reclaimed by the OS.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed package";
}
