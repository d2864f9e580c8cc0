using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF011: an entity reached by position rather than by a foreach variable — <c>orders[i]</c>,
/// <c>orders.ElementAt(i)</c> with <c>i</c> the counter of an enclosing <c>for</c>, or <c>enumerator.Current</c> in a
/// <c>while (enumerator.MoveNext())</c> loop — directly or through a local initialized with it. Gives the loop that
/// moves to the next entity and the collection the entities come from, which the foreach case resolves the same way.
/// </summary>
internal static class IndexedElement
{
    private const int MaxEnclosingIterations = 8;

    public static (Iteration Iteration, IOperation Collection)? Find(IOperation instance, DataAccessTypes types)
    {
        var element = instance.WithoutConversions();
        if (element is ILocalReferenceOperation local)
        {
            // `var o = orders[i];` declared in the loop and never reassigned: the local is that element.
            if (OperationValues.InitializerOf(local) is not { } initializer || NavigationSourceQuery.IsReassigned(local, types))
            {
                return null;
            }

            element = initializer.WithoutConversions();
        }

        switch (element)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } list } indexer:
                return ByCounter(indexer, list, indexer.Arguments[0].Value, types);
            case IArrayElementReferenceOperation { Indices.Length: 1 } arrayElement:
                return ByCounter(arrayElement, arrayElement.ArrayReference, arrayElement.Indices[0], types);
            case IInvocationOperation { TargetMethod: { Name: "ElementAt" or "ElementAtOrDefault", IsExtensionMethod: true } method, Arguments.Length: 2 } elementAt
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Enumerable):
                return ByCounter(elementAt, elementAt.Arguments[0].Value, elementAt.Arguments[1].Value, types);
            case IPropertyReferenceOperation { Property.Name: "Current", Instance: ILocalReferenceOperation enumerator } current:
                return ByEnumerator(current, enumerator, types);
            default:
                return null;
        }
    }

    /// <summary><c>IEnumerator&lt;T&gt;.Current</c>, also of an enumerator struct (<c>List&lt;T&gt;.Enumerator</c>).</summary>
    public static bool IsEnumeratorCurrent(IPropertySymbol property)
    {
        if (property.Name != "Current" || property.ContainingType is not { } owner)
        {
            return false;
        }

        if (owner.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerator_T)
        {
            return true;
        }

        foreach (var implemented in owner.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerator_T)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>for</c> loop around <paramref name="access"/> that declares the index: each iteration reads another entity.</summary>
    private static (Iteration, IOperation)? ByCounter(IOperation access, IOperation collection, IOperation index, DataAccessTypes types) =>
        index.WithoutConversions() is ILocalReferenceOperation { Local: var counter }
        && EnclosingIteration(access, counter, types, static (loop, counter) => loop is IForLoopOperation forLoop && forLoop.Locals.Contains(counter)) is { } iteration
            ? (iteration, collection)
            : null;

    /// <summary>The <c>while (e.MoveNext())</c> loop around <paramref name="access"/>; the collection is what <c>e</c> enumerates.</summary>
    private static (Iteration, IOperation)? ByEnumerator(IOperation access, ILocalReferenceOperation enumerator, DataAccessTypes types)
    {
        if (OperationValues.InitializerOf(enumerator)?.WithoutConversions() is not IInvocationOperation { TargetMethod.Name: "GetEnumerator" } getEnumerator
            || (getEnumerator.Instance ?? (getEnumerator.Arguments.Length > 0 ? getEnumerator.Arguments[0].Value : null)) is not { } collection
            || NavigationSourceQuery.IsReassigned(enumerator, types))
        {
            return null;
        }

        return EnclosingIteration(access, enumerator.Local, types, static (loop, enumerator) =>
                loop is IWhileLoopOperation { Condition: { } condition }
                && condition.WithoutConversions() is IInvocationOperation { TargetMethod.Name: "MoveNext", Instance: ILocalReferenceOperation moved }
                && SymbolEqualityComparer.Default.Equals(moved.Local, enumerator)) is { } iteration
            ? (iteration, collection)
            : null;
    }

    /// <summary>The nearest of the iterations around <paramref name="access"/> whose loop moves <paramref name="local"/> on.</summary>
    private static Iteration? EnclosingIteration(IOperation access, ILocalSymbol local, DataAccessTypes types, System.Func<ILoopOperation?, ILocalSymbol, bool> movesOn)
    {
        IOperation current = access;
        for (var depth = 0; depth < MaxEnclosingIterations; depth++)
        {
            var iteration = IterationContext.Find(current, types);
            if (!iteration.Exists)
            {
                return null;
            }

            if (movesOn(iteration.Loop, local))
            {
                return iteration;
            }

            current = iteration.Operation;
        }

        return null;
    }
}
