using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>The reference assemblies every compilation here uses: one set of metadata shared by all of them.</summary>
internal static class SharedReferences
{
    public static Task<ImmutableArray<MetadataReference>> GetAsync() => Task.FromResult(TestReferences.Net80WithData.References);
}
