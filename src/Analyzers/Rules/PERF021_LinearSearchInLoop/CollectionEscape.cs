using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Changes to a searched collection that happen out of sight of the loop body: the collection handed to a method that
/// may fill it (<c>Register(seen, x)</c>), or a field filled by a method of the same type the loop calls
/// (<c>if (!_processed.Contains(id)) Process(id);</c> where <c>Process</c> adds to <c>_processed</c>). A set built before
/// the loop would not see those additions, so the search is not loop-invariant.
/// </summary>
internal static class CollectionEscape
{
    public static bool MayBeChangedByCallsIn(ILoopOperation loop, List<ISymbol> chain, IOperation search) =>
        MayBeChangedByCallsIn(loop, chain, search, compilation: null);

    /// <summary>
    /// As above; with a <paramref name="compilation"/>, also a method of the object that owns the collection
    /// (<c>registry.Register(x)</c> for a search of <c>registry.Items</c>) whose body fills the collection or its
    /// backing field.
    /// </summary>
    public static bool MayBeChangedByCallsIn(ILoopOperation loop, List<ISymbol> chain, IOperation search, Compilation? compilation)
    {
        if (compilation is not null && chain.Count >= 2 && IsChangedByOwnerMethod(loop, chain, search, compilation))
        {
            return true;
        }

        var root = chain[chain.Count - 1];
        var member = root as IFieldSymbol ?? (ISymbol?)(root as IPropertySymbol);
        foreach (var operation in loop.Descendants())
        {
            // Framework methods that fill a collection (Add, Sort, Array.Fill, …) are found by name in LinearSearch.IsChangedIn.
            if (operation is not IInvocationOperation invocation || ReferenceEquals(invocation, search) || IsFrameworkMethod(invocation.TargetMethod))
            {
                continue;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && !IsReadOnlyView(parameter.Type)
                    && LinearSearch.GetChain(argument.Value) is { } passed && SameChain(passed, chain))
                {
                    return true;
                }
            }

            if (member is not null
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, member.ContainingType.OriginalDefinition)
                && invocation.Instance is null or IInstanceReferenceOperation
                && Mutates(invocation.TargetMethod, member.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsChangedByOwnerMethod(ILoopOperation loop, List<ISymbol> chain, IOperation search, Compilation compilation)
    {
        var collection = chain[0];
        var storage = LinearSearch.ToStorage(new List<ISymbol>(1) { collection }, compilation)[0];
        var owner = chain.GetRange(1, chain.Count - 1);
        foreach (var operation in loop.Descendants())
        {
            if (operation is IInvocationOperation { Instance: { } instance } invocation
                && !ReferenceEquals(invocation, search)
                && !IsFrameworkMethod(invocation.TargetMethod)
                && LinearSearch.GetChain(instance) is { } receiver && SameChain(receiver, owner)
                && (Mutates(invocation.TargetMethod, collection.Name) || Mutates(invocation.TargetMethod, storage.Name)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFrameworkMethod(IMethodSymbol method)
    {
        var ns = method.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }

    /// <summary>A parameter the callee can only read through: IEnumerable&lt;T&gt;, IReadOnly*, or a non-collection type such as object or string.</summary>
    private static bool IsReadOnlyView(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T or SpecialType.System_Collections_IEnumerable or SpecialType.System_Object or SpecialType.System_String
        || type.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T
            or SpecialType.System_Collections_Generic_IReadOnlyCollection_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
        || type.Name.StartsWith("IReadOnly", System.StringComparison.Ordinal)
        || type.Name.StartsWith("ReadOnlySpan", System.StringComparison.Ordinal);

    private static bool SameChain(List<ISymbol> a, List<ISymbol> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Syntax check of the called method's own body: does it assign the member or call a filling method on it.</summary>
    private static bool Mutates(IMethodSymbol method, string memberName)
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                if (node is not IdentifierNameSyntax { Identifier.ValueText: var name } identifier || name != memberName)
                {
                    continue;
                }

                SyntaxNode used = identifier.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self ? self : identifier;
                switch (used.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == used:
                    case MemberAccessExpressionSyntax access when access.Expression == used
                        && access.Parent is InvocationExpressionSyntax && LinearSearch.IsMutatingName(access.Name.Identifier.ValueText):
                    case ArgumentSyntax:
                        return true;
                }
            }
        }

        return false;
    }
}
