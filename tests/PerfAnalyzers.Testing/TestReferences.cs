using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace PerfAnalyzers.Testing;

/// <summary>
/// The one definition of the assemblies test sources compile against. Versions are pinned to ones the package
/// registry here holds (the testing library's own Net80 asks for Microsoft.NETCore.App.Ref 8.0.0, which it lacks).
/// </summary>
public static class TestReferences
{
    public const string NetCoreRefVersion = "8.0.28";
    public const string EntityFrameworkCoreVersion = "8.0.30";
    public const string DapperVersion = "2.1.66";

    /// <summary>.NET 8 with nothing else.</summary>
    public static readonly ReferenceAssemblies Net80 = new(
        "net8.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", NetCoreRefVersion),
        Path.Combine("ref", "net8.0"));

    /// <summary>.NET 8 with EF Core (relational) and Dapper: the data-access stacks the N+1 and blocking-I/O rules know.</summary>
    public static readonly ReferenceAssemblies Net80WithData = Net80.AddPackages(ImmutableArray.Create(
        new PackageIdentity("Microsoft.EntityFrameworkCore", EntityFrameworkCoreVersion),
        new PackageIdentity("Microsoft.EntityFrameworkCore.Relational", EntityFrameworkCoreVersion),
        new PackageIdentity("Dapper", DapperVersion)));
}
