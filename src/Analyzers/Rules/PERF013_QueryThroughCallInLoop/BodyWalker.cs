using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Walks one method body for the round trips that run on every call: code under an <c>if</c>, a <c>switch</c>, a
/// loop body, a <c>catch</c>, a <c>?.</c>/<c>??</c>/<c>&amp;&amp;</c> operand or a lambda runs only sometimes and is
/// not followed, nor is anything after a conditional <c>return</c>. The exceptions are cache-aside shapes: code that
/// runs on a cache miss is followed and the path is marked as such.
/// </summary>
internal sealed class BodyWalker
{
    private readonly RoundTripSummaries _summaries;
    private readonly RoundTripHop _methodHop;
    private readonly HashSet<IMethodSymbol> _onStack;
    private readonly CancellationToken _cancellationToken;
    private RoundTripPath? _best;

    public BodyWalker(RoundTripSummaries summaries, IMethodSymbol method, HashSet<IMethodSymbol> onStack, CancellationToken cancellationToken)
    {
        _summaries = summaries;
        _methodHop = RoundTripSummaries.HopOf(method);
        _onStack = onStack;
        _cancellationToken = cancellationToken;
    }

    /// <summary>True when recursion or the depth bound kept a callee from being summarised.</summary>
    public bool WasCut { get; private set; }

    public RoundTripPath? Walk(IOperation body)
    {
        // An iterator's body runs when it is enumerated, not when it is called.
        if (IsIterator(body.Syntax))
        {
            return null;
        }

        Visit(body, onCacheMiss: false);
        return _best;
    }

    /// <summary>True when the round trip is written directly: a PERF010 query execution or a context's SaveChanges.</summary>
    public static bool IsDirectRoundTrip(IInvocationOperation invocation, DataAccessTypes types)
    {
        var method = invocation.TargetMethod;
        if (method.Name is "SaveChanges" or "SaveChangesAsync")
        {
            return !method.IsStatic
                && (types.IsDbContext(method.ContainingType) || SaveChangesInLoopAnalyzer.ExposesDbSets(method.ContainingType, types));
        }

        return DatabaseCalls.IsCandidateName(method.Name) && DatabaseCalls.IsQueryExecution(invocation, types, out _);
    }

    private void Visit(IOperation operation, bool onCacheMiss)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (operation)
        {
            case IBlockOperation block:
                VisitStatements(block.Operations, onCacheMiss);
                return;
            case IAnonymousFunctionOperation lambda:
                // A lambda runs when something calls it; a cache factory runs it on a miss.
                if (CacheLookups.IsMissFactory(lambda))
                {
                    Visit(lambda.Body, onCacheMiss: true);
                }

                return;
            case ILocalFunctionOperation:
                return;
            case ILoopOperation loop:
                VisitLoopHeader(loop, onCacheMiss);
                return;
            case IConditionalOperation conditional:
                VisitConditional(conditional, onCacheMiss);
                return;
            case ICoalesceOperation coalesce:
                Visit(coalesce.Value, onCacheMiss);
                if (_summaries.Caches.IsCacheRead(coalesce.Value))
                {
                    Visit(coalesce.WhenNull, onCacheMiss: true);
                }

                return;
            case ICoalesceAssignmentOperation memo:
                // `_all ??= await db.X.ToListAsync()`: loaded on the first call only, whatever the arguments.
                Visit(memo.Target, onCacheMiss);
                return;
            case IConditionalAccessOperation conditionalAccess:
                Visit(conditionalAccess.Operation, onCacheMiss);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                Visit(logical.LeftOperand, onCacheMiss);
                return;
            case ISwitchOperation switchStatement:
                Visit(switchStatement.Value, onCacheMiss);
                return;
            case ISwitchExpressionOperation switchExpression:
                Visit(switchExpression.Value, onCacheMiss);
                return;
            case ITryOperation tryStatement:
                Visit(tryStatement.Body, onCacheMiss);
                if (tryStatement.Finally is { } finallyBlock)
                {
                    Visit(finallyBlock, onCacheMiss);
                }

                return;
            case IInvocationOperation invocation:
                VisitChildren(invocation, onCacheMiss);
                Consider(invocation, onCacheMiss);
                return;
            default:
                VisitChildren(operation, onCacheMiss);
                return;
        }
    }

    private void VisitChildren(IOperation operation, bool onCacheMiss)
    {
        foreach (var child in operation.ChildOperations)
        {
            Visit(child, onCacheMiss);
        }
    }

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

    private void Consider(IInvocationOperation invocation, bool onCacheMiss)
    {
        if (IsDirectRoundTrip(invocation, _summaries.Types))
        {
            var text = CallRendering.Render(invocation.Syntax);
            var trip = new RoundTripHop(WithoutArgumentList(text), InvocationSyntax.NameLocation(invocation));
            Record(RoundTripPath.Direct(_methodHop, trip, onCacheMiss, invocation.TargetMethod.Name is "SaveChanges" or "SaveChangesAsync"));
            return;
        }

        if (_summaries.View.ResolveSingleTarget(invocation.TargetMethod, invocation.IsVirtual, _cancellationToken) is not { } callee)
        {
            return;
        }

        var path = _summaries.Get(callee, _onStack, out var cut, _cancellationToken);
        WasCut |= cut;
        if (path is null)
        {
            return;
        }

        if (path.MethodCount + _onStack.Count > RoundTripSummaries.MaxMethods)
        {
            WasCut = true;
            return;
        }

        Record(path.CalledFrom(_methodHop, onCacheMiss));
    }

    private void Record(RoundTripPath path)
    {
        if (path.IsBetterThan(_best))
        {
            _best = path;
        }
    }

    /// <summary><c>Customers.FirstOrDefaultAsync(...)</c> → <c>Customers.FirstOrDefaultAsync</c>.</summary>
    internal static string WithoutArgumentList(string rendered) =>
        rendered.EndsWith("(...)", System.StringComparison.Ordinal) ? rendered.Substring(0, rendered.Length - 5)
        : rendered.EndsWith("()", System.StringComparison.Ordinal) ? rendered.Substring(0, rendered.Length - 2)
        : rendered;

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

    private static bool IsIterator(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodes(static n => !LoopContext.IsFunctionBoundary(n)))
        {
            if (node is YieldStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }
}
