using System;
using System.Linq;
using Xunit.Abstractions;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>Analyzers and fixes see half-typed code on every keystroke: none of it may make them throw.</summary>
public class BrokenCodeTests(ITestOutputHelper output)
{
    /// <summary>Caps the run time as the corpus grows: the per-source share shrinks, every source keeps at least two variants.</summary>
    private const int VariantBudget = 900;

    private const int MinimumVariants = 300;

    private const int FixesPerRulePerVariant = 3;

    [Fact]
    public async Task BrokenVariantsOfEveryRepositorySource_NoAnalyzerOrCodeFixException()
    {
        var sources = TestSourceCorpus.All();
        var perSource = Math.Clamp(VariantBudget / Math.Max(1, sources.Count), 2, BrokenVariantGenerator.MaxVariantsPerSource);
        var variants = sources.SelectMany(s => BrokenVariantGenerator.Generate(s, perSource)).ToList();

        var checker = new InputChecker();
        // Every diagnostic goes to every fix in small inputs; in a broken copy of a large file, three per rule (spread over it) do.
        await checker.CheckAllAsync(variants, new CheckOptions(FixSamplePerId: FixesPerRulePerVariant));

        output.WriteLine($"Broken variants: {variants.Count} derived from {sources.Count} sources ({TestSourceCorpus.CSharpFiles.Count} files, "
            + $"{TestSourceCorpus.EmbeddedSnippets.Count} embedded snippets), {perSource} per source; "
            + $"{checker.DiagnosticsSeen} diagnostics, {checker.FixesApplied} fixes applied, {checker.Failures.Count} crashes.");
        Assert.True(variants.Count >= MinimumVariants, $"Only {variants.Count} broken variants: the corpus lost its sources.");
        Assert.Equal(variants.Count, checker.InputsChecked);
        Assert.True(checker.Failures.Count == 0, checker.Report());
    }

    [Fact]
    public void VariantGeneration_IsDeterministicAndBreaksTheSource()
    {
        var source = new SourceInput("probe", "class C { string M(string[] a) { var s = \"\"; foreach (var x in a) { s += x; } return s; } }");
        var first = BrokenVariantGenerator.Generate(source, BrokenVariantGenerator.MaxVariantsPerSource);
        var second = BrokenVariantGenerator.Generate(source, BrokenVariantGenerator.MaxVariantsPerSource);

        Assert.Equal(first, second);
        Assert.True(first.Count >= 10, $"Only {first.Count} distinct variants");
        Assert.All(first, v => Assert.NotEqual(source.Text, v.Text));
        Assert.All(first, v => Assert.True(
            Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(v.Text).GetDiagnostics().Any()
            || v.Name.Contains("renamed", StringComparison.Ordinal)
            || v.Name.Contains("swapped", StringComparison.Ordinal),
            $"{v.Name} still parses"));
    }
}
