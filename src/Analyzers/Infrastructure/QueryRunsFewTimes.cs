using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// Queries that do not really run once per item (PERF010, PERF013): a loop whose length the EF model fixes, and a query cached behind a
/// null guard, which runs at most once whatever the loop's length.
/// </summary>
internal static class QueryRunsFewTimes
{
    public static bool Applies(IOperation operation, Iteration iteration) =>
        (iteration.Loop is IForEachLoopOperation forEach && IsOverEntityModel(forEach))
        || IsCachedInGuardedLocal(operation, iteration);

    /// <summary>
    /// A loop over one entity's navigations, collections, references or properties from the change tracker
    /// (<c>context.Entry(order).Navigations</c>), or over the model's metadata (<c>entityType.GetNavigations()</c>):
    /// its length is fixed by the model, a handful of members, not by the data.
    /// </summary>
    private static bool IsOverEntityModel(IForEachLoopOperation loop)
    {
        var collection = OperationValues.WithoutConversions(loop.Collection);
        var member = collection switch
        {
            IPropertyReferenceOperation property => property.Property.ContainingType,
            IInvocationOperation invocation => invocation.TargetMethod.ContainingType,
            _ => null,
        };
        var ns = member?.ContainingNamespace;
        return ns is { Name: "ChangeTracking" or "Metadata", ContainingNamespace: { Name: "EntityFrameworkCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } };
    }

    /// <summary>
    /// A query whose result is kept in a local or field declared outside the loop that guards it: <c>x ??= await …;</c>
    /// or <c>if (x is null) x = await …;</c>. After the first run the guard is false, so it runs at most once.
    /// </summary>
    private static bool IsCachedInGuardedLocal(IOperation operation, Iteration iteration)
    {
        if (iteration.Loop is not { } loop)
        {
            return false;
        }

        for (var current = operation.Parent; current is not null && !ReferenceEquals(current, loop); current = current.Parent)
        {
            switch (current)
            {
                case ICoalesceAssignmentOperation coalesce:
                    return GuardSymbol(coalesce.Target) is { } target && !LoopContext.IsDeclaredInside(loop, target);
                case ISimpleAssignmentOperation assignment:
                    return GuardSymbol(assignment.Target) is { } assigned && !LoopContext.IsDeclaredInside(loop, assigned)
                        && IsUnderNullTest(assignment, assigned, loop);
                case IAnonymousFunctionOperation or ILocalFunctionOperation or IBlockOperation:
                    return false;
            }
        }

        return false;
    }

    private static ISymbol? GuardSymbol(IOperation target) => OperationValues.WithoutConversions(target) switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property => property.Property,
        _ => null,
    };

    /// <summary>True when an <c>if</c> around <paramref name="assignment"/> (inside the loop) runs it only while <paramref name="symbol"/> is null.</summary>
    private static bool IsUnderNullTest(IOperation assignment, ISymbol symbol, ILoopOperation loop)
    {
        IOperation child = assignment;
        for (var current = assignment.Parent; current is not null && !ReferenceEquals(current, loop); child = current, current = current.Parent)
        {
            if (current is IConditionalOperation { Condition: var condition } conditional
                && ReferenceEquals(conditional.WhenTrue, child)
                && TestsNull(condition, symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TestsNull(IOperation condition, ISymbol symbol)
    {
        condition = OperationValues.WithoutConversions(condition);
        switch (condition)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals:
                return (IsSymbol(equals.LeftOperand, symbol) && IsNullConstant(equals.RightOperand))
                    || (IsSymbol(equals.RightOperand, symbol) && IsNullConstant(equals.LeftOperand));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.ConditionalAnd } both:
                return TestsNull(both.LeftOperand, symbol) || TestsNull(both.RightOperand, symbol);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var value } } pattern:
                return IsSymbol(pattern.Value, symbol) && IsNullConstant(value);
            default:
                return false;
        }
    }

    private static bool IsSymbol(IOperation operation, ISymbol symbol) =>
        GuardSymbol(operation) is { } found && SymbolEqualityComparer.Default.Equals(found, symbol);

    private static bool IsNullConstant(IOperation operation) =>
        OperationValues.WithoutConversions(operation) is { ConstantValue: { HasValue: true, Value: null } };
}
