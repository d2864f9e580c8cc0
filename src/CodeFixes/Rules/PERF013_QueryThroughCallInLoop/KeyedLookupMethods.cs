using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Proves what a single and a batched repository method select, from their bodies: the single one returns
/// <c>Set.FirstOrDefault[Async](e =&gt; e.Key == key)</c> (or SingleOrDefault) for its key parameter, the batched one
/// returns <c>Set.Where(e =&gt; keys.Contains(e.Key)).ToList[Async]()</c> (or ToArray) for its collection parameter,
/// over the same DbSet property and the same key property. Then one batched call, looked up by that key, gives each
/// existing key the entity the single call gives it.
/// </summary>
internal static class KeyedLookupMethods
{
    /// <summary>The DbSet property and key property the single method selects by its first parameter, or null.</summary>
    public static (IPropertySymbol Set, IPropertySymbol Key)? SingleLookup(IOperation? body, IMethodSymbol method, DataAccessTypes types)
    {
        if (ReturnedValue(body) is not IInvocationOperation { TargetMethod.Name: "FirstOrDefault" or "FirstOrDefaultAsync" or "SingleOrDefault" or "SingleOrDefaultAsync" } call
            || !types.IsQueryOperator(call.TargetMethod)
            || call.Arguments.Length < 2
            || SetProperty(call.Arguments[0].Value, types) is not { } set
            || KeyCompared(call.Arguments[1].Value, method.Parameters[0], contains: false) is not { } key)
        {
            return null;
        }

        return (set, key);
    }

    /// <summary>True when the batched method selects by <paramref name="key"/> over <paramref name="set"/> for the keys in its first parameter.</summary>
    public static bool IsBatchedLookup(IOperation? body, IMethodSymbol method, IPropertySymbol set, IPropertySymbol key, DataAccessTypes types)
    {
        if (ReturnedValue(body) is not IInvocationOperation { TargetMethod.Name: "ToList" or "ToListAsync" or "ToArray" or "ToArrayAsync" } materialise
            || materialise.Arguments.Length < 1
            || materialise.Arguments[0].Value.WithoutConversions() is not IInvocationOperation { TargetMethod.Name: "Where", Arguments.Length: 2 } where
            || !types.IsQueryOperator(where.TargetMethod))
        {
            return false;
        }

        return SymbolEqualityComparer.Default.Equals(SetProperty(where.Arguments[0].Value, types), set)
            && SymbolEqualityComparer.Default.Equals(KeyCompared(where.Arguments[1].Value, method.Parameters[0], contains: true), key);
    }

    /// <summary>The value a body returns when it is one expression or one <c>return</c> statement, under <c>await</c>.</summary>
    private static IOperation? ReturnedValue(IOperation? body)
    {
        var value = body;
        if (body is IBlockOperation { Operations.Length: 1 } block)
        {
            value = block.Operations[0] is IReturnOperation { ReturnedValue: { } returned } ? returned : null;
        }

        value = value?.WithoutConversions();
        return value is IAwaitOperation awaited ? awaited.Operation.WithoutConversions() : value;
    }

    private static IPropertySymbol? SetProperty(IOperation operation, DataAccessTypes types) =>
        operation.WithoutConversions() is IPropertyReferenceOperation { Property: var property } && types.IsDbSet(property.Type) ? property.OriginalDefinition : null;

    /// <summary><c>e =&gt; e.Key == parameter</c> (either side), or <c>e =&gt; parameter.Contains(e.Key)</c>: the key property.</summary>
    private static IPropertySymbol? KeyCompared(IOperation argument, IParameterSymbol parameter, bool contains)
    {
        var lambda = argument.WithoutConversions() as IAnonymousFunctionOperation
            ?? (argument.WithoutConversions() as IDelegateCreationOperation)?.Target as IAnonymousFunctionOperation;
        if (lambda is null || lambda.Symbol.Parameters.Length != 1
            || lambda.Body.Operations.Length != 1
            || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: { } returned })
        {
            return null;
        }

        var element = lambda.Symbol.Parameters[0];
        var test = returned.WithoutConversions();
        if (contains)
        {
            // Enumerable.Contains(keys, e.Key) or keys.Contains(e.Key).
            return test switch
            {
                IInvocationOperation { TargetMethod.Name: "Contains", Instance: null, Arguments.Length: 2 } call when IsParameter(call.Arguments[0].Value, parameter) =>
                    KeyOf(call.Arguments[1].Value, element),
                IInvocationOperation { TargetMethod.Name: "Contains", Instance: { } keys, Arguments.Length: 1 } call when IsParameter(keys, parameter) =>
                    KeyOf(call.Arguments[0].Value, element),
                _ => null,
            };
        }

        if (test is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals)
        {
            return null;
        }

        return IsParameter(equals.RightOperand, parameter) ? KeyOf(equals.LeftOperand, element)
            : IsParameter(equals.LeftOperand, parameter) ? KeyOf(equals.RightOperand, element)
            : null;
    }

    private static bool IsParameter(IOperation operation, IParameterSymbol parameter) =>
        operation.WithoutConversions() is IParameterReferenceOperation reference
        && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter.OriginalDefinition);

    private static IPropertySymbol? KeyOf(IOperation operation, IParameterSymbol element) =>
        operation.WithoutConversions() is IPropertyReferenceOperation { Instance: IParameterReferenceOperation instance, Property: var property }
        && SymbolEqualityComparer.Default.Equals(instance.Parameter, element)
            ? property.OriginalDefinition
            : null;
}
