using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Decides, from symbols alone, whether a synchronous method has an awaitable <c>&lt;Name&gt;Async</c> counterpart:
/// declared on the same type, a base type or (for extension methods) the same extension class; awaitable; not
/// obsolete; with the same static-ness; whose required parameters line up with the original's (name and type), any
/// extra ones optional or a <c>CancellationToken</c>; and whose result type is the original's return type.
/// Each method definition is resolved once per compilation.
/// </summary>
internal sealed class AsyncCounterpartFinder
{
    private readonly ConcurrentDictionary<IMethodSymbol, IMethodSymbol?> _cache = new(SymbolEqualityComparer.Default);
    private readonly INamedTypeSymbol _task;
    private readonly INamedTypeSymbol? _taskOfT;
    private readonly INamedTypeSymbol? _valueTask;
    private readonly INamedTypeSymbol? _valueTaskOfT;
    private readonly INamedTypeSymbol? _cancellationToken;
    private readonly INamedTypeSymbol? _obsolete;

    public AsyncCounterpartFinder(WellKnownTypeProvider types, INamedTypeSymbol task)
    {
        _task = task;
        _taskOfT = types.Get("System.Threading.Tasks.Task`1");
        _valueTask = types.Get("System.Threading.Tasks.ValueTask");
        _valueTaskOfT = types.Get("System.Threading.Tasks.ValueTask`1");
        _cancellationToken = types.Get("System.Threading.CancellationToken");
        _obsolete = types.Get("System.ObsoleteAttribute");
    }

    public INamedTypeSymbol? CancellationToken => _cancellationToken;

    /// <summary>Some counterpart of <paramref name="definition"/> (an original definition, unreduced), or null when none fits.</summary>
    public IMethodSymbol? Find(IMethodSymbol definition)
    {
        if (!_cache.TryGetValue(definition, out var found))
        {
            found = Search(definition);
            _cache.TryAdd(definition, found);
        }

        return found;
    }

    /// <summary>True when <paramref name="candidate"/> (an original definition, unreduced) is a counterpart of <paramref name="definition"/>.</summary>
    public bool Fits(IMethodSymbol definition, IMethodSymbol candidate)
    {
        if (candidate.Name.Length != definition.Name.Length + 5
            || !candidate.Name.StartsWith(definition.Name, System.StringComparison.Ordinal)
            || !candidate.Name.EndsWith("Async", System.StringComparison.Ordinal)
            || candidate.IsStatic != definition.IsStatic
            || candidate.IsExtensionMethod != definition.IsExtensionMethod
            || candidate.TypeParameters.Length != definition.TypeParameters.Length
            || !IsDeclaredAlongside(definition, candidate)
            || !ResultMatches(definition.ReturnType, candidate.ReturnType)
            || IsObsolete(candidate))
        {
            return false;
        }

        // Required parameters line up by position, name and type: never XAsync() for X(string).
        var parameters = definition.Parameters;
        var candidateParameters = candidate.Parameters;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.IsOptional || parameter.IsParams)
            {
                continue;
            }

