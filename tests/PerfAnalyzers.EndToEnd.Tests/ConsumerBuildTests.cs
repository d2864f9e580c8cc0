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

    /// <summary>
    /// .NET Standard declares HttpClient and Regex in netstandard.dll, .NET Framework in System.Net.Http.dll and
    /// System.dll: the caching rules find them on both, as on .NET.
    /// </summary>
    [Fact]
    public void NetStandardAndNetFrameworkBuilds_ReportCachingRules()
    {
        var folder = package.CreateConsumerFolder("older-frameworks");
        File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>netstandard2.0;net472</TargetFrameworks>
                <LangVersion>latest</LangVersion>
              </PropertyGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net472'">
                <Reference Include="System.Net.Http" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="PerfAnalyzers" Version="{package.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Lookups.cs"), """
            using System.Net.Http;
            using System.Text.RegularExpressions;
            using System.Threading.Tasks;

            public class Lookups
            {
                public async Task<string> FetchAsync(string url)
                {
                    using (var client = new HttpClient())
                    {
                        return await client.GetStringAsync(url);
                    }
                }

                public bool IsSku(string text)
                {
                    var sku = new Regex("^[A-Z]{3}-[0-9]{4}$", RegexOptions.Compiled);
                    return sku.IsMatch(text);
                }
            }
            """);

        var build = DotNetCli.Run(folder, null, "build", "-c", "Debug");

        Assert.True(build.ExitCode == 0, build.ToString());
        foreach (var framework in new[] { "netstandard2.0", "net472" })
        {
            Assert.Matches(new Regex($@"Lookups\.cs\(9,29\): warning PERF040: .*TargetFramework={framework}\]"), build.Output);
            Assert.Matches(new Regex($@"Lookups\.cs\(17,19\): warning PERF041: .*TargetFramework={framework}\]"), build.Output);
        }
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
