using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// The sample app under samples/ loaded as one project. A web sample also gets the ASP.NET Core reference pack, so its
/// controllers and hosting code bind and the rules see them as they would in a build.
/// </summary>
internal static class SampleProject
{
    private const string AspNetCoreRefVersion = "8.0.28";

    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> WebReferences = new(
        () => TestReferences.Net80WithData
            .AddPackages([new PackageIdentity("Microsoft.AspNetCore.App.Ref", AspNetCoreRefVersion)])
            .ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static async Task<AnalysisProject> CreateAsync(IReadOnlyList<SourceInput> files)
    {
        var references = UsesWebSdk() ? await WebReferences.Value.ConfigureAwait(false) : await SharedReferences.GetAsync().ConfigureAwait(false);
        return await AnalysisProject.CreateAsync(files, references: references).ConfigureAwait(false);
    }

    private static bool UsesWebSdk() =>
        Directory.Exists(RepositoryPaths.Samples)
        && Directory.EnumerateFiles(RepositoryPaths.Samples, "*.csproj", SearchOption.AllDirectories)
            .Any(p => File.ReadAllText(p).Contains("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase));
}
