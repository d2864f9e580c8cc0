using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF021: is the searched collection the same for every iteration? Its chain of members, the loop that repeats the
/// search, and whether anything in the loop may change it.
/// </summary>
internal sealed partial class LinearSearch
{
    private static readonly ConditionalWeakTable<IOperation, List<IOperation>> Mutations = new();
    private static readonly ConditionalWeakTable<IOperation, List<IOperation>>.CreateValueCallback CollectMutationsCallback = CollectMutations;

    /// <summary>
    /// The members from the collection back to its root (<c>[AllowedIds, _options]</c> for <c>_options.AllowedIds</c>),
    /// or null when the value may differ per evaluation: a method call, an indexer, a conditional access.
    /// </summary>
    public static List<ISymbol>? GetChain(IOperation operation)
    {
        var chain = new List<ISymbol>();
        for (var current = OperationValues.WithoutImplicitConversions(operation); ; current = OperationValues.WithoutImplicitConversions(current))
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    chain.Add(local.Local);
                    return chain;
                case IParameterReferenceOperation parameter:
                    chain.Add(parameter.Parameter);
                    return chain;
                case IInstanceReferenceOperation:
                    return chain;
                case IFieldReferenceOperation field:
                    chain.Add(field.Field);
                    if (field.Instance is null)
                    {
                        return chain;
                    }

                    current = field.Instance;
                    break;
                case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                    chain.Add(property.Property);
                    if (property.Instance is null)
                    {
                        return chain;
                    }

                    current = property.Instance;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// The innermost loop whose body runs <paramref name="operation"/> once per iteration. A search in an inner loop's
    /// header (<c>foreach (var x in list.Where(…))</c>) repeats per iteration of the loop around that one.
    /// </summary>
    public static ILoopOperation? FindRepeatingLoop(IOperation operation)
    {
        var loop = LoopContext.FindEnclosingLoop(operation);
        while (loop is not null && !LoopContext.IsInBody(loop, operation))
        {
            loop = LoopContext.FindEnclosingLoop(loop);
        }

        return loop;
    }

    /// <summary>True when the chain's root is a local declared in one of the loops around it (a per-item value), or a <c>params</c> array.</summary>
    public static bool IsPerIterationOrParams(List<ISymbol> chain, ILoopOperation innermost)
    {
        var root = chain[chain.Count - 1];
        if (root is IParameterSymbol { IsParams: true } && chain.Count == 1)
        {
            return true;
        }

        if (root is not ILocalSymbol)
        {
            return false;
        }

        for (IOperation? loop = innermost; loop is ILoopOperation current; loop = LoopContext.FindEnclosingLoop(current))
        {
            if (LoopContext.IsDeclaredInside(current, root))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for EF Core's <c>DbSet&lt;T&gt;.Local</c> view: it changes whenever the context adds, attaches or loads an
    /// entity (<c>Local.FirstOrDefault(..) ?? Add(new …)</c> upserts in a loop), which a lookup built before the loop would miss.
    /// </summary>
    public static bool IsChangeTrackerView(IOperation collection) =>
        SymbolRelations.IsType(OperationValues.WithoutConversions(collection).Type, "Microsoft.EntityFrameworkCore.ChangeTracking", "LocalView");

    /// <summary>
    /// True for a collection of enum values (<c>OrderStatus[] allowed</c>): such a list is a filter of a few named
    /// values, bounded by the enum's size, so searching it does not make the loop quadratic.
    /// </summary>
    public static bool HasEnumElements(IOperation collection)
    {
        var element = OperationValues.WithoutConversions(collection).Type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named => named.TypeArguments[0],
            _ => null,
        };
        return element is { TypeKind: TypeKind.Enum } || element?.SpecialType == SpecialType.System_Boolean;
    }

    /// <summary>True when a one-element chain is a local, field or property initialized with a few inline elements.</summary>
    public static bool IsSmallConstantCollection(List<ISymbol> chain)
    {
        if (chain.Count != 1)
        {
            return false;
        }

        foreach (var reference in chain[0].DeclaringSyntaxReferences)
        {
            var initializer = reference.GetSyntax() switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                PropertyDeclarationSyntax property => property.Initializer?.Value ?? (property.ExpressionBody?.Expression),
                _ => null,
            };
            if (LoopContext.IsSmallInlineCollection(initializer))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when something inside <paramref name="scope"/> may change the collection: an assignment to any member of
    /// its chain or to one of its elements, a ref/out use, or a mutating call on it (other than <paramref name="search"/>).
    /// </summary>
    public static bool IsChangedIn(IOperation scope, List<ISymbol> chain, IOperation search) => IsChangedIn(scope, chain, search, compilation: null);

    /// <summary>
    /// As <see cref="IsChangedIn(IOperation, List{ISymbol}, IOperation)"/>; with a <paramref name="compilation"/>, chains
    /// are compared by the storage they read (<see cref="ToStorage"/>): <c>Items.Add(x)</c> changes <c>_items</c> when
    /// <c>Items =&gt; _items</c>, and so does <c>list.Add(x)</c> after <c>var list = _items;</c>.
    /// </summary>
    public static bool IsChangedIn(IOperation scope, List<ISymbol> chain, IOperation search, Compilation? compilation)
    {
        if (compilation is not null)
        {
            chain = ToStorage(chain, compilation);
        }

        foreach (var operation in MutationsIn(scope))
        {
            switch (operation)
            {
                case IAssignmentOperation assignment when TargetsChain(assignment.Target, chain, compilation):
                    return true;
                case IIncrementOrDecrementOperation increment when TargetsChain(increment.Target, chain, compilation):
                    return true;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when ChainEquals(argument.Value, chain, compilation) || TargetsChain(argument.Value, chain, compilation):
                    return true;
                case IInvocationOperation invocation when !ReferenceEquals(invocation, search) && IsMutatingName(invocation.TargetMethod.Name):
                    var receiver = invocation.Instance
                        ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    if (receiver is not null && ChainEquals(receiver, chain, compilation))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>An assignment to the collection, to a member of the chain leading to it, or to one of its elements.</summary>
    private static bool TargetsChain(IOperation target, List<ISymbol> chain, Compilation? compilation)
    {
        target = OperationValues.WithoutImplicitConversions(target);
        switch (target)
        {
            case ITupleOperation tuple: // (a, list) = …
                foreach (var element in tuple.Elements)
                {
                    if (TargetsChain(element, chain, compilation))
                    {
                        return true;
                    }
                }

                return false;
            case IDeclarationExpressionOperation:
                return false;
            case IArrayElementReferenceOperation element:
                return ChainEquals(element.ArrayReference, chain, compilation);
            case IPropertyReferenceOperation { Arguments.Length: > 0, Instance: { } instance }:
                return ChainEquals(instance, chain, compilation);
        }

        if (GetChain(target) is not { Count: > 0 } assigned)
        {
            return false;
        }

        if (compilation is not null)
        {
            assigned = ToStorage(assigned, compilation);
        }

        // Assigning `_options` or `_options.AllowedIds` both change what `_options.AllowedIds` is.
        for (var i = 0; i < chain.Count; i++)
        {
            if (SymbolEqualityComparer.Default.Equals(chain[i], assigned[0]) && SuffixEquals(chain, i, assigned))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SuffixEquals(List<ISymbol> chain, int start, List<ISymbol> other)
    {
        if (chain.Count - start != other.Count)
        {
            return false;
        }

        for (var i = 0; i < other.Count; i++)
        {
            if (!SymbolEqualityComparer.Default.Equals(chain[start + i], other[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool ChainEquals(IOperation operation, List<ISymbol> chain) => ChainEquals(operation, chain, compilation: null);

    private static bool ChainEquals(IOperation operation, List<ISymbol> chain, Compilation? compilation) =>
        GetChain(operation) is { } other && SuffixEquals(chain, 0, compilation is null ? other : ToStorage(other, compilation));

    internal static bool IsMutatingName(string name) => name is "Add" or "AddRange" or "Insert" or "InsertRange" or "Remove" or "RemoveAt"
        or "RemoveAll" or "RemoveRange" or "Clear" or "Sort" or "Reverse" or "Fill" or "Resize" or "Push" or "Pop" or "Enqueue" or "Dequeue"
        or "TryAdd" or "Set" or "Replace";

    /// <summary>
    /// The operations in <paramref name="scope"/> that may change something (assignments, increments, ref/out
    /// arguments, calls with a mutating name), collected once per loop: every search in the loop asks about them.
    /// The cache holds the loop's operation tree weakly, so the facts go away with it.
    /// </summary>
    private static List<IOperation> MutationsIn(IOperation scope) => Mutations.GetValue(scope, CollectMutationsCallback);

    private static List<IOperation> CollectMutations(IOperation scope)
    {
        var mutations = new List<IOperation>();
        foreach (var operation in scope.Descendants())
        {
            switch (operation)
            {
                case IAssignmentOperation:
                case IIncrementOrDecrementOperation:
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                case IInvocationOperation invocation when IsMutatingName(invocation.TargetMethod.Name):
                    mutations.Add(operation);
                    break;
            }
        }

        return mutations;
    }
}
