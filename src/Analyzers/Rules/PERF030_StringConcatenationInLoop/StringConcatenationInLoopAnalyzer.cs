using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>PERF030: a string accumulated with <c>+=</c>, <c>s = s + …</c>, <c>string.Concat(s, …)</c> or <c>$"{s}…"</c> inside a loop.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StringConcatenationInLoopAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.StringConcatenationInLoop);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            var stringType = start.Compilation.GetSpecialType(SpecialType.System_String);
            start.RegisterOperationAction(AnalyzeCompound, OperationKind.CompoundAssignment);
            start.RegisterOperationAction(ctx => AnalyzeSimple(ctx, stringType), OperationKind.SimpleAssignment);
        });
    }

    private static void AnalyzeCompound(OperationAnalysisContext context)
    {
        var assignment = (ICompoundAssignmentOperation)context.Operation;
        if (assignment.OperatorKind != BinaryOperatorKind.Add
            || assignment.Target.Type?.SpecialType != SpecialType.System_String)
        {
            return;
        }

        Report(context, assignment);
    }

    private static void AnalyzeSimple(OperationAnalysisContext context, INamedTypeSymbol stringType)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        // Called for every assignment in the compilation: a special-type read is the cheapest first test.
        if (assignment.Target.Type?.SpecialType != SpecialType.System_String
            || StringAccumulation.GetAccumulatedSymbol(assignment.Target) is not { } symbol
            || !StringAccumulation.IsSelfConcatenation(assignment.Value, symbol, stringType))
        {
            return;
        }

        Report(context, assignment);
    }

    private static void Report(OperationAnalysisContext context, IAssignmentOperation assignment)
    {
        if (StringAccumulation.GetAccumulatedSymbol(assignment.Target) is not { } symbol
            || LoopContext.FindEnclosingLoop(assignment) is not { } loop
            || LoopContext.IsDeclaredInside(loop, symbol)
            || StringAccumulation.LoopExitsRightAfter(assignment)
            || StringAccumulation.IsInCatchClause(assignment, loop)
            || StringAccumulation.IsBoundedByOwnLength(loop, symbol)
            || StringAccumulation.IsResetEarlierInIteration(assignment, loop, symbol)
            || StringAccumulation.RunsFewTimes(loop, symbol, assignment.SemanticModel!, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.StringConcatenationInLoop, assignment.Syntax.GetLocation(), symbol.Name));
    }
}
