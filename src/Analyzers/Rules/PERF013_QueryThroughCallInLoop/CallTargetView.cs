using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Where a call goes and what the callee's body is. A build sees one compilation (<see cref="CompilationCallTargets"/>);
/// a whole-solution view can answer the same questions across projects, so the chain finding is written once.
/// </summary>
internal interface ICallTargetView
{
    /// <summary>
    /// The one method a call of <paramref name="target"/> runs, as a definition with a body this view can read; null
    /// when it has no readable body or, for an interface, abstract or virtual member, when there is not exactly one
    /// implementation.
    /// </summary>
    IMethodSymbol? ResolveSingleTarget(IMethodSymbol target, bool isVirtualCall, CancellationToken cancellationToken);

    /// <summary>The body of <paramref name="method"/> (a definition returned by <see cref="ResolveSingleTarget"/>), or null.</summary>
    IOperation? GetBody(IMethodSymbol method, CancellationToken cancellationToken);
}

/// <summary>The call targets and bodies one compilation holds: methods declared in its own source.</summary>
internal sealed class CompilationCallTargets : ICallTargetView
{
    private readonly Compilation _compilation;
    private readonly object _indexLock = new();
    private ImplementationIndex? _index;

    public CompilationCallTargets(Compilation compilation)
    {
        _compilation = compilation;
    }

    /// <summary>Cheap first filter: only methods declared by this compilation can have a body here.</summary>
    public bool IsDeclaredHere(IMethodSymbol method) =>
        SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

    public IMethodSymbol? ResolveSingleTarget(IMethodSymbol target, bool isVirtualCall, CancellationToken cancellationToken)
    {
        var method = Definition(target);
        if (!IsDeclaredHere(method))
        {
            return null;
        }

        var dispatched = method.ContainingType.TypeKind == TypeKind.Interface
            || (isVirtualCall && (method.IsAbstract || method.IsVirtual || method.IsOverride) && !method.IsSealed && !method.ContainingType.IsSealed);
        if (dispatched)
        {
            method = Index(cancellationToken).SingleImplementation(method);
            if (method is null)
            {
                return null;
            }
        }

        return method.IsAbstract || method.IsExtern || method.DeclaringSyntaxReferences.IsEmpty ? null : method;
    }

    public IOperation? GetBody(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            SyntaxNode? body = syntax switch
            {
                BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
                LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
                AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
                ArrowExpressionClauseSyntax propertyArrow => propertyArrow,
                _ => null,
            };
            if (body is null || !_compilation.ContainsSyntaxTree(body.SyntaxTree))
            {
                continue;
            }

            // The body of a method the loop calls lives in another tree than the one being analysed: the compilation's
            // shared semantic model is the only way to read it.
#pragma warning disable RS1030
            var model = _compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
            var operation = model.GetOperation(body is ArrowExpressionClauseSyntax arrow ? arrow.Expression : body, cancellationToken);
            if (operation is not null)
            {
                return operation;
            }
        }

        return null;
    }

    /// <summary>The definition a call binds to: unreduced, uninstantiated (<c>Repository&lt;T&gt;.GetByIdAsync</c>).</summary>
    public static IMethodSymbol Definition(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    private ImplementationIndex Index(CancellationToken cancellationToken)
    {
        lock (_indexLock)
        {
            return _index ??= ImplementationIndex.Build(_compilation.Assembly.GlobalNamespace, cancellationToken);
        }
    }
}

/// <summary>Which source types implement each interface and override each virtual method, built once per compilation when first needed.</summary>
internal sealed class ImplementationIndex
{
    private readonly Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> _implementations = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _overrides = new(SymbolEqualityComparer.Default);

    public static ImplementationIndex Build(INamespaceSymbol root, CancellationToken cancellationToken)
    {
        var index = new ImplementationIndex();
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(root);
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
