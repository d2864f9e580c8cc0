using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// "Does this type implement that interface", asked of the type's original definition. A constructed type such as
/// <c>List&lt;Order&gt;</c> is a new symbol each time it is bound, and computing <c>AllInterfaces</c> on each one
/// substitutes every interface again; the definition computes its list once per compilation.
/// </summary>
internal static class TypeHierarchy
{
    /// <summary>
    /// True when <paramref name="type"/> is or implements <paramref name="interfaceDefinition"/>, compared as
    /// definitions: <c>IEnumerable&lt;T&gt;</c> matches any <c>IEnumerable&lt;X&gt;</c>.
    /// </summary>
    public static bool IsOrImplements(ITypeSymbol? type, INamedTypeSymbol? interfaceDefinition)
    {
        if (type is null || interfaceDefinition is null)
        {
            return false;
        }

        var definition = type.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, interfaceDefinition))
        {
            return true;
        }

        foreach (var implemented in definition.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is or implements <c>IEnumerable&lt;T&gt;</c> for some T.</summary>
    public static bool IsOrImplementsGenericEnumerable(ITypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        if (definition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
        {
            return true;
        }

        foreach (var implemented in definition.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }
        }

        return false;
    }
}
