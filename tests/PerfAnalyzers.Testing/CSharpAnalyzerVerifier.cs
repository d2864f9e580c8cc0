using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PerfAnalyzers.Testing;

/// <summary>Thin wrapper over the testing library: <c>{|PERF030:…|}</c> markup marks expected diagnostics.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    /// <summary>Verifies <paramref name="source"/> (with markup) against .NET 8 plus EF Core and Dapper.</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, TestReferences.Net80WithData, expected);

    public static Task VerifyAnalyzerAsync(string source, ReferenceSet references, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, References = references };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.NoDownload;
            SolutionTransforms.Add((solution, projectId) => solution.AddMetadataReferences(projectId, References.References));
        }

        /// <summary>The assemblies the test source compiles against (restored, never downloaded by the test).</summary>
        public ReferenceSet References { get; set; } = TestReferences.Net80WithData;

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.Latest;

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);
    }
}
