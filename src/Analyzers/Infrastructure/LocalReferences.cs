using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Where a freshly created object goes: the local that receives it and every place that local is read.</summary>
internal static class LocalReferences
{
    /// <summary>The value's consumer, above any conversion or parenthesis around it.</summary>
    public static IOperation? ConsumerOf(IOperation value, out IOperation outermost)
    {
        outermost = value;
        var parent = value.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            outermost = parent;
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The local <paramref name="value"/> is stored in: <c>var x = value;</c> or <c>x = value;</c>; null otherwise.</summary>
    public static ILocalSymbol? ReceivingLocal(IOperation value)
    {
        var consumer = ConsumerOf(value, out var outermost);
        return consumer switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == outermost => target.Local,
            _ => null,
        };
    }

    /// <summary>Every read or write of <paramref name="local"/> in the function body around <paramref name="operation"/>.</summary>
    public static List<ILocalReferenceOperation> FindAll(IOperation operation, ILocalSymbol local)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        var found = new List<ILocalReferenceOperation>();
        foreach (var descendant in root.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                found.Add(reference);
            }
        }

        return found;
    }
}
