using System.Collections.Generic;
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
internal sealed partial class BodyWalker
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

        Record(path.CalledFrom(_methodHop, onCacheMiss, _summaries.View.CrossesProjects(invocation.TargetMethod, callee)));
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
