using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Empty operation actions for the operation kinds PerfAnalyzers registers: the driver then walks every operation
/// tree and calls back for each such operation, the work any analyzer with operation actions of these kinds brings
/// (the SDK's default analyzers among them). Measured against it, what is left is PerfAnalyzers' own work.
/// </summary>
#pragma warning disable RS1001, RS2008 // Not shipped: used directly by the benchmark, never loaded by a compiler, never reports.
internal sealed class OperationWalkBaselineAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH001", "Operation walk baseline", "Operation walk baseline", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS1001, RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(
            static _ => { },
            OperationKind.Invocation,
            OperationKind.PropertyReference,
            OperationKind.Loop,
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment);
    }
}
