using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PerfAnalyzers.Testing;

/// <summary>Thin wrapper over the testing library; fix tests compare the exact fixed source, Fix All included.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyCodeFixAsync(string source, string fixedSource) => VerifyCodeFixAsync(source, fixedSource, TestReferences.Net80WithData);

    public static Task VerifyCodeFixAsync(string source, string fixedSource, ReferenceSet references)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource, References = references };
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The diagnostics are reported but no fix is offered: the source stays as it is.</summary>
    public static Task VerifyNoCodeFixAsync(string source)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
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
