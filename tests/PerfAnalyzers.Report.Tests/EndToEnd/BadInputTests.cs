using System;
using System.IO;
using System.Linq;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.EndToEnd;

/// <summary>Every kind of bad input: one line saying what and where, exit code 2, no stack trace, no output file left.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("perf-report-bad");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ProcessResult AssertInputError(string expected, params string[] args)
    {
        var run = ProcessRunner.Tool(_dir, args.Concat(new[] { "--format", "json", "--output", "out.json" }).ToArray());

        Assert.True(run.ExitCode == 2, run.ToString());
        var lines = run.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var error = Assert.Single(lines, l => l.StartsWith("perf-report: error: ", StringComparison.Ordinal));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "out.json")), "no output file after an input error");
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        return run;
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return relative;
    }

    [Fact]
    public void MissingPath() => AssertInputError("input 'nowhere/App.sln' does not exist", "nowhere/App.sln");

    [Fact]
    public void NonProjectFile() => AssertInputError("input 'notes.txt' is not a solution (.sln, .slnx), C# project (.csproj) or folder", Write("notes.txt", "hello"));

    [Fact]
    public void FolderWithoutProject()
    {
        Write("empty/readme.md", "# nothing");
        AssertInputError("folder 'empty' contains no solution (.sln, .slnx) or C# project (.csproj)", "empty");
    }

    [Fact]
    public void NoInputAndNoSamplesFolder() => AssertInputError("no input given and there is no 'samples' folder in " + _dir);

    [Fact]
    public void BrokenProjectXml()
    {
        TestPaths.CopyDirectory(Path.Combine(TestPaths.Fixtures, "Broken"), Path.Combine(_dir, "Broken"));
        AssertInputError("Broken/Broken.csproj: project file is not valid XML (line 7, position 3)", "Broken/Broken.csproj");
    }

    private void WriteUnrestoredApp()
    {
        Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><PackageReference Include="Dapper" Version="2.1.66" /></ItemGroup>
            </Project>
            """);
        Write("App/A.cs", """
            public class A
            {
                public string Join(string[] parts)
                {
                    var s = "";
                    foreach (var p in parts)
                    {
                        s += p;
                    }

                    return s;
                }
            }
            """);
    }

    [Fact]
    public void RestoreNotRun_NoRestoreOption()
    {
        WriteUnrestoredApp();
        AssertInputError("App/App.csproj: restore not run (project.assets.json missing for a project with package references); run 'dotnet restore' first", "App", "--no-restore");
        Assert.False(File.Exists(Path.Combine(_dir, "App", "obj", "project.assets.json")), "--no-restore must not restore");
    }

    [Fact]
    public void RestoreNotRun_RestoresByDefaultAndAnalyses()
    {
        WriteUnrestoredApp();

        var run = ProcessRunner.Tool(_dir, "App", "--format", "markdown");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.True(File.Exists(Path.Combine(_dir, "App", "obj", "project.assets.json")));
        Assert.Contains("PERF030", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void RestoreOption_StillAcceptedAsTheDefault()
    {
        WriteUnrestoredApp();

        var run = ProcessRunner.Tool(_dir, "App", "--restore", "--format", "markdown");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("PERF030", run.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedSarif() =>
        AssertInputError("SARIF log 'bad.sarif' is not valid JSON at line 3, byte", "--sarif", Write("bad.sarif", "{\"version\":\"2.1.0\",\n\"runs\":[{\"results\":[\n{\"ruleId\":\"PERF030\",,}]}]}"));

    [Fact]
    public void TruncatedSarif() =>
        AssertInputError("SARIF log 'cut.sarif' is not valid JSON at line 2", "--sarif", Write("cut.sarif", "{\"version\":\"2.1.0\",\n\"runs\":[{\"results\":[{\"ruleId\":\"PERF0"));

    [Fact]
    public void MissingSarif() => AssertInputError("SARIF log 'gone.sarif' does not exist", "--sarif", "gone.sarif");

    [Fact]
    public void OutputInMissingFolder()
    {
        var log = Write("ok.sarif", SarifLogs.Log());
        var run = ProcessRunner.Tool(_dir, "--sarif", log, "--format", "html", "--output", "missing/dir/report.html");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("perf-report: error: output folder 'missing/dir' does not exist (for output 'missing/dir/report.html')", run.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "missing")));
    }

    [Fact]
    public void OutputNotWritable_NoPartialFile()
    {
        var log = Write("ok.sarif", SarifLogs.Log());
        string target;
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // Permissions do not stop root; /proc refuses new files for everyone.
            target = OperatingSystem.IsWindows() ? Path.Combine(_dir, "missing-drive:", "x.json") : "/proc/perf-report.json";
        }
        else
        {
            var locked = Path.Combine(_dir, "locked");
            Directory.CreateDirectory(locked);
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
            target = Path.Combine(locked, "report.json");
        }

        var run = ProcessRunner.Tool(_dir, "--sarif", log, "--format", "json", "--output", target);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"perf-report: error: cannot write output '{target}'", run.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.DoesNotContain("   at ", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void BaselineOfWrongSchema()
    {
        var log = Write("ok.sarif", SarifLogs.Log());
        AssertInputError("baseline 'ok.sarif' is not a perf-report JSON report (expected \"schema\": \"perf-report\"", "--sarif", log, "--baseline", log);
    }

    [Fact]
    public void BaselineNotJson() =>
        AssertInputError("baseline 'b.json' is not valid JSON (line 1, byte", "--sarif", Write("ok.sarif", SarifLogs.Log()), "--baseline", Write("b.json", "{oops"));

    [Fact]
    public void UnknownOption() => AssertInputError("unknown option '--colour' (see --help)", "--colour");

    [Fact]
    public void Help_ListsEveryOptionAndExitsClean()
    {
        var run = ProcessRunner.Tool(_dir, "--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--sarif", "--include-peers", "--format", "--output", "--top", "--timing", "--quiet", "--baseline", "--fail-on", "Exit codes" })
        {
            Assert.Contains(option, run.StdOut, StringComparison.Ordinal);
        }
    }
}
