using System;
using System.IO;

namespace PerfAnalyzers.Report.Tests.Infrastructure;

/// <summary>
/// The Shop fixture solution copied to a temporary folder, restored, built once with the PerfAnalyzers analyzer and
/// SARIF error logs, and reported on once in every format: expensive, so shared by the end-to-end and browser tests.
/// Expected: Orders has 3 warnings, 1 error (Strict/, .editorconfig) and 1 info (Hints/); #pragma and
/// [SuppressMessage] hide two more; Legacy's &lt;NoWarn&gt; hides its one.
/// </summary>
public sealed class ShopFixture : IDisposable
{
    public ShopFixture()
    {
        Directory = TestPaths.NewTempDirectory("perf-report-shop");
        TestPaths.CopyDirectory(TestPaths.Fixtures, Directory);
        Restore = ProcessRunner.Dotnet(Directory, "restore", "Shop/Shop.sln");
        // The two projects share nothing, so their builds run side by side.
        var orders = System.Threading.Tasks.Task.Run(() => Build("Orders", OrdersSarif));
        var legacy = System.Threading.Tasks.Task.Run(() => Build("Legacy", LegacySarif));
        OrdersBuild = orders.GetAwaiter().GetResult();
        LegacyBuild = legacy.GetAwaiter().GetResult();
        Report = ProcessRunner.Tool(
            Directory,
            "Shop/Shop.sln",
            "--timing",
            "--format", "json", "--output", "report.json",
            "--format", "sarif", "--output", "report.sarif",
            "--format", "html", "--output", "report.html",
            "--format", "markdown", "--output", "report.md",
            "--format", "console");
    }

    public string Directory { get; }

    public string OrdersSarif => Path.Combine(Directory, "orders.sarif");

    public string LegacySarif => Path.Combine(Directory, "legacy.sarif");

    public ProcessResult Restore { get; }

    public ProcessResult OrdersBuild { get; }

    public ProcessResult LegacyBuild { get; }

    /// <summary>The tool run on Shop.sln writing every format.</summary>
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

    private ProcessResult Build(string project, string sarif) =>
        ProcessRunner.Dotnet(
            Directory,
            "build",
            $"Shop/{project}/{project}.csproj",
            "--no-restore",
            "-nodeReuse:false",
            "-clp:NoSummary",
            $"-p:PerfAnalyzersPath={TestPaths.AnalyzerDll}",
            $"-p:ErrorLog={sarif}%2Cversion=2.1");
}

[CollectionDefinition(Name)]
public sealed class ShopCollection : ICollectionFixture<ShopFixture>
{
    public const string Name = "Shop fixture";
}
