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

    /// <summary>True when a call of <paramref name="target"/> resolved to <paramref name="callee"/> reaches beyond the analysed project's own source.</summary>
    bool CrossesProjects(IMethodSymbol target, IMethodSymbol callee);
}

/// <summary>
/// The call targets and bodies one compilation can read: methods declared in its own source and, where a workspace
/// (perf-report, the IDE) hands project references over as <see cref="CompilationReference"/>s, in the source of the
/// projects it references. A build sees referenced projects as metadata, so there it is its own source only.
/// </summary>
internal sealed class CompilationCallTargets : ICallTargetView
{
    private readonly Compilation _compilation;
    private readonly Dictionary<IAssemblySymbol, Compilation> _referencedSources;
    private readonly object _indexLock = new();
    private ImplementationIndex? _index;

    public CompilationCallTargets(Compilation compilation)
    {
        _compilation = compilation;
        _referencedSources = ReferencedSources(compilation);
    }

    /// <summary>Cheap first filter: only methods declared in source this view can read can have a body here.</summary>
    public bool IsDeclaredHere(IMethodSymbol method) =>
        IsOwn(method)
        || (_referencedSources.Count > 0 && method.ContainingAssembly is { } assembly && _referencedSources.ContainsKey(assembly));

    public bool CrossesProjects(IMethodSymbol target, IMethodSymbol callee) =>
        _referencedSources.Count > 0 && (!IsOwn(Definition(target)) || !IsOwn(callee));

    private bool IsOwn(IMethodSymbol method) => SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

    /// <summary>True when <paramref name="location"/> lies in another project's source.</summary>
    public bool IsInReferencedSource(Location location) =>
        location.SourceTree is { } tree && !_compilation.ContainsSyntaxTree(tree);

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
            if (body is null || OwnerOf(body.SyntaxTree, method) is not { } owner)
            {
                continue;
            }

            // The body of a method the loop calls lives in another tree than the one being analysed (perhaps another
            // project's): the owning compilation's shared semantic model is the only way to read it.
#pragma warning disable RS1030
            var model = owner.GetSemanticModel(body.SyntaxTree);
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

    private Compilation? OwnerOf(SyntaxTree tree, IMethodSymbol method)
    {
        if (_compilation.ContainsSyntaxTree(tree))
        {
            return _compilation;
        }

        return method.ContainingAssembly is { } assembly && _referencedSources.TryGetValue(assembly, out var owner) && owner.ContainsSyntaxTree(tree)
            ? owner
            : null;
    }

    private ImplementationIndex Index(CancellationToken cancellationToken)
    {
        lock (_indexLock)
        {
            if (_index is null)
            {
                // Implementations count across the program this project is part of: its own source and the source it references.
                var roots = new List<INamespaceSymbol>(_referencedSources.Count + 1) { _compilation.Assembly.GlobalNamespace };
                foreach (var referenced in _referencedSources.Values)
                {
                    roots.Add(referenced.Assembly.GlobalNamespace);
                }

                _index = ImplementationIndex.Build(roots, cancellationToken);
            }

            return _index;
        }
    }

    /// <summary>
    /// The source compilations this one references, directly or through each other, by the assembly symbol their
    /// methods carry. Empty in a build, where project references are metadata.
    /// </summary>
    private static Dictionary<IAssemblySymbol, Compilation> ReferencedSources(Compilation compilation)
    {
        var found = new Dictionary<IAssemblySymbol, Compilation>(SymbolEqualityComparer.Default);
        var pending = new Stack<Compilation>();
        pending.Push(compilation);
        while (pending.Count > 0)
        {
            foreach (var reference in pending.Pop().References)
            {
                if (reference is CompilationReference { Compilation: var referenced }
                    && referenced.Language == compilation.Language
                    && !SymbolEqualityComparer.Default.Equals(referenced.Assembly, compilation.Assembly)
                    && !found.ContainsKey(referenced.Assembly))
                {
                    found.Add(referenced.Assembly, referenced);
                    pending.Push(referenced);
                }
            }
        }

        return found;
    }
}
