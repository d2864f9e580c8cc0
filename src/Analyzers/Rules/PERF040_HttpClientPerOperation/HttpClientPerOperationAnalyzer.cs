using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF040: <c>new HttpClient(…)</c> with a handler of its own, created and disposed within one call (<c>using</c>,
/// <c>Dispose()</c> in a <c>finally</c>) or created on every iteration of a loop.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpClientPerOperationAnalyzer : DiagnosticAnalyzer
{
    private const string DisposedReason = "is created and disposed within one call";
    private const string LoopReason = "is created on every iteration of this loop";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.HttpClientPerOperation);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            var provider = WellKnownTypeProvider.GetOrCreate(start.Compilation);
            if (HttpClientTypes.Create(provider) is not { } types)
            {
                return;
            }

            start.RegisterOperationAction(ctx => Analyze(ctx, types), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, HttpClientTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(creation.Type, types.HttpClient)
            || !OncePerProcessCode.RunsPerCall(creation, context.ContainingSymbol)
            || !types.OwnsConnectionPool(creation)
            || OncePerProcessCode.Contains(creation, context.ContainingSymbol))
        {
            return;
        }

        var reason = HttpClientLifetime.IsDisposedInSameCall(creation) ? DisposedReason
            : HttpClientLifetime.IsCreatedPerIteration(creation, context.CancellationToken) ? LoopReason
            : null;
        if (reason is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.HttpClientPerOperation, creation.Syntax.GetLocation(), reason));
        }
    }
}
