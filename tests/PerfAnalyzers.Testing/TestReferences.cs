using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace PerfAnalyzers.Testing;

/// <summary>
/// The one definition of the assemblies test sources compile against. The sets are the compile-time references of the
/// projects under tests/PerfAnalyzers.TestReferences (.NET 8 reference pack, EF Core 8.0.30 with Relational, Dapper,
/// and ASP.NET Core for the web set), resolved by restore and embedded into this assembly as lists of files: nothing is
/// downloaded while tests run, so test processes running side by side on an empty package cache cannot race.
/// </summary>
public static class TestReferences
{
    private const string NetCoreRefPackage = "Microsoft.NETCore.App.Ref";

    /// <summary>.NET 8 with nothing else.</summary>
    public static readonly ReferenceSet Net80 = ReferenceSet.Load("Data", "Net80", id => id == NetCoreRefPackage);

    /// <summary>.NET 8 with EF Core (relational) and Dapper: the data-access stacks the N+1 and blocking-I/O rules know.</summary>
    public static readonly ReferenceSet Net80WithData = ReferenceSet.Load("Data", "Net80WithData", _ => true);

    /// <summary>The data set plus ASP.NET Core.</summary>
    public static readonly ReferenceSet Net80Web = ReferenceSet.Load("Web", "Net80Web", _ => true);

    /// <summary>
    /// What the testing library is given in place of its own package download: a target framework with no assemblies.
    /// The real references are added as <see cref="ReferenceSet.References"/>.
    /// </summary>
    public static ReferenceAssemblies NoDownload { get; } = new ReferenceAssemblies("net8.0").WithAssemblies(ImmutableArray<string>.Empty);
}

/// <summary>A named list of metadata references, created once per process so compilations share their metadata.</summary>
public sealed class ReferenceSet
{
    private readonly Lazy<ImmutableArray<MetadataReference>> _references;

    private ReferenceSet(string name, Func<ImmutableArray<MetadataReference>> create)
    {
        Name = name;
        _references = new Lazy<ImmutableArray<MetadataReference>>(create);
    }

    public string Name { get; }

    public ImmutableArray<MetadataReference> References => _references.Value;

    public override string ToString() => Name;

    internal static ReferenceSet Load(string resourceSet, string name, Func<string, bool> includePackage) =>
        new(name, () => Read(resourceSet, includePackage));

    private static ImmutableArray<MetadataReference> Read(string resourceSet, Func<string, bool> includePackage)
    {
        var resource = "references-" + resourceSet + ".txt";
        using var stream = typeof(ReferenceSet).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The build did not embed '{resource}'.");
        using var reader = new StreamReader(stream);
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            // "package id|path"; the package id tells the framework's reference pack from the libraries.
            var separator = line.IndexOf('|');
            if (separator < 0)
            {
                continue;
            }

            var path = line.Substring(separator + 1);
            if (!includePackage(line.Substring(0, separator)) || !seen.Add(path))
            {
                continue;
            }

            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"Test reference '{path}' is missing: restore the solution (dotnet restore PerfAnalyzers.sln).");
            }

            builder.Add(MetadataReference.CreateFromFile(path));
        }

        return builder.ToImmutable();
    }
}
