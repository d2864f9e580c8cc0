using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfAnalyzers.Reliability.Tests;

// A test-only analyzer handed straight to CompilationWithAnalyzers: no compiler ever loads it from this assembly,
// so the packaging rules for shipped analyzers (target framework, Workspaces reference, release tracking) do not apply.
#pragma warning disable RS1036, RS1038, RS1041, RS2008

/// <summary>
/// A test-only analyzer that cancels the analysis from inside it when it reaches the Nth method, so "cancelled midway"
/// happens at the same point on every machine, and counts the methods it still sees after that.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class CancellationTripwire(CancellationTokenSource source, int cancelAtMethod) : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("TRIP001", "Never reported", "Never reported", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    private int _methodsSeen;
    private int _methodsSeenAfterCancel;

    public int MethodsSeen => Volatile.Read(ref _methodsSeen);

    public int MethodsSeenAfterCancel => Volatile.Read(ref _methodsSeenAfterCancel);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            _ =>
            {
                if (source.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _methodsSeenAfterCancel);
                }

                if (Interlocked.Increment(ref _methodsSeen) == cancelAtMethod)
                {
                    source.Cancel();
                }
            },
            SyntaxKind.MethodDeclaration);
    }
}
#pragma warning restore RS1036, RS1038, RS1041, RS2008
