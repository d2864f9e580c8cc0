using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>The reference assemblies every compilation here uses, resolved once: resolving them is the slow part of a run.</summary>
internal static class SharedReferences
{
    private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> Net80WithData = new(
        () => TestReferences.Net80WithData.ResolveAsync(LanguageNames.CSharp, CancellationToken.None),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<ImmutableArray<MetadataReference>> GetAsync() => Net80WithData.Value;
}
