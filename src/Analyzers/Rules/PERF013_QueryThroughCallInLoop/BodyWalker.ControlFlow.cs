using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>Statements, loops and conditionals: which parts of them run on every call of the walked method.</summary>
internal sealed partial class BodyWalker
{
    /// <summary>
    /// Statements in order, until one may leave the method early: what follows a guard <c>return</c> runs only on some
    /// calls, except after a cache hit's return, where it runs on every miss.
    /// </summary>
    private void VisitStatements(ImmutableArray<IOperation> statements, bool onCacheMiss)
    {
        foreach (var statement in statements)
        {
            Visit(statement, onCacheMiss);
            if (statement is IReturnOperation or IThrowOperation || statement is IExpressionStatementOperation { Operation: IThrowOperation })
            {
                return;
            }

            if (!MayReturn(statement))
            {
                continue;
            }

            if (statement is IConditionalOperation conditional
                && _summaries.Caches.IsHitTest(conditional.Condition, out var hitWhenTrue)
                && !MayReturn(hitWhenTrue ? conditional.WhenFalse : conditional.WhenTrue))
            {
                onCacheMiss = true;
                continue;
            }

            return;
        }
    }

    private void VisitLoopHeader(ILoopOperation loop, bool onCacheMiss)
    {
        // The header runs at least once per call; the body may run zero times (and is PERF010's concern there).
        switch (loop)
        {
            case IForEachLoopOperation forEach:
                Visit(forEach.Collection, onCacheMiss);
                if (EfQueryChain.From(forEach.Collection, _summaries.Types) is not null)
                {
                    var collection = forEach.Collection.WithoutConversions().Syntax;
                    Record(RoundTripPath.Direct(_methodHop, new RoundTripHop(CallRendering.Render(collection), collection.GetLocation()), onCacheMiss, isSave: false));
                }

                return;
            case IForLoopOperation forLoop:
                foreach (var before in forLoop.Before)
                {
                    Visit(before, onCacheMiss);
                }

                if (forLoop.Condition is { } forCondition)
                {
                    Visit(forCondition, onCacheMiss);
                }

                return;
            case IWhileLoopOperation { ConditionIsTop: true, Condition: { } whileCondition }:
                Visit(whileCondition, onCacheMiss);
                return;
        }
    }

    private void VisitConditional(IConditionalOperation conditional, bool onCacheMiss)
    {
        Visit(conditional.Condition, onCacheMiss);
        if (_summaries.Caches.IsHitTest(conditional.Condition, out var hitWhenTrue))
        {
            if ((hitWhenTrue ? conditional.WhenFalse : conditional.WhenTrue) is { } missBranch)
            {
                Visit(missBranch, onCacheMiss: true);
            }

            return;
        }

        if (conditional.WhenFalse is not { } whenFalse)
        {
            return;
        }

        // A round trip on both branches is a round trip on every call.
        var outer = _best;
        _best = null;
        Visit(conditional.WhenTrue, onCacheMiss);
        var whenTrueBest = _best;
        _best = null;
        Visit(whenFalse, onCacheMiss);
        var whenFalseBest = _best;
        _best = outer;
        if (whenTrueBest is not null && whenFalseBest is not null)
        {
            // The weaker of the two holds for every call: a cache miss on one branch makes the whole a cache miss.
            Record(whenTrueBest.IsBetterThan(whenFalseBest) ? whenFalseBest : whenTrueBest);
        }
    }

    /// <summary>True when the statement contains a <c>return</c> (not one inside a lambda or local function).</summary>
    private static bool MayReturn(IOperation? operation)
    {
        if (operation is null)
        {
            return false;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (child is IReturnOperation || (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation) && MayReturn(child)))
            {
                return true;
            }
        }

        return operation is IReturnOperation;
    }
}