            if (i >= candidateParameters.Length
                || parameter.RefKind != RefKind.None
                || candidateParameters[i].RefKind != RefKind.None
                || parameter.Name != candidateParameters[i].Name
                || !SameType(parameter.Type, candidateParameters[i].Type) && !IsMemoryForSpan(parameter.Type, candidateParameters[i].Type))
            {
                return false;
            }
        }

        // Whatever the counterpart adds must be optional, or the token a caller can supply.
        for (var i = parameters.Length; i < candidateParameters.Length; i++)
        {
            var extra = candidateParameters[i];
            if (!extra.IsOptional && !extra.IsParams && !SymbolEqualityComparer.Default.Equals(extra.Type, _cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The awaited result type of <paramref name="type"/> (void for Task/ValueTask), or false when it is not awaitable here.</summary>
    public bool TryGetAwaitedType(ITypeSymbol type, out ITypeSymbol? result)
    {
        result = null;
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(named, _task) || SymbolEqualityComparer.Default.Equals(named, _valueTask))
        {
            return true;
        }

        var definition = named.OriginalDefinition;
        if (named.TypeArguments.Length == 1
            && (SymbolEqualityComparer.Default.Equals(definition, _taskOfT) || SymbolEqualityComparer.Default.Equals(definition, _valueTaskOfT)))
        {
            result = named.TypeArguments[0];
            return true;
        }

        return false;
    }

    private IMethodSymbol? Search(IMethodSymbol definition)
    {
        var name = definition.Name + "Async";
        if (definition.IsExtensionMethod)
        {
            return SearchType(definition, definition.ContainingType, name);
        }

        for (var type = definition.ContainingType; type is not null; type = type.BaseType)
        {
            if (SearchType(definition, type, name) is { } found)
            {
                return found;
            }
        }

        if (definition.ContainingType.TypeKind == TypeKind.Interface)
        {
            foreach (var baseInterface in definition.ContainingType.AllInterfaces)
            {
                if (SearchType(definition, baseInterface, name) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    private IMethodSymbol? SearchType(IMethodSymbol definition, INamedTypeSymbol type, string name)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol candidate && Fits(definition, candidate.OriginalDefinition))
            {
                return candidate.OriginalDefinition;
            }
        }

        return null;
    }

    private static bool IsDeclaredAlongside(IMethodSymbol definition, IMethodSymbol candidate)
    {
        if (definition.IsExtensionMethod)
        {
            return SymbolEqualityComparer.Default.Equals(definition.ContainingType, candidate.ContainingType);
        }

        var candidateType = candidate.ContainingType.OriginalDefinition;
        for (var type = definition.ContainingType.OriginalDefinition; type is not null; type = type.BaseType?.OriginalDefinition)
        {
            if (SymbolEqualityComparer.Default.Equals(type, candidateType))
            {
                return true;
            }
        }

        foreach (var baseInterface in definition.ContainingType.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(baseInterface.OriginalDefinition, candidateType))
            {
                return true;
            }
        }

        return false;
    }

    private bool ResultMatches(ITypeSymbol returnType, ITypeSymbol candidateReturnType)
    {
        if (!TryGetAwaitedType(candidateReturnType, out var awaited))
        {
            return false;
        }

        return returnType.SpecialType == SpecialType.System_Void
            ? awaited is null
            : awaited is not null && SameType(returnType, awaited);
    }

    private bool IsObsolete(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _obsolete))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>Span&lt;T&gt;</c> → <c>Memory&lt;T&gt;</c> and <c>ReadOnlySpan&lt;T&gt;</c> → <c>ReadOnlyMemory&lt;T&gt;</c>: how
    /// <c>Stream.Read(Span)</c>/<c>Write(ReadOnlySpan)</c> map to their async versions. The call site still has to bind
    /// (an array converts to both; a stackalloc'd span does not, and is then not reported).
    /// </summary>
    internal static bool IsMemoryForSpan(ITypeSymbol span, ITypeSymbol memory) =>
        span is INamedTypeSymbol { IsGenericType: true, Name: "Span" or "ReadOnlySpan" } spanType
        && memory is INamedTypeSymbol { IsGenericType: true, Name: "Memory" or "ReadOnlyMemory" } memoryType
        && spanType.Name.Replace("Span", "Memory") == memoryType.Name
        && spanType.ContainingNamespace?.Name == "System"
        && memoryType.ContainingNamespace?.Name == "System"
        && SameType(spanType.TypeArguments[0], memoryType.TypeArguments[0]);

    /// <summary>Type equality across two method definitions: their own type parameters correspond by position.</summary>
    internal static bool SameType(ITypeSymbol left, ITypeSymbol right)
    {
        switch (left)
        {
            case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } leftParameter:
                return right is ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } rightParameter
                    && leftParameter.Ordinal == rightParameter.Ordinal;
            case IArrayTypeSymbol leftArray:
                return right is IArrayTypeSymbol rightArray && leftArray.Rank == rightArray.Rank && SameType(leftArray.ElementType, rightArray.ElementType);
            case INamedTypeSymbol { IsGenericType: true } leftNamed:
                if (right is not INamedTypeSymbol { IsGenericType: true } rightNamed
                    || !SymbolEqualityComparer.Default.Equals(leftNamed.OriginalDefinition, rightNamed.OriginalDefinition))
                {
                    return false;
                }

                for (var i = 0; i < leftNamed.TypeArguments.Length; i++)
                {
                    if (!SameType(leftNamed.TypeArguments[i], rightNamed.TypeArguments[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return SymbolEqualityComparer.Default.Equals(left, right);
        }
    }
}
