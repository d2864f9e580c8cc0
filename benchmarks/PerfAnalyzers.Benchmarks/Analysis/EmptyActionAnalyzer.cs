using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>
/// One empty operation action for one operation kind: what the driver charges an analyzer for being called back on
/// every operation of that kind, before the analyzer does anything.
/// </summary>
#pragma warning disable RS1001, RS2008 // Not shipped: used directly by the benchmark, never loaded by a compiler, never reports.
internal sealed class EmptyActionAnalyzer(OperationKind kind) : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH002", "Empty action", "Empty action", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS1001, RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static _ => { }, kind);
    }
}
