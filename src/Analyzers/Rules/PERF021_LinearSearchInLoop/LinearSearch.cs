using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// The shapes of "linear search over a collection that stays the same for every iteration" shared by PERF021's
/// analyzer and code fix. The well-known types are resolved once per compilation.
/// </summary>
internal sealed partial class LinearSearch
{
    private readonly INamedTypeSymbol? _list;
    private readonly INamedTypeSymbol? _iList;
    private readonly INamedTypeSymbol? _enumerable;
    private readonly INamedTypeSymbol _array;
    private readonly INamedTypeSymbol? _queryable;
    private readonly INamedTypeSymbol[] _keyedTypes;

    private LinearSearch(Compilation compilation, WellKnownTypeProvider types, INamedTypeSymbol? list, INamedTypeSymbol? enumerable)
    {
        _list = list;
        _enumerable = enumerable;
        _iList = types.Get("System.Collections.Generic.IList`1");
        _array = compilation.GetSpecialType(SpecialType.System_Array);
        _queryable = types.Get("System.Linq.IQueryable");
        var keyed = new List<INamedTypeSymbol>();
        foreach (var name in new[]
                 {
                     "System.Collections.Generic.ISet`1", "System.Collections.Generic.IReadOnlySet`1",
                     "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
                     "System.Collections.IDictionary", "System.Linq.ILookup`2",
                 })
        {
            if (types.Get(name) is { } type)
            {
                keyed.Add(type);
            }
        }

        _keyedTypes = keyed.ToArray();
    }

    /// <summary>Null when the compilation has neither <c>List&lt;T&gt;</c> nor <c>Enumerable</c>: nothing to look for.</summary>
    public static LinearSearch? Create(Compilation compilation) =>
        WellKnownTypeProvider.GetOrCreate(compilation).GetOrCreateTable(types =>
        {
            var list = types.Get("System.Collections.Generic.List`1");
            var enumerable = types.Get("System.Linq.Enumerable");
            return list is null && enumerable is null ? null : new LinearSearch(types.Compilation, types, list, enumerable);
        });

    /// <summary>Cheap first filter on the method name, before any symbol comparison.</summary>
    public static bool IsCandidateName(string name)
    {
        switch (name)
        {
            case "Contains":
            case "IndexOf":
            case "LastIndexOf":
            case "Find":
            case "FindIndex":
            case "FindLast":
            case "FindLastIndex":
            case "Exists":
            case "TrueForAll":
            case "Remove":
            case "Any":
            case "All":
            case "First":
            case "FirstOrDefault":
            case "Single":
            case "SingleOrDefault":
            case "Last":
            case "LastOrDefault":
            case "Count":
            case "Where":
                return true;
            default:
                return false;
        }
    }

    /// <summary>The searched collection when <paramref name="invocation"/> is one of the linear searches this rule knows, else null.</summary>
    public IOperation? GetSearchedCollection(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var containingType = method.ContainingType?.OriginalDefinition;
        if (containingType is null)
        {
            return null;
        }

        IOperation? collection = null;
        if (SymbolEqualityComparer.Default.Equals(containingType, _enumerable))
        {
            if (!method.IsExtensionMethod || invocation.Arguments.Length == 0
                || method.Name is not ("Contains" or "Any" or "All" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" or "Count" or "Where"))
            {
                return null;
            }

            // Everything but Contains is a search only with a predicate: Any() or First() alone read one element.
            if (method.Name != "Contains" && !HasPredicate(method))
            {
                return null;
            }

            collection = ArgumentForParameter(invocation, 0);
        }
        else if (SymbolEqualityComparer.Default.Equals(containingType, _list)
                 || (SymbolEqualityComparer.Default.Equals(containingType, _iList) && method.Name == "IndexOf"))
        {
            if (method.IsStatic || method.Name is "Any" or "All" or "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault" or "Count" or "Where")
            {
                return null;
            }

            collection = invocation.Instance;
        }
        else if (SymbolEqualityComparer.Default.Equals(containingType, _array))
        {
            if (!method.IsStatic || method.Name is not ("IndexOf" or "LastIndexOf" or "Exists" or "Find" or "FindIndex" or "FindLast" or "FindLastIndex" or "TrueForAll"))
            {
                return null;
            }

            collection = ArgumentForParameter(invocation, 0);
        }
        else if (method.Name is "Contains" or "IndexOf" && IsICollectionContainsOnIList(invocation))
        {
            collection = invocation.Instance;
        }

        if (collection is null)
        {
            return null;
        }

        collection = OperationValues.WithoutImplicitConversions(collection);
        return IsSearchableType(collection.Type, method) ? collection : null;
    }

    /// <summary><c>ids.Contains(x)</c> on an <c>IList&lt;T&gt;</c> binds to <c>ICollection&lt;T&gt;.Contains</c>: a list in all but name.</summary>
    private bool IsICollectionContainsOnIList(IInvocationOperation invocation) =>
        invocation.Instance is { } instance
        && _iList is not null
        && OperationValues.WithoutImplicitConversions(instance).Type is INamedTypeSymbol type
        && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _iList)
        && invocation.TargetMethod.ContainingType?.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_ICollection_T;

    private bool IsSearchableType(ITypeSymbol? type, IMethodSymbol method)
    {
        if (type is null || type.SpecialType == SpecialType.System_String || type.TypeKind == TypeKind.Dynamic)
        {
            return false;
        }

        if (TypeHierarchy.IsOrImplements(type, _queryable))
        {
            return false; // A query runs in the database: PERF010's business.
        }

        foreach (var keyed in _keyedTypes)
        {
            if (TypeHierarchy.IsOrImplements(type, keyed))
            {
                return false;
            }
        }

        // dictionary.Keys.Contains(k) reaches the dictionary's own hashed lookup.
        if (method.Name == "Contains" && type is INamedTypeSymbol { Name: "KeyCollection", ContainingType: { } owner })
        {
            foreach (var keyed in _keyedTypes)
            {
                if (TypeHierarchy.IsOrImplements(owner, keyed))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool HasPredicate(IMethodSymbol method)
    {
        var parameters = method.Parameters;
        return parameters.Length >= 2 && parameters[1].Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod.ReturnType.SpecialType: SpecialType.System_Boolean };
    }

    private static IOperation? ArgumentForParameter(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }
}
