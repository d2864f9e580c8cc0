using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>Runs analyzers the way a build does, but records every analyzer exception instead of turning it into a warning.</summary>
internal static class AnalyzerRunner
{
    /// <summary>The id a build reports an analyzer exception under.</summary>
    public const string AnalyzerExceptionId = "AD0001";

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = RuleAssemblies.CreateAnalyzers().ToImmutableArray();

    public static async Task<AnalyzerRun> RunAsync(
        Compilation compilation,
        bool concurrent = false,
        ImmutableArray<DiagnosticAnalyzer> analyzers = default,
        CancellationToken cancellationToken = default,
        ConcurrentQueue<string>? failures = null)
    {
        // The caller may pass its own queue to see the failures of a run that ends by throwing (cancellation).
        failures ??= new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers.IsDefault ? AllAnalyzers : analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics.Where(IsAnalyzerFailure))
        {
            failures.Enqueue(diagnostic.ToString());
        }

        return new AnalyzerRun(diagnostics.Where(d => !IsAnalyzerFailure(d)).ToImmutableArray(), failures.ToList());
    }

    /// <summary>AD0001 (analyzer threw) and the other AD000x driver diagnostics all mean an analyzer misbehaved.</summary>
    public static bool IsAnalyzerFailure(Diagnostic diagnostic) => diagnostic.Id.StartsWith("AD000", System.StringComparison.Ordinal);

    /// <summary>A stable text for comparing runs: file, span, id and message, sorted.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Location.SourceTree?.FilePath}{d.Location.SourceSpan} {d.Id} {d.GetMessage()}")
            .OrderBy(s => s, System.StringComparer.Ordinal)
            .ToList();
}

internal sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<string> Failures);
