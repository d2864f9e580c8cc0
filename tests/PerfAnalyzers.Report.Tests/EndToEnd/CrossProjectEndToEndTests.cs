using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.EndToEnd;

/// <summary>
/// The Layers fixture (Web → Core → Data, EF Core in Data): a loop in Web calls Core's IMediaService, whose single
/// implementation calls Data's IMediaRepository. `dotnet build` analyses one project at a time and cannot see the
/// chain; perf-report loads the solution and reports it, marked as found by whole-solution analysis.
/// </summary>
public sealed class CrossProjectEndToEndTests(LayersFixture layers) : IClassFixture<LayersFixture>
{
    private const string Chain = "MediaService.TitleAsync → MediaRepository.FindAsync → Media.FirstOrDefaultAsync";

    [Fact]
    public void Report_ChainThroughTwoProjects_ReportedWithFullChainAndWholeSolutionMark()
    {
        Assert.True(layers.Report.ExitCode == 0, layers.Report.ToString());
        using var report = JsonDocument.Parse(File.ReadAllText(layers.PathOf("report.json")));
        var issue = Assert.Single(report.RootElement.GetProperty("issues").EnumerateArray(), i => i.GetProperty("ruleId").GetString() == "PERF013");

        Assert.Equal("Layers/Web/GalleryController.cs", issue.GetProperty("file").GetString());
        Assert.Equal("Web", issue.GetProperty("project").GetString());
        Assert.Contains(Chain, issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("whole-solution analysis", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("solution", issue.GetProperty("scope").GetString());
        SchemaValidation.AssertValidReport(File.ReadAllText(layers.PathOf("report.json")));
    }

    [Fact]
    public void Report_WholeSolutionMarkInSarifMarkdownAndConsole()
    {
        using var sarif = JsonDocument.Parse(File.ReadAllText(layers.PathOf("report.sarif")));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "PERF013");
        Assert.Equal("solution", result.GetProperty("properties").GetProperty("scope").GetString());

        // Markdown escapes the hyphen.
        Assert.Contains(@"whole\-solution analysis", File.ReadAllText(layers.PathOf("report.md")), StringComparison.Ordinal);
        Assert.Contains("whole-solution", layers.Report.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_InProjectFindingNotMarked()
    {
        using var report = JsonDocument.Parse(File.ReadAllText(layers.PathOf("report.json")));
        var issue = Assert.Single(report.RootElement.GetProperty("issues").EnumerateArray(), i => i.GetProperty("ruleId").GetString() == "PERF030");
        Assert.False(issue.TryGetProperty("scope", out _));
        Assert.DoesNotContain("whole-solution", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SameSolution_ReportsTheInProjectFindingButNotTheChain()
    {
        Assert.True(layers.Build.ExitCode == 0, layers.Build.ToString());
        Assert.Contains("PERF030", layers.Build.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("PERF013", layers.Build.StdOut, StringComparison.Ordinal);
    }
}

/// <summary>The Layers fixture copied, restored, built with the analyzers, and reported on once: shared by the tests above.</summary>
public sealed class LayersFixture : IDisposable
{
    public LayersFixture()
    {
        Directory = TestPaths.NewTempDirectory("perf-report-layers");
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Fixtures, "Layers"), Path.Combine(Directory, "Layers"));
        foreach (var settings in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(TestPaths.Fixtures, settings), PathOf(settings));
        }

        Restore = ProcessRunner.Dotnet(Directory, "restore", "Layers/Layers.sln");
        Build = ProcessRunner.Dotnet(
            Directory,
            "build",
            "Layers/Layers.sln",
            "--no-restore",
            "-nodeReuse:false",
            "-clp:NoSummary",
            $"-p:PerfAnalyzersPath={TestPaths.AnalyzerDll}");
        Report = ProcessRunner.Tool(
            Directory,
            "Layers/Layers.sln",
            "--no-restore",
            "--format", "json", "--output", "report.json",
            "--format", "sarif", "--output", "report.sarif",
            "--format", "markdown", "--output", "report.md",
            "--format", "console");
    }

    public string Directory { get; }

    public ProcessResult Restore { get; }

    public ProcessResult Build { get; }

    public ProcessResult Report { get; }

    public string PathOf(string name) => Path.Combine(Directory, name);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
