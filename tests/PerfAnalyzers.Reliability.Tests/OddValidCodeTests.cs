using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Testing;
using Xunit.Abstractions;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>Valid C# of every unusual shape, of extreme length and depth: no analyzer or fix may throw, and fixes must compile.</summary>
public class OddValidCodeTests(ITestOutputHelper output)
{
    private const int LongFileLines = 50_000;

    private const int NestingDepth = 200;

    internal static string CorpusDirectory => Path.Combine(RepositoryPaths.Root, "tests", "PerfAnalyzers.Reliability.Tests", "Corpus");

    public static TheoryData<string> CorpusFiles() =>
        new(Directory.GetFiles(CorpusDirectory, "*.cs").Select(p => Path.GetFileName(p)!).Order(System.StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public async Task CorpusFile_NoAnalyzerOrCodeFixException_AndFixesCompile(string file)
    {
        var input = new SourceInput("Corpus/" + file, File.ReadAllText(Path.Combine(CorpusDirectory, file)));
        var kind = file.StartsWith("TopLevel", System.StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        using var project = await AnalysisProject.CreateAsync([input], kind);
        AssertCompilesCleanly(await project.GetCompilationAsync(), input.Name);

        var checker = new InputChecker();
        await checker.CheckAsync(project, input.Name, new CheckOptions(FixesMustCompile: true));

        output.WriteLine($"{file}: {checker.DiagnosticsSeen} diagnostics, {checker.FixesApplied} fixes applied and compiled.");
        Assert.True(checker.Failures.Count == 0, checker.Report());
        Assert.True(checker.DiagnosticsSeen > 0, $"{file} raised no diagnostic: the analyzers never looked at its odd shapes.");
    }

    [Fact]
    public async Task FiftyThousandLineFile_NoAnalyzerOrCodeFixException()
    {
        var text = LargeSourceGenerator.LongFile(LongFileLines);
        var lines = text.Count(c => c == '\n');
        Assert.True(lines >= LongFileLines, $"Generated only {lines} lines");
        // One fix per id, no Fix All: a single fix already rewrites and reformats the whole 50k-line document.
        await CheckGeneratedAsync(new SourceInput($"generated {lines}-line file", text), new CheckOptions(FixSamplePerId: 1, FixAll: false));
    }

    [Fact]
    public async Task LoopsNestedTwoHundredDeep_NoAnalyzerOrCodeFixException()
    {
        var text = LargeSourceGenerator.DeeplyNestedLoops(NestingDepth);
        await CheckGeneratedAsync(new SourceInput($"loops nested {NestingDepth} deep", text), new CheckOptions(FixSamplePerId: 1));
    }

    private async Task CheckGeneratedAsync(SourceInput input, CheckOptions options)
    {
        using var project = await AnalysisProject.CreateAsync([input]);
        AssertCompilesCleanly(await project.GetCompilationAsync(), input.Name);

        var checker = new InputChecker();
        await checker.CheckAsync(project, input.Name, options);

        output.WriteLine($"{input.Name}: {checker.DiagnosticsSeen} diagnostics, {checker.FixesApplied} fixes applied.");
        Assert.True(checker.Failures.Count == 0, checker.Report(max: 2));
        Assert.True(checker.DiagnosticsSeen > 0, $"{input.Name} raised no diagnostic: the analyzers never reached its body.");
    }

    /// <summary>The input must be valid C#, or the test would only repeat the broken-code test.</summary>
    private static void AssertCompilesCleanly(Compilation compilation, string name)
    {
        var errors = AnalysisProject.Errors(compilation);
        Assert.True(errors.Count == 0, $"{name} does not compile:\n" + string.Join("\n", errors.Take(20)));
    }
}
