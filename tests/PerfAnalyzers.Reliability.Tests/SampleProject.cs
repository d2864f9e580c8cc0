using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// The sample app under samples/ loaded as one project. A web sample also gets the ASP.NET Core reference pack, so its
/// controllers and hosting code bind and the rules see them as they would in a build. The global usings the SDK
/// generates for it (ImplicitUsings) are added too: without them most of its code does not bind.
/// </summary>
internal static class SampleProject
{
    private static readonly SourceInput ImplicitUsings = new("ImplicitUsings.g.cs", """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """);

    public static async Task<AnalysisProject> CreateAsync(IReadOnlyList<SourceInput> files)
    {
        var references = UsesWebSdk() ? TestReferences.Net80Web.References : await SharedReferences.GetAsync().ConfigureAwait(false);
        return await AnalysisProject.CreateAsync([.. files, ImplicitUsings], references: references).ConfigureAwait(false);
    }

    private static bool UsesWebSdk() =>
        Directory.Exists(RepositoryPaths.Samples)
        && Directory.EnumerateFiles(RepositoryPaths.Samples, "*.csproj", SearchOption.AllDirectories)
            .Any(p => File.ReadAllText(p).Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase));
}
