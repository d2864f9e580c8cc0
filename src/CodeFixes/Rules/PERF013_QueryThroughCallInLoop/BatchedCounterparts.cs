using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>The signature side of PERF013's fix: which methods could be the batched form of a single lookup, and the shapes of their keys and results.</summary>
internal static class BatchedCounterparts
{
    /// <summary>The type's methods that could be the batched form: the same name, or …Many / …ByIds, with or without Async.</summary>
    public static IEnumerable<IMethodSymbol> BatchedCandidates(IMethodSymbol single, ITypeSymbol? receiverType)
    {
        if (receiverType is null)
        {
            yield break;
        }

        var isAsync = single.Name.EndsWith("Async", System.StringComparison.Ordinal);
        var stem = isAsync ? single.Name.Substring(0, single.Name.Length - 5) : single.Name;
        var suffix = isAsync ? "Async" : "";
        var names = new[] { single.Name, stem + "Many" + suffix, stem + "s" + suffix };
        foreach (var candidateName in names)
        {
            foreach (var member in receiverType.GetMembers(candidateName))
            {
                if (member is IMethodSymbol method && !SymbolEqualityComparer.Default.Equals(method, single))
                {
                    yield return method;
                }
            }
        }
    }

    /// <summary>True for a ToArray-built key array, false for a ToList-built list, null when neither fits the parameter.</summary>
    public static bool? KeyCollectionKind(ITypeSymbol parameter, ITypeSymbol key)
    {
        if (parameter is IArrayTypeSymbol { Rank: 1 } array)
        {
            return SymbolEqualityComparer.Default.Equals(array.ElementType, key) ? true : null;
        }

        if (parameter is INamedTypeSymbol { TypeArguments.Length: 1 } named
            && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], key)
            && named.ConstructedFrom.ToDisplayString() is "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IReadOnlyCollection<T>"
                or "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.ICollection<T>" or "System.Collections.Generic.IList<T>"
                or "System.Collections.Generic.List<T>")
        {
            return false;
        }

        return null;
    }

    /// <summary>T of T, Task&lt;T&gt; or ValueTask&lt;T&gt; when T is a class (the entity).</summary>
    public static INamedTypeSymbol? ElementType(ITypeSymbol returnType)
    {
        var type = Unwrapped(returnType);
        return type is INamedTypeSymbol { TypeKind: TypeKind.Class } named ? (INamedTypeSymbol)named.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : null;
    }

    /// <summary>The element type of a List&lt;T&gt; or T[] result (awaited when a task).</summary>
    public static ITypeSymbol? CollectionElement(ITypeSymbol returnType) => Unwrapped(returnType) switch
    {
        IArrayTypeSymbol array => array.ElementType.WithNullableAnnotation(NullableAnnotation.NotAnnotated),
        INamedTypeSymbol { TypeArguments.Length: 1 } list when SymbolRelations.IsType(list.OriginalDefinition, "System.Collections.Generic", "List") =>
            list.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.NotAnnotated),
        _ => null,
    };

    public static ITypeSymbol Unwrapped(ITypeSymbol type) =>
        IsAwaitable(type) ? ((INamedTypeSymbol)type).TypeArguments[0] : type;

    public static bool IsAwaitable(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1, Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } };

    public static bool IsCancellationToken(ITypeSymbol type) =>
        type is { Name: "CancellationToken", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } };
}
