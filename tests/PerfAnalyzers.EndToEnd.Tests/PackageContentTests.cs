using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace PerfAnalyzers.EndToEnd.Tests;

[Collection(PackedPackageCollection.Name)]
public class PackageContentTests(PackedPackage package)
{
    [Fact]
    public void Nupkg_HoldsExactlyTheAnalyzerAndCodeFixAssemblies()
    {
        using var archive = ZipFile.OpenRead(package.NupkgPath);
        var assemblies = archive.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".dll")).OrderBy(n => n).ToList();
        Assert.Equal(
            ["analyzers/dotnet/cs/PerfAnalyzers.Analyzers.dll", "analyzers/dotnet/cs/PerfAnalyzers.CodeFixes.dll"],
            assemblies);
        Assert.DoesNotContain(archive.Entries, e => e.FullName.StartsWith("lib/"));
        Assert.Contains(archive.Entries, e => e.FullName == "README.md");
    }

    [Fact]
    public void Nuspec_IsADevelopmentDependencyWithoutDependencies()
    {
        var nuspec = ReadNuspec();
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;

        Assert.Equal("PerfAnalyzers", metadata.Element(ns + "id")!.Value);
        Assert.Equal(package.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Contains("analyzers", metadata.Element(ns + "tags")!.Value);
        Assert.False(string.IsNullOrEmpty(metadata.Element(ns + "repository")?.Attribute("url")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")!.Value));
    }

    private XDocument ReadNuspec()
    {
        using var archive = ZipFile.OpenRead(package.NupkgPath);
        var entry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec"));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
