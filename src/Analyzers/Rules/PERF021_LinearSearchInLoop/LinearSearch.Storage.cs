using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

internal sealed partial class LinearSearch
{
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
}
