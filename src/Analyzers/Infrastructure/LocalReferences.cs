using System.Collections.Generic;
using System.Collections.Immutable;
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

    /// <summary>Every read or write of <paramref name="local"/> in the code that can see it around <paramref name="operation"/>.</summary>
    public static List<ILocalReferenceOperation> FindAll(IOperation operation, ILocalSymbol local)
    {
        var found = new List<ILocalReferenceOperation>();
        foreach (var scope in WhereVisible(operation, local))
        {
            foreach (var descendant in scope.DescendantsAndSelf())
            {
                if (descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    found.Add(reference);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// Where the local <paramref name="declarator"/> declares can be read: the statements after its declaration when
    /// that is a statement of a block (C# allows no use of a local before its declaration), else the body of the
    /// function it is declared in (a <c>for</c>, a <c>using (…)</c>, a switch section).
    /// </summary>
    public static IEnumerable<IOperation> VisibleScope(IVariableDeclaratorOperation declarator) =>
        StatementsAfter(declarator) ?? new[] { FunctionScope.InnermostBody(declarator) };

    /// <summary>The statements after the declaration when it is a statement of a block; null when it is declared elsewhere.</summary>
    private static IEnumerable<IOperation>? StatementsAfter(IVariableDeclaratorOperation declarator)
    {
        if (declarator.Parent is not IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group })
        {
            return null;
        }

        IOperation statement = group.Parent is IUsingDeclarationOperation usingDeclaration ? usingDeclaration : group;
        if (statement.Parent is not IBlockOperation block)
        {
            return null;
        }

        var statements = block.Operations;
        var index = statements.IndexOf(statement);
        return index < 0 ? null : Following(statements, index);
    }

    private static IEnumerable<IOperation> Following(ImmutableArray<IOperation> statements, int index)
    {
        for (var i = index + 1; i < statements.Length; i++)
        {
            yield return statements[i];
        }
    }

    /// <summary>Where <paramref name="local"/>, which <paramref name="operation"/> may initialize, can be read: its <see cref="VisibleScope"/>, or the whole member body when <paramref name="operation"/> is not its initializer.</summary>
    private static IEnumerable<IOperation> WhereVisible(IOperation operation, ILocalSymbol local)
    {
        if (ConsumerOf(operation, out _) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
        {
            return VisibleScope(declarator);
        }

        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return new[] { root };
    }
}
