using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF021's fix: which searches a set or lookup answers with the same results — nameable element types, plain keys,
/// consistent equality — and the names of what it builds.
/// </summary>
internal sealed partial class LinearSearchPlan
{
    /// <summary>False for anonymous types (and types built from them) and unresolved types: no name to write in <c>HashSet&lt;…&gt;</c>.</summary>
    private static bool CanBeNamed(ITypeSymbol type) => type switch
    {
        { IsAnonymousType: true } or { TypeKind: TypeKind.Error } => false,
        IArrayTypeSymbol array => CanBeNamed(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.All(CanBeNamed),
        _ => true,
    };

    /// <summary><c>Customer.Id</c> for <c>e =&gt; e.Customer.Id</c>, whatever the parameter is called.</summary>
    private static string KeyPath(IOperation key)
    {
        var path = "";
        for (var current = key; current is IMemberReferenceOperation member; current = member.Instance!)
        {
            path = member.Member.Name + "." + path;
        }

        return path;
    }

    /// <summary>
    /// The probe is evaluated once per element in the original search and once in the lookup: only a value without side
    /// effects (a constant, a local, a parameter, or fields and properties of them) keeps the behaviour.
    /// </summary>
    private static bool IsPlainValue(IOperation probe) => probe.ConstantValue.HasValue || LinearSearch.GetChain(probe) is not null;

    /// <summary>Enumerating once before the loop gives the same elements as enumerating per iteration only for a stored collection.</summary>
    private static bool IsMaterialized(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        if (type is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_ICollection_T or SpecialType.System_Collections_Generic_IReadOnlyCollection_T)
            {
                return true;
            }
        }

        return type is INamedTypeSymbol named
            && named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IReadOnlyCollection_T or SpecialType.System_Collections_Generic_IReadOnlyList_T
                or SpecialType.System_Collections_Generic_ICollection_T or SpecialType.System_Collections_Generic_IList_T;
    }

    /// <summary>The key is a chain of fields or properties of the lambda's parameter: <c>e.Key</c>, <c>e.Customer.Id</c>.</summary>
    private static bool IsKeyOf(IOperation operation, IParameterSymbol parameter)
    {
        if (operation is IConversionOperation)
        {
            return false;
        }

        for (var current = operation; ;)
        {
            switch (current)
            {
                case IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } instance }:
                    current = instance;
                    break;
                case IFieldReferenceOperation { Instance: { } instance }:
                    current = instance;
                    break;
                case IParameterReferenceOperation reference:
                    return !ReferenceEquals(current, operation) && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);
                default:
                    return false;
            }
        }
    }

    private static bool References(IOperation operation, IParameterSymbol parameter)
    {
        if (operation is IConversionOperation)
        {
            return true; // A converted probe would compare with other semantics than the lookup's key type.
        }

        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Types whose <c>==</c> gives the same answers as <c>EqualityComparer&lt;T&gt;.Default</c> (not float or double: NaN).</summary>
    private static bool HasConsistentEquality(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type is not null
            && (type.TypeKind == TypeKind.Enum
                || type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
                    or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
                    or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Decimal or SpecialType.System_String
                || SymbolRelations.IsType(type, "System", "Guid"));
    }

    private static string BaseName(string name)
    {
        name = name.TrimStart('@', '_');
        return name.Length == 0 ? "items" : char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static string Capitalize(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    private static string ChooseName(SemanticModel model, StatementSyntax anchor, string baseName, ISet<string> takenNames)
    {
        var candidate = FreshNames.UnusedInMember(model, anchor, baseName, takenNames);
        takenNames.Add(candidate);
        return candidate;
    }
}
