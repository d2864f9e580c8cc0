using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfAnalyzers.Infrastructure;

/// <summary>How every rule treats generated code.</summary>
internal static class GeneratedCode
{
    /// <summary>
    /// Generated code is not analysed: <see cref="GeneratedCodeAnalysisFlags.Analyze"/> is not set. The flag that is
    /// set, <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/>, only spares the driver a second check of each
    /// reported location: every rule reports inside the code it analysed, which the driver has already found not to be
    /// generated, and that second check scans the whole file for a <c>GeneratedCode</c> attribute the first time a rule
    /// reports in it (about half a millisecond per file).
    /// </summary>
    public const GeneratedCodeAnalysisFlags NotAnalyzed = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
