using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Analyzers.Tests;

/// <summary>Checks every shipped analyzer by reflection, so a new rule is covered the day it is added.</summary>
public class AnalyzerGuardTests
{
    public static TheoryData<string> AnalyzerNames() => new(RuleAssemblies.CreateAnalyzers().Select(a => a.GetType().Name));

    [Fact]
    public void EveryCatalogRule_HasAnAnalyzer()
    {
        var supported = RuleAssemblies.CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var catalog = typeof(RuleCatalog).GetFields().Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().Select(d => d.Id).ToList();
        Assert.Equal(14, catalog.Count);
        var missing = catalog.Where(id => !supported.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "Rules without an analyzer: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void HelpLinks_PointToExistingDocPages(string analyzerName)
    {
        foreach (var descriptor in Create(analyzerName).SupportedDiagnostics)
        {
            Assert.Equal(RuleCatalog.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            var page = Path.Combine(RepositoryPaths.Root, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page at {page}");
            Assert.Contains("# " + descriptor.Id, File.ReadAllText(page));
        }
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Descriptors_AreListedInReleaseTracking(string analyzerName)
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in Create(analyzerName).SupportedDiagnostics)
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity}", unshipped);
        }
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public async Task EmptySource_NoDiagnosticAndNoException(string analyzerName)
    {
        var diagnostics = await RunAsync(Create(analyzerName), "");
        Assert.Empty(diagnostics);
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public async Task BrokenSource_NoException(string analyzerName)
    {
        const string broken = """
            using System.Threading.Tasks;
            class C {
                async Task M(string[] items) {
                    var s = "";
                    foreach (var item in items {
                        s += item
                        for (;;) while (x) do { s = s + ; } while (
                        await Missing.ReadAsync(;
                        Task.Delay(1).Result.
                }
            """;
        await RunAsync(Create(analyzerName), broken);
    }

    private static DiagnosticAnalyzer Create(string name) => RuleAssemblies.CreateAnalyzers().Single(a => a.GetType().Name == name);

    /// <summary>Runs one analyzer and fails on any analyzer exception (what a build would show as AD0001).</summary>
    private static async Task<ImmutableArray<Diagnostic>> RunAsync(DiagnosticAnalyzer analyzer, string source)
    {
        var references = TestReferences.Net80WithData.References;
        var compilation = CSharpCompilation.Create("Guard", [CSharpSyntaxTree.ParseText(source)], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, _, _) => Assert.Fail(exception.ToString()), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        return await compilation.WithAnalyzers([analyzer], options).GetAnalyzerDiagnosticsAsync();
    }
}
