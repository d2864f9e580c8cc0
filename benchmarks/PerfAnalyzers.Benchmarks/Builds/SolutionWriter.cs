using System;
using System.IO;
using PerfAnalyzers.Benchmarks.Generation;

namespace PerfAnalyzers.Benchmarks.Builds;

/// <summary>
/// Writes a generated solution as a real, restorable .NET 10 solution. Its own Directory.*.props stop MSBuild from
/// picking up the settings of a repository it may be written into. PerfAnalyzers joins the build when
/// <c>-p:PerfAnalyzersPath=&lt;PerfAnalyzers.Analyzers.dll&gt;</c> is passed.
/// </summary>
public static class SolutionWriter
{
    public const string EntityFrameworkCoreVersion = "10.0.14";
    public const string DapperVersion = "2.1.66";
    private const string ProjectGuid = "{6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F}";

    public static string Write(SyntheticSolution solution, string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var projectDirectory = Path.Combine(directory, "src", "Synthetic.App");
        Directory.CreateDirectory(projectDirectory);
        foreach (var file in solution.Files)
        {
            var path = Path.Combine(projectDirectory, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), """
            <Project>
              <!-- Stops MSBuild from importing the settings of a directory above. -->
              <ItemGroup Condition="'$(PerfAnalyzersPath)' != ''">
                <Analyzer Include="$(PerfAnalyzersPath)" />
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(projectDirectory, "Synthetic.App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <LangVersion>latest</LangVersion>
                <!-- Only the analyzers under test run: the SDK's own code-style and quality analyzers stay off. -->
                <EnableNETAnalyzers>false</EnableNETAnalyzers>
                <NoWarn>$(NoWarn);CS1998</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.EntityFrameworkCore" Version="{EntityFrameworkCoreVersion}" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Relational" Version="{EntityFrameworkCoreVersion}" />
                <PackageReference Include="Dapper" Version="{DapperVersion}" />
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(Path.Combine(directory, "Synthetic.sln"), $"""
            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            VisualStudioVersion = 17.0.31903.59
            MinimumVisualStudioVersion = 10.0.40219.1
            Project("{"{"}FAE04EC0-301F-11D3-BF4B-00C04F79EFBC{"}"}") = "Synthetic.App", "src\Synthetic.App\Synthetic.App.csproj", "{ProjectGuid}"
            EndProject
            Global
            	GlobalSection(SolutionConfigurationPlatforms) = preSolution
            		Debug|Any CPU = Debug|Any CPU
            		Release|Any CPU = Release|Any CPU
            	EndGlobalSection
            	GlobalSection(ProjectConfigurationPlatforms) = postSolution
            		{ProjectGuid}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{ProjectGuid}.Debug|Any CPU.Build.0 = Debug|Any CPU
            		{ProjectGuid}.Release|Any CPU.ActiveCfg = Release|Any CPU
            		{ProjectGuid}.Release|Any CPU.Build.0 = Release|Any CPU
            	EndGlobalSection
            EndGlobal

            """);
        File.WriteAllText(Path.Combine(directory, "expected-diagnostics.txt"), string.Join(Environment.NewLine, System.Linq.Enumerable.Select(solution.Expected, e => $"{e.Key} {e.Value}")) + Environment.NewLine);
        return Path.Combine(directory, "Synthetic.sln");
    }
}
