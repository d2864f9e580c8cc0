using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF041: <c>new Regex(…)</c> or <c>new JsonSerializerOptions { … }</c> built only from constants inside a method,
/// lambda or local function, so on every call, where a static readonly field would build it once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CostlyObjectPerCallAnalyzer : DiagnosticAnalyzer
{
    private const string CompiledNote = " (RegexOptions.Compiled emits IL each time)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.CostlyObjectPerCall);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            var provider = WellKnownTypeProvider.GetOrCreate(start.Compilation);
            if (CacheableTypes.Create(provider) is not { } types)
            {
                return;
            }

            start.RegisterOperationAction(ctx => Analyze(ctx, types), OperationKind.ObjectCreation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, CacheableTypes types)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var kind = types.KindOf(creation.Type);
        if (kind == CacheableKind.None
            // Field and property initializers run once per type or instance; instance constructors are left alone
            // because whether the type is created per request cannot be proven cheaply.
            || context.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
            || !OncePerProcessCode.RunsPerCall(creation, context.ContainingSymbol)
            || !(kind == CacheableKind.Regex ? types.HasConstantRegexArguments(creation) : types.HasConstantSettings(creation))
            || OncePerProcessCode.Contains(creation, context.ContainingSymbol)
            || ConstructionUse.IsKeptBeyondTheCall(creation, kind, types, context.ContainingSymbol))
        {
            return;
        }

        var note = kind == CacheableKind.Regex && types.IsCompiled(creation) ? CompiledNote : "";
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.CostlyObjectPerCall, creation.Syntax.GetLocation(), creation.Type!.Name, note));
    }
}
