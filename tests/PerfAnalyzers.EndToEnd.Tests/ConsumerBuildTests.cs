using System.IO;
using System.Text.RegularExpressions;

namespace PerfAnalyzers.EndToEnd.Tests;

/// <summary>A user's project takes the package from a feed and builds with the real SDK.</summary>
[Collection(PackedPackageCollection.Name)]
public class ConsumerBuildTests(PackedPackage package)
{
    private const string ReportBuilder = """
        using System.Collections.Generic;

        public static class ReportBuilder
        {
            public static string Build(IEnumerable<string> lines)
            {
                var report = "";
                foreach (var line in lines)
                {
                    report += line + "\n";
                }

                return report;
            }
        }
        """;

    [Fact]
    public void Build_ReportsPerf030WithFileAndLine()
    {
        var project = CreateConsumer("warns");

        var build = DotNetCli.Run(project, null, "build", "-c", "Debug");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Matches(new Regex(@"ReportBuilder\.cs\(10,13\): warning PERF030: String 'report' is built by concatenation inside a loop"), build.Output);
    }

    [Fact]
    public void BuildWithWarnAsError_FailsWithPerf030()
    {
        var project = CreateConsumer("strict");

        var build = DotNetCli.Run(project, null, "build", "-c", "Debug", "-warnaserror");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(new Regex(@"ReportBuilder\.cs\(10,13\): error PERF030"), build.Output);
    }

    [Fact]
    public void DotnetFormat_AppliesStringBuilderFix_AndProjectStillBuilds()
    {
        var project = CreateConsumer("format");

        var format = DotNetCli.Run(project, null, "format", "analyzers", "Consumer.csproj", "--diagnostics", "PERF030", "--severity", "info");
        Assert.True(format.ExitCode == 0, format.ToString());

        var fixedSource = File.ReadAllText(Path.Combine(project, "ReportBuilder.cs"));
        Assert.Contains("using System.Text;", fixedSource);
        Assert.Contains("var reportBuilder = new StringBuilder();", fixedSource);
        Assert.Contains("reportBuilder.Append(line).Append(\"\\n\");", fixedSource);
        Assert.Contains("report = reportBuilder.ToString();", fixedSource);

        var build = DotNetCli.Run(project, null, "build", "-c", "Debug", "-warnaserror");
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("PERF030", build.Output);
    }

    private string CreateConsumer(string name)
    {
        var folder = package.CreateConsumerFolder(name);
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PerfAnalyzers" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "ReportBuilder.cs"), ReportBuilder);
        return folder;
    }
}
