using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// How symbols relate to types and namespaces, asked the same way by every rule: base types compared as
/// definitions, namespaces compared part by part without building their display string.
/// </summary>
internal static class SymbolRelations
{
    /// <summary>
    /// True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it, compared as definitions:
    /// <c>DbSet&lt;Order&gt;</c> inherits from <c>DbSet&lt;T&gt;</c>, <c>Task&lt;int&gt;</c> from <c>Task</c>.
    /// </summary>
    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        var definition = baseType.OriginalDefinition;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, definition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="symbol"/> is declared directly in the namespace <paramref name="fullName"/>
    /// (<c>"System.Threading"</c>; not in a namespace nested inside it).
    /// </summary>
    public static bool IsInNamespace(ISymbol? symbol, string fullName)
    {
        var ns = symbol?.ContainingNamespace;
        var end = fullName.Length;
        while (ns is { IsGlobalNamespace: false })
        {
            var name = ns.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(fullName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return ns.ContainingNamespace is { IsGlobalNamespace: true };
            }

            if (fullName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
            ns = ns.ContainingNamespace;
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is named <paramref name="name"/> and declared directly in <paramref name="namespaceName"/>.</summary>
    public static bool IsType(ITypeSymbol? type, string namespaceName, string name) =>
        type is not null && type.Name == name && IsInNamespace(type, namespaceName);
}
