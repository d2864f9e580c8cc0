using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Rules;

/// <summary>Which source types implement each interface and override each virtual method, built once per compilation when first needed.</summary>
internal sealed class ImplementationIndex
{
    private readonly Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> _implementations = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _overrides = new(SymbolEqualityComparer.Default);

    public static ImplementationIndex Build(List<INamespaceSymbol> roots, CancellationToken cancellationToken)
    {
        var index = new ImplementationIndex();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        foreach (var root in roots)
        {
            pending.Push(root);
        }

        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = pending.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceOrTypeSymbol container)
                {
                    pending.Push(container);
                }
            }

            if (current is INamedTypeSymbol type)
            {
                index.Add(type);
            }
        }

        return index;
    }

    private void Add(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return;
        }

        if (!type.IsAbstract)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                var definition = implemented.OriginalDefinition;
                if (!_implementations.TryGetValue(definition, out var list))
                {
                    _implementations[definition] = list = new List<INamedTypeSymbol>();
                }

                list.Add(type);
            }
        }

        foreach (var member in type.GetMembers())
        {
            if (member is IMethodSymbol { IsOverride: true } method)
            {
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    var definition = overridden.OriginalDefinition;
                    if (!_overrides.TryGetValue(definition, out var list))
                    {
                        _overrides[definition] = list = new List<IMethodSymbol>();
                    }

                    list.Add(method.OriginalDefinition);
                }
            }
        }
    }

    /// <summary>The one method a call of <paramref name="method"/> can run, or null when there are none or several.</summary>
    public IMethodSymbol? SingleImplementation(IMethodSymbol method)
    {
        IMethodSymbol? single = null;
        if (method.ContainingType.TypeKind == TypeKind.Interface)
        {
            if (!_implementations.TryGetValue(method.ContainingType, out var types))
            {
                return null;
            }

            foreach (var type in types)
            {
                if (FindImplementation(type, method) is not { } implementation)
                {
                    continue;
                }

                if (single is not null && !SymbolEqualityComparer.Default.Equals(single, implementation))
                {
                    return null;
                }

                single = implementation;
            }

            return single;
        }

        if (!method.IsAbstract)
        {
            single = method;
        }

        if (_overrides.TryGetValue(method, out var overrides))
        {
            foreach (var candidate in overrides)
            {
                if (candidate.IsAbstract)
                {
                    continue;
                }

                if (single is not null && !SymbolEqualityComparer.Default.Equals(single, candidate))
                {
                    return null;
                }

                single = candidate;
            }
        }

        return single;
    }

    /// <summary>The member of <paramref name="type"/> that implements <paramref name="interfaceMethod"/> (a definition), as a definition.</summary>
    private static IMethodSymbol? FindImplementation(INamedTypeSymbol type, IMethodSymbol interfaceMethod)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (!SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceMethod.ContainingType))
            {
                continue;
            }

            foreach (var member in implemented.GetMembers(interfaceMethod.Name))
            {
                if (member is IMethodSymbol constructed
                    && SymbolEqualityComparer.Default.Equals(constructed.OriginalDefinition, interfaceMethod)
                    && type.FindImplementationForInterfaceMember(constructed) is IMethodSymbol implementation)
                {
                    return implementation.OriginalDefinition;
                }
            }
        }

        return null;
    }
}
