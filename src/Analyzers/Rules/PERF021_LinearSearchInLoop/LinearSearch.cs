using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// The shapes of "linear search over a collection that stays the same for every iteration" shared by PERF021's
/// analyzer and code fix. The well-known types are resolved once per compilation.
/// </summary>
internal sealed class LinearSearch
{
    private readonly INamedTypeSymbol? _list;
    private readonly INamedTypeSymbol? _iList;
    private readonly INamedTypeSymbol? _enumerable;
    private readonly INamedTypeSymbol _array;
    private readonly INamedTypeSymbol? _queryable;
    private readonly INamedTypeSymbol[] _keyedTypes;

    private LinearSearch(Compilation compilation, INamedTypeSymbol? list, INamedTypeSymbol? enumerable)
    {
        _list = list;
        _enumerable = enumerable;
        _iList = compilation.GetTypeByMetadataName("System.Collections.Generic.IList`1");
        _array = compilation.GetSpecialType(SpecialType.System_Array);
        _queryable = compilation.GetTypeByMetadataName("System.Linq.IQueryable");
        var keyed = new List<INamedTypeSymbol>();
        foreach (var name in new[]
                 {
                     "System.Collections.Generic.ISet`1", "System.Collections.Generic.IReadOnlySet`1",
                     "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
                     "System.Collections.IDictionary", "System.Linq.ILookup`2",
                 })
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                keyed.Add(type);
            }
        }

        _keyedTypes = keyed.ToArray();
    }

    /// <summary>Null when the compilation has neither <c>List&lt;T&gt;</c> nor <c>Enumerable</c>: nothing to look for.</summary>
    public static LinearSearch? Create(Compilation compilation)
    {
        var list = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        var enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        return list is null && enumerable is null ? null : new LinearSearch(compilation, list, enumerable);
    }

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
        && invocation.TargetMethod.ContainingType?.OriginalDefinition.ToDisplayString() == "System.Collections.Generic.ICollection<T>";

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
        OperationValues.WithoutConversions(collection).Type is INamedTypeSymbol
        {
            Name: "LocalView",
            ContainingNamespace: { Name: "ChangeTracking", ContainingNamespace: { Name: "EntityFrameworkCore", ContainingNamespace.Name: "Microsoft" } },
        };

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

        foreach (var operation in scope.Descendants())
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

    /// <summary>
    /// The storage a chain reads, outermost member first as in <see cref="GetChain"/>: a property of the application
    /// whose getter only returns a field or property of the same object (<c>Items =&gt; _items</c>) is replaced by
    /// that member, and a local initialized from a chain and never reassigned (<c>var list = _items;</c>) by that chain.
    /// </summary>
    public static List<ISymbol> ToStorage(List<ISymbol> chain, Compilation compilation)
    {
        var result = new List<ISymbol>(chain.Count);
        for (var i = 0; i < chain.Count; i++)
        {
            var symbol = chain[i];
            if (i == chain.Count - 1 && symbol is ILocalSymbol local && AliasOf(local, compilation) is { Count: > 0 } aliased)
            {
                result.AddRange(ToStorage(aliased, compilation));
                return result;
            }

            result.Add(symbol is IPropertySymbol property && BackingMember(property, compilation) is { } backing ? backing : symbol);
        }

        return result;
    }

    private static List<ISymbol>? AliasOf(ILocalSymbol local, Compilation compilation)
    {
        if (local.Type.IsValueType || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value }
            || !compilation.ContainsSyntaxTree(value.SyntaxTree)
            || compilation.GetSemanticModel(value.SyntaxTree).GetOperation(value) is not { } initializer)
        {
            return null;
        }

        // Only an alias of an existing collection (not a new one built from it) reads the same storage.
        return OperationValues.WithoutConversions(initializer) is IFieldReferenceOperation or IPropertyReferenceOperation
            ? GetChain(initializer)
            : null;
    }

    /// <summary>The field or property of <c>this</c> that a source property's getter alone returns, or null.</summary>
    private static ISymbol? BackingMember(IPropertySymbol property, Compilation compilation)
    {
        if (property.GetMethod is not { } getter || getter.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = getter.DeclaringSyntaxReferences[0].GetSyntax();
        ExpressionSyntax? returned = syntax switch
        {
            ArrowExpressionClauseSyntax arrow => arrow.Expression,
            AccessorDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
            AccessorDeclarationSyntax { Body.Statements: { Count: 1 } statements } when statements[0] is ReturnStatementSyntax { Expression: { } value } => value,
            _ => null,
        };
        if (returned is null || !compilation.ContainsSyntaxTree(returned.SyntaxTree)
            || compilation.GetSemanticModel(returned.SyntaxTree).GetOperation(returned) is not { } operation)
        {
            return null;
        }

        return OperationValues.WithoutConversions(operation) switch
        {
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } other
                when !SymbolEqualityComparer.Default.Equals(other.Property, property) => other.Property,
            _ => null,
        };
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
}
