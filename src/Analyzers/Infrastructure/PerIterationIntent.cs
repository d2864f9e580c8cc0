using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// Shapes where one database call per iteration is by design or does not really happen: the loop runs at most once,
/// leaves after the call, is a work loop, a batch step or a retry. PERF010 (queries) and PERF012 (saves) ask the same
/// question with one difference each, named here: a query's own paging decides for PERF010, a page read anywhere in
/// the body decides for PERF012.
/// </summary>
internal static class PerIterationIntent
{
    /// <summary>PERF010: a query per iteration that is intended (its own <c>Skip</c>/<c>Take</c> make the loop page).</summary>
    public static bool IsIntendedQuery(IOperation operation, Iteration iteration, EfQueryChain? chain, DataAccessTypes types) =>
        (iteration.Loop is { } loop && (IterationContext.RunsAtMostOnce(loop) || LoopContext.IsWorkLoop(loop, chain, types)))
        || IsIntendedWithinIteration(operation, iteration);

    /// <summary>PERF012: a save per iteration that is intended (the loop reads one page per iteration and saves it).</summary>
    public static bool IsIntendedSave(IOperation operation, Iteration iteration, DataAccessTypes types) =>
        (iteration.Loop is { } loop
         && (IterationContext.RunsAtMostOnce(loop) || LoopContext.IsWorkLoop(loop, chain: null, types) || LoopContext.ReadsPages(loop, types)))
        || IsIntendedWithinIteration(operation, iteration);

    private static bool IsIntendedWithinIteration(IOperation operation, Iteration iteration) =>
        IterationContext.LeavesAfter(operation, iteration)
        || IsBatchGuarded(operation, iteration)
        || IterationContext.IsInsideTryOfRetry(operation, iteration);

    /// <summary>
    /// True when an <c>if</c> between the call and the iteration's body makes it a batch step: a modulo
    /// (<c>i % 100 == 0</c>) or a comparison with a count, length or counter the loop increments
    /// (<c>pending.Count &gt;= 500</c>, <c>++n == batchSize</c>).
    /// </summary>
    public static bool IsBatchGuarded(IOperation operation, Iteration iteration)
    {
        var body = iteration.Body;
        if (body is null)
        {
            return false;
        }

        for (var current = operation.Parent; current is not null && !ReferenceEquals(current, body); current = current.Parent)
        {
            if (current is IConditionalOperation { Condition: var condition } conditional
                && conditional.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.IfStatementSyntax
                && IsBatchCondition(condition, iteration))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBatchCondition(IOperation condition, Iteration iteration)
    {
        foreach (var node in condition.DescendantsAndSelf())
        {
            if (node is not IBinaryOperation binary)
            {
                continue;
            }

            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Remainder:
                    return true;
                case BinaryOperatorKind.Equals or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.GreaterThan
                    or BinaryOperatorKind.LessThanOrEqual or BinaryOperatorKind.LessThan:
                    if (IsBatchSize(binary.LeftOperand, binary.RightOperand, iteration) || IsBatchSize(binary.RightOperand, binary.LeftOperand, iteration))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>buffer.Count &gt;= 100</c> or <c>pending == batchSize</c>: a count or counter compared with a threshold.
    /// Not an emptiness test (<c>x.Count == 0</c>) nor a count of the current item's own data (<c>order.Lines.Count &gt; 5</c>).
    /// </summary>
    private static bool IsBatchSize(IOperation side, IOperation other, Iteration iteration)
    {
        if (other.WithoutConversions() is ILiteralOperation { ConstantValue: { HasValue: true, Value: int threshold } } && threshold is 0 or 1)
        {
            return false;
        }

        side = side.WithoutConversions();
        if (IsIncrementedCounter(side, iteration))
        {
            return true;
        }

        return IsCountLike(side) && !ReferencesElement(side, iteration);
    }

    /// <summary>A count of the element itself (<c>order.Lines.Count</c>) describes the item, not a batch.</summary>
    private static bool ReferencesElement(IOperation expression, Iteration iteration)
    {
        ISymbol? element = iteration.Loop is IForEachLoopOperation { Locals.Length: > 0 } loop
            ? loop.Locals[0]
            : iteration.Lambda is { Symbol.Parameters.Length: > 0 } lambda ? lambda.Symbol.Parameters[0] : null;
        if (element is null)
        {
            return false;
        }

        foreach (var node in expression.DescendantsAndSelf())
        {
            if (ReferencedVariable(node) is { } variable && SymbolEqualityComparer.Default.Equals(variable, element))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCountLike(IOperation expression) => expression.WithoutConversions() switch
    {
        IPropertyReferenceOperation { Property.Name: "Count" or "Length" or "LongLength" } => true,
        IInvocationOperation { TargetMethod.Name: "Count" or "LongCount" } => true,
        IBinaryOperation binary => IsCountLike(binary.LeftOperand) || IsCountLike(binary.RightOperand),
        _ => false,
    };

    /// <summary>A counter: <c>++n</c>, <c>n++</c>, or a variable that the iteration increments (<c>n++</c>, <c>n += k</c>) somewhere.</summary>
    private static bool IsIncrementedCounter(IOperation expression, Iteration iteration)
    {
        if (expression is IIncrementOrDecrementOperation { Kind: OperationKind.Increment })
        {
            return true;
        }

        if (ReferencedVariable(expression) is not { } counter)
        {
            return false;
        }

        foreach (var node in iteration.Operation.Descendants())
        {
            var target = node switch
            {
                IIncrementOrDecrementOperation { Kind: OperationKind.Increment } increment => increment.Target,
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add } addition => addition.Target,
                _ => null,
            };
            if (target is not null && SymbolEqualityComparer.Default.Equals(ReferencedVariable(target), counter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The local, parameter, field or property a plain reference names.</summary>
    private static ISymbol? ReferencedVariable(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };
}
