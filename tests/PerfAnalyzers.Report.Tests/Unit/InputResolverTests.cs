using System;
using System.IO;
using System.Linq;
using PerfAnalyzers.Report.Inputs;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class InputResolverTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("perf-report-inputs");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string content = "<Project />")
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Slnx_ListsItsCSharpProjects()
    {
        var a = Write("src/A/A.csproj");
        Write("src/B/B.fsproj");
        var slnx = Write("App.slnx", """<Solution><Folder Name="/src/"><Project Path="src/A/A.csproj" /><Project Path="src/B/B.fsproj" /></Folder></Solution>""");

        Assert.Equal(new[] { a }, InputResolver.ResolveProjects(slnx));
    }

    [Fact]
    public void Sln_ListsItsCSharpProjects()
    {
        var a = Write("A/A.csproj");
        var sln = Write("App.sln", "Project(\"{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}\") = \"A\", \"A\\A.csproj\", \"{00000000-0000-0000-0000-000000000001}\"\nEndProject\nProject(\"{2150E333-8FDC-42A3-9474-1A3956D46DE8}\") = \"src\", \"src\", \"{00000000-0000-0000-0000-000000000002}\"\nEndProject\n");

        Assert.Equal(new[] { a }, InputResolver.ResolveProjects(sln));
    }

    [Fact]
    public void FolderWithSolution_UsesTheSolution()
    {
        var a = Write("A/A.csproj");
        Write("Unlisted/Unlisted.csproj");
        Write("App.slnx", """<Solution><Project Path="A/A.csproj" /></Solution>""");

        Assert.Equal(new[] { a }, InputResolver.ResolveProjects(_dir));
    }

    [Fact]
    public void FolderWithoutSolution_FindsProjectsOutsideBinAndObj()
    {
        var a = Write("x/A/A.csproj");
        var b = Write("y/B.csproj");
        Write("x/A/obj/Stale.csproj");
        Write(".hidden/H.csproj");

        Assert.Equal(new[] { a, b }.OrderBy(p => p, StringComparer.Ordinal), InputResolver.ResolveProjects(_dir));
    }

    [Fact]
    public void SarifPassedAsInput_PointsToTheOption()
    {
        var log = Write("build.sarif", "{}");
        var e = Assert.Throws<ReportInputException>(() => InputResolver.ResolveProjects(log));
        Assert.Contains("pass it with --sarif", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedSlnx_LineAndPosition()
    {
        var slnx = Write("Bad.slnx", "<Solution>\n<Project Path=\"A.csproj\"\n</Solution>");
        var e = Assert.Throws<ReportInputException>(() => InputResolver.ResolveProjects(slnx));
        Assert.Contains("is not valid XML at line 3", e.Message, StringComparison.Ordinal);
    }
}
