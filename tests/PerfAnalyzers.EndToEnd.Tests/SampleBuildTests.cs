using System.IO;
using System.Linq;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.EndToEnd.Tests;

/// <summary>The sample app, built as a package consumer would build it, shows exactly the diagnostics its markers promise.</summary>
[Collection(PackedPackageCollection.Name)]
public class SampleBuildTests(PackedPackage package)
{
    private static readonly string SampleProject = Path.Combine(RepositoryPaths.Samples, "OrderService");

    [Fact]
    public void SampleBuild_ReportsExactlyTheMarkedDiagnostics()
    {
        var copy = CopySample("sample-build");

        var sarif = Path.Combine(copy, "build.sarif");
        var build = DotNetCli.Run(copy, null, "build", "-c", "Debug", "-p:TreatWarningsAsErrors=false", $"-p:ErrorLog={sarif}%2Cversion=2.1");
        Assert.True(build.ExitCode == 0, build.ToString());

        // Rules still to be written have markers but no analyzer yet; the guard tests demand an analyzer for every rule.
        var implemented = RuleAssemblies.CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var expected = SampleMarkers.Read(copy).Where(d => implemented.Contains(d.Id)).ToHashSet();
        var actual = SampleMarkers.FromSarif(sarif, copy);
        var missing = expected.Except(actual).OrderBy(d => d.ToString()).ToList();
        var unexpected = actual.Except(expected).OrderBy(d => d.ToString()).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            "Missing (marked, not reported):\n  " + string.Join("\n  ", missing) + "\nUnexpected (reported, not marked):\n  " + string.Join("\n  ", unexpected));
    }

    [Fact]
    public void SampleMarkers_CoverEveryRuleAtLeastTwice()
    {
        var expected = SampleMarkers.Read(SampleProject);
        foreach (var id in typeof(RuleCatalog.Ids).GetFields().Select(f => (string)f.GetValue(null)!))
        {
            Assert.True(expected.Count(d => d.Id == id) >= 2, $"The sample shows {id} fewer than twice");
        }
    }

    [Fact]
    public void DotnetFormat_FixesTheSample_AndItStillBuilds()
    {
        var copy = CopySample("sample-format");
        var fixable = RuleAssemblies.CreateCodeFixes().SelectMany(f => f.FixableDiagnosticIds).Distinct().ToArray();

        var format = DotNetCli.Run(copy, null, ["format", "analyzers", "OrderService.csproj", "--severity", "info", "--diagnostics", .. fixable]);
        Assert.True(format.ExitCode == 0, format.ToString());
        Assert.NotEqual(File.ReadAllText(Path.Combine(SampleProject, "Reports", "SalesReport.cs")), File.ReadAllText(Path.Combine(copy, "Reports", "SalesReport.cs")));

        var build = DotNetCli.Run(copy, null, "build", "-c", "Debug", "-p:TreatWarningsAsErrors=false");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain(": error ", build.Output);
    }

    private string CopySample(string name)
    {
        var folder = package.CreateConsumerFolder(name);
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), $"""
            <Project>
              <ItemGroup>
                <PackageReference Include="PerfAnalyzers" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        foreach (var file in Directory.EnumerateFiles(SampleProject, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(SampleProject, file);
            if (relative.StartsWith("bin") || relative.StartsWith("obj"))
            {
                continue;
            }

            var target = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }
}
