using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// The sample app under samples/ loaded as one project. A web sample also gets the ASP.NET Core reference pack, so its
/// controllers and hosting code bind and the rules see them as they would in a build.
/// </summary>
internal static class SampleProject
{
    public static async Task<AnalysisProject> CreateAsync(IReadOnlyList<SourceInput> files)
    {
        var references = UsesWebSdk() ? TestReferences.Net80Web.References : await SharedReferences.GetAsync().ConfigureAwait(false);
        return await AnalysisProject.CreateAsync(files, references: references).ConfigureAwait(false);
    }

    private static bool UsesWebSdk() =>
        Directory.Exists(RepositoryPaths.Samples)
        && Directory.EnumerateFiles(RepositoryPaths.Samples, "*.csproj", SearchOption.AllDirectories)
            .Any(p => File.ReadAllText(p).Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase));
}
