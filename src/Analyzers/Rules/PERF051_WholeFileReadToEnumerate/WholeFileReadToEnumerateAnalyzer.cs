using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF051: <c>File.ReadAllLines(path)</c> whose array is only enumerated once, by a <c>foreach</c> or by one LINQ
/// chain consumed in the same statement (<c>.Where(…).Count()</c>, <c>.Skip(1).Select(…).ToList()</c>), directly or
/// through a local used only by the next statement. <c>File.ReadLines</c> streams the same lines. Not reported in
/// async code (PERF001 reports the synchronous read there), when the array is indexed, measured, stored, returned or
/// enumerated again, or when the chain ends in a lazy sequence (streaming would keep the file open).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WholeFileReadToEnumerateAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.WholeFileReadToEnumerate);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = WellKnownTypeProvider.GetOrCreate(start.Compilation);
            if (types.Get("System.IO.File") is not { } file)
            {
                return;
            }

            // Needed only once a ReadAllLines call is found: looked up then.
            var enumerable = new LazyType(types, "System.Linq.Enumerable");
            start.RegisterOperationAction(ctx => AnalyzeInvocation(ctx, file, enumerable), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, INamedTypeSymbol file, LazyType enumerable)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "ReadAllLines"
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, file)
            || AsyncContext.FindAsyncFunction(invocation, context.ContainingSymbol, out _) is not null
            || enumerable.Value is not { } enumerableType
            || !SingleEnumeration.IsEnumeratedOnce(invocation, enumerableType, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.WholeFileReadToEnumerate, InvocationSyntax.NameLocation(invocation), "File.ReadAllLines"));
    }
}
