using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF021: <c>List&lt;T&gt;.Contains</c>, <c>Array.IndexOf</c>, <c>Enumerable.Any(predicate)</c> and other linear searches inside a
/// loop body, over a collection that stays the same for every iteration.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LinearSearchInLoopAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.LinearSearchInLoop);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            if (LinearSearch.Create(start.Compilation) is not { } search)
            {
                return;
            }

            start.RegisterOperationAction(ctx => Analyze(ctx, search), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, LinearSearch search)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!LinearSearch.IsCandidateName(invocation.TargetMethod.Name)
            || LinearSearch.FindRepeatingLoop(invocation) is not { } loop
            || search.GetSearchedCollection(invocation) is not { } collection
            || LinearSearch.GetChain(collection) is not { Count: > 0 } chain
            || LinearSearch.IsPerIterationOrParams(chain, loop)
            || LinearSearch.IsSmallConstantCollection(chain)
            || LinearSearch.HasEnumElements(collection)
            || LinearSearch.IsChangeTrackerView(collection)
            || LoopContext.HasSmallConstantIterationCount(loop.Syntax, invocation.SemanticModel!, context.CancellationToken)
            || LoopContext.IsServiceLoop(loop.Syntax, invocation.SemanticModel!, context.CancellationToken)
            || LoopContext.IsRetryLoop(loop)
            || DecidesFirstMatchExit(invocation, loop)
            || (LinearSearch.IsMutatingName(invocation.TargetMethod.Name) && WalksSearchedCollection(loop, chain))
            || IsSnapshotReadPerAsyncItem(loop, chain)
            || LinearSearch.IsChangedIn(loop, chain, invocation, context.Compilation)
            || CollectionEscape.MayBeChangedByCallsIn(loop, chain, invocation, context.Compilation)
            || (invocation.TargetMethod.Name == "Remove" && IsChangedInOuterLoops(loop, chain, invocation)))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            RuleCatalog.LinearSearchInLoop,
            InvocationSyntax.NameLocation(invocation),
            invocation.TargetMethod.Name,
            collection.Syntax.ToString()));
    }

    /// <summary>
    /// True when the search is (part of) the condition of an <c>if</c> whose taken branch leaves the loop:
    /// <c>foreach (var dir in dirs) if (File.Exists(c = Path.Combine(dir, name)) &amp;&amp; !ignored.Contains(c)) return c;</c>.
    /// The loop looks for its first acceptable candidate, so the search runs until the first hit, as PERF020 counts such
    /// scans; a search that filters every item (<c>continue</c>, counting, collecting) is still reported.
    /// </summary>
    private static bool DecidesFirstMatchExit(IInvocationOperation invocation, ILoopOperation loop)
    {
        IOperation current = invocation;
        while (current.Parent is { } parent
            && parent is IConversionOperation or IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } or IIsPatternOperation)
        {
            current = parent;
        }

        return current.Parent is IConditionalOperation { WhenTrue: var taken } conditional
            && conditional.Condition == current
            && LoopContext.ContainsExit(taken, loop, throughInnerLoops: false);
    }

    /// <summary>
    /// True when the loop walks the very collection it removes from (<c>for (var i = 0; i &lt; _writers.Count; i++)
    /// _writers.Remove(_writers[i]);</c>): the collection shrinks as the loop runs, it is not the same on every
    /// iteration, and no set built before the loop could replace it.
    /// </summary>
    private static bool WalksSearchedCollection(ILoopOperation loop, System.Collections.Generic.List<ISymbol> chain)
    {
        var walked = loop switch
        {
            IForEachLoopOperation forEach => forEach.Collection,
            IForLoopOperation forLoop => forLoop.Condition,
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            _ => null,
        };
        if (walked is null)
        {
            return false;
        }

        if (LinearSearch.ChainEquals(walked, chain))
        {
            return true;
        }

        foreach (var operation in walked.Descendants())
        {
            if (operation is IPropertyReferenceOperation { Instance: { } instance } && LinearSearch.ChainEquals(instance, chain))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An <c>await foreach</c> over a stream of updates (membership changes, configuration snapshots) that searches a
    /// field or property: between two items the loop awaits, and the state it reads is replaced meanwhile, so a set
    /// built before the loop would be stale from the second item on.
    /// </summary>
    private static bool IsSnapshotReadPerAsyncItem(ILoopOperation loop, System.Collections.Generic.List<ISymbol> chain) =>
        loop is IForEachLoopOperation { IsAsynchronous: true } && chain[chain.Count - 1] is IFieldSymbol or IPropertySymbol;

    /// <summary>
    /// <c>Remove</c> changes the list itself: it is a repeated search only when nothing else in the loops around it
    /// fills or replaces the list (a list that grows and shrinks as a work queue is not a loop-invariant collection).
    /// </summary>
    private static bool IsChangedInOuterLoops(ILoopOperation loop, System.Collections.Generic.List<ISymbol> chain, IInvocationOperation search)
    {
        var root = chain[chain.Count - 1];
        for (var outer = LoopContext.FindEnclosingLoop(loop); outer is not null && !LoopContext.IsDeclaredInside(outer, root); outer = LoopContext.FindEnclosingLoop(outer))
        {
            if (LinearSearch.IsChangedIn(outer, chain, search))
            {
                return true;
            }
        }

        return false;
    }
}
