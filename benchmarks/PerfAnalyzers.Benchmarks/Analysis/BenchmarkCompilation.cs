using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfAnalyzers.Benchmarks.Generation;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>The generated sources parsed once and compiled against .NET 8 (plus EF Core, Relational and Dapper when they use data access).</summary>
public sealed class BenchmarkCompilation
{
    private BenchmarkCompilation(SyntheticSolution solution, CSharpCompilation compilation, TimeSpan parseTime)
    {
        Solution = solution;
        Compilation = compilation;
        ParseTime = parseTime;
    }

    public SyntheticSolution Solution { get; }

    public CSharpCompilation Compilation { get; }

    public TimeSpan ParseTime { get; }

    public static Task<BenchmarkCompilation> CreateAsync(SyntheticSolution solution, CancellationToken cancellationToken)
    {
        var references = ResolveReferences(solution.IncludesDataAccess);
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var watch = Stopwatch.StartNew();
        var trees = solution.Files
            .AsParallel().AsOrdered()
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, f.Path, cancellationToken: cancellationToken))
            .ToArray();
        watch.Stop();
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: true);
        var compilation = CSharpCompilation.Create("Synthetic.App", trees, references, options);
        return Task.FromResult(new BenchmarkCompilation(solution, compilation, watch.Elapsed));
    }

    /// <summary>Compiler errors in the generated code (a generator bug: the numbers would mean nothing).</summary>
    public IReadOnlyList<Diagnostic> GetErrors() =>
        Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>
    /// The reference set of the test suite. Without data access the ADO.NET assemblies are left out too, so the
    /// N+1 analyzers see a compilation with none of EF Core, Dapper or ADO.NET.
    /// </summary>
    public static ImmutableArray<MetadataReference> ResolveReferences(bool includeDataAccess)
    {
        var set = includeDataAccess ? TestReferences.Net80WithData : TestReferences.Net80;
        var references = set.References;
        if (includeDataAccess)
        {
            return references;
        }

        return references.Where(r => r is not PortableExecutableReference { FilePath: { } path } || !IsAdoNet(Path.GetFileName(path))).ToImmutableArray();
    }

    private static bool IsAdoNet(string fileName) =>
        fileName.Equals("System.Data.dll", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("System.Data.Common", StringComparison.OrdinalIgnoreCase);
}
