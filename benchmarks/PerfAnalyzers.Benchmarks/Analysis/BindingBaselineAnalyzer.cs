using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Does nothing but ask for every method body's operation tree, as any operation analyzer does: the driver's and the
/// binder's share of a run. An analyzer's own cost is what it adds on top of this.
/// </summary>
#pragma warning disable RS1001, RS2008 // Not shipped: used directly by the benchmark, never loaded by a compiler, never reports.
internal sealed class BindingBaselineAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new("BENCH000", "Binding baseline", "Binding baseline", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);
#pragma warning restore RS1001, RS2008

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationBlockAction(static _ => { });
    }
}
