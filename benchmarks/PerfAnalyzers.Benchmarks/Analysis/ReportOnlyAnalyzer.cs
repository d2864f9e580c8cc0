using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>
/// The least any analyzer that reports a set of rules' findings can cost: one action for the operation kind the rules
/// look at, and a report exactly where the rules reported on this compilation (found beforehand), with no analysis at
/// all. What is left above this in a real rule is the rule's own work.
/// </summary>
#pragma warning disable RS1001, RS2008 // Not shipped: used directly by the benchmark, never loaded by a compiler.
internal sealed class ReportOnlyAnalyzer : DiagnosticAnalyzer, INamedAnalyzer
{
    private readonly OperationKind _kind;
    // Keyed by the tree itself: the measured compilations share the trees of the run that found the findings, and a
    // reference hash costs nothing next to hashing a path on every callback.
    private readonly Dictionary<(SyntaxTree Tree, TextSpan Span), DiagnosticDescriptor> _findings;

    public ReportOnlyAnalyzer(string name, OperationKind kind, IEnumerable<Diagnostic> findings)
    {
        Name = name;
        _kind = kind;
        var descriptors = new Dictionary<string, DiagnosticDescriptor>(StringComparer.Ordinal);
        _findings = new Dictionary<(SyntaxTree, TextSpan), DiagnosticDescriptor>();
        foreach (var finding in findings)
        {
            if (!descriptors.TryGetValue(finding.Id, out var descriptor))
            {
                // Same id, a message without arguments: the reports count as the rule's, and nothing is formatted.
                descriptors[finding.Id] = descriptor = new DiagnosticDescriptor(finding.Id, "Report only", "Report only", "Benchmark", DiagnosticSeverity.Warning, isEnabledByDefault: true);
            }

            _findings[(finding.Location.SourceTree!, finding.Location.SourceSpan)] = descriptor;
        }

        SupportedDiagnostics = descriptors.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
    }
#pragma warning restore RS1001, RS2008

    public string Name { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterOperationAction(
            operation =>
            {
                var syntax = operation.Operation.Syntax;
                if (_findings.TryGetValue((syntax.SyntaxTree, syntax.Span), out var descriptor))
                {
                    operation.ReportDiagnostic(Diagnostic.Create(descriptor, syntax.GetLocation()));
                }
            },
            _kind);
    }
}
