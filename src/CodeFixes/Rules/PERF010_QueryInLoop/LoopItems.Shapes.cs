using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfAnalyzers.Rules;

/// <summary>The two loop shapes whose items can be read once before the loop with the same result.</summary>
internal sealed partial class LoopItems
{
    private static LoopItems? FromForEach(ForEachStatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!loop.AwaitKeyword.IsKind(SyntaxKind.None)
            || loop.Parent is not BlockSyntax
            || model.GetDeclaredSymbol(loop, cancellationToken) is not { } item)
        {
            return null;
        }

        if (IsStableCollection(model, loop.Expression, cancellationToken))
        {
            return new LoopItems(loop, loop.Statement, loop.Expression, item, loop.Identifier.ValueText);
        }

        // A call that returns a list or array (`db.Orders.ToList()`, `await GetOrdersAsync()`) runs once either way;
        // stored in a local, its items can be read twice.
        var call = loop.Expression is AwaitExpressionSyntax awaited ? awaited.Expression : loop.Expression;
        return call is InvocationExpressionSyntax && IsCollectionType(model.GetTypeInfo(loop.Expression, cancellationToken).Type)
            ? new LoopItems(loop, loop.Statement, loop.Expression, item, loop.Identifier.ValueText, storeCollection: true)
            : null;
    }

    /// <summary>
    /// <c>for (var i = 0; i &lt; list.Count; i++)</c> (or <c>.Length</c>, <c>++i</c>) over a local or parameter the body
    /// only indexes with <c>i</c> and that nothing in the loop assigns: the loop visits exactly the list's items in order.
    /// </summary>
    private static LoopItems? FromFor(ForStatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        if (loop.Parent is not BlockSyntax
            || loop.Declaration is not { Variables.Count: 1 } declaration
            || declaration.Variables[0] is not { Initializer.Value: LiteralExpressionSyntax { Token.ValueText: "0" } } variable
            || loop.Initializers.Count != 0
            || loop.Condition is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LessThanExpression, Left: IdentifierNameSyntax bound, Right: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" or "Length", Expression: IdentifierNameSyntax collection } }
            || bound.Identifier.ValueText != variable.Identifier.ValueText
            || loop.Incrementors.Count != 1
            || loop.Incrementors[0] is not (PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression, Operand: IdentifierNameSyntax } or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression, Operand: IdentifierNameSyntax })
            || model.GetDeclaredSymbol(variable, cancellationToken) is not ILocalSymbol index
            || model.GetSymbolInfo(collection, cancellationToken).Symbol is not { Kind: SymbolKind.Local or SymbolKind.Parameter } list
            || !IsStableCollection(model, collection, cancellationToken))
        {
            return null;
        }

        var incremented = loop.Incrementors[0] is PostfixUnaryExpressionSyntax post ? post.Operand : ((PrefixUnaryExpressionSyntax)loop.Incrementors[0]).Operand;
        if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(incremented, cancellationToken).Symbol, index))
        {
            return null;
        }

        // In the body the index is only read, and the list only indexed by it.
        foreach (var identifier in loop.Statement.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (SymbolEqualityComparer.Default.Equals(symbol, index) && IsWritten(identifier))
            {
                return null;
            }

            if (SymbolEqualityComparer.Default.Equals(symbol, list)
                && !(identifier.Parent is ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } access
                    && access.Expression == identifier
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.ArgumentList.Arguments[0].Expression, cancellationToken).Symbol, index)))
            {
                return null;
            }
        }

        return new LoopItems(loop, loop.Statement, collection, index, itemName: null);
    }

    /// <summary>
    /// A one-parameter lambda passed to a LINQ-to-objects operator over a stable collection that runs it before the
    /// statement ends: an eager one (<c>Sum</c>, <c>Any</c>, <c>ToDictionary</c>…, <c>List&lt;T&gt;.ForEach</c>), or
    /// <c>Select</c>/<c>Where</c> materialized at once (<c>.ToList()</c>, <c>.ToArray()</c>). The keys and the batched
    /// query go before that statement, which must sit in a block.
    /// </summary>
    private static LoopItems? FromLambda(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        ParameterSyntax? parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter,
            ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0],
            _ => null,
        };
        if (parameter is null || !lambda.AsyncKeyword.IsKind(SyntaxKind.None)
            || lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
            || call.Expression is not MemberAccessExpressionSyntax { Name: SimpleNameSyntax operatorName } access
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method
            || !RunsLambdaNow(method, operatorName.Identifier.ValueText, call)
            || !IsStableCollection(model, access.Expression, cancellationToken)
            || model.GetDeclaredSymbol(parameter, cancellationToken) is not { } item)
        {
            return null;
        }

        // The statement that runs the operator, with no other lambda or local function in between.
        for (SyntaxNode? current = call.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case StatementSyntax statement:
                    return statement.Parent is BlockSyntax ? new LoopItems(statement, lambda.Body, access.Expression, item, parameter.Identifier.ValueText) : null;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    private static bool RunsLambdaNow(IMethodSymbol method, string name, InvocationExpressionSyntax call)
    {
        if (name == "ForEach")
        {
            return method.ContainingType is { Arity: 1 } list && SymbolRelations.IsType(list, "System.Collections.Generic", "List");
        }

        if (!SymbolRelations.IsType((method.ReducedFrom ?? method).ContainingType, "System.Linq", "Enumerable"))
        {
            return false;
        }

        return name switch
        {
            "Sum" or "Count" or "LongCount" or "Any" or "All" or "Max" or "Min" or "Average" or "ToDictionary" or "ToLookup" => true,
            "Select" or "Where" => call.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToList" or "ToArray" or "ToHashSet", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } },
            _ => false,
        };
    }

    /// <summary>The loop's item: its foreach variable, or <c>list[i]</c> in a counting for.</summary>
    private bool IsItem(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        if (_itemName is not null)
        {
            return expression is IdentifierNameSyntax && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression, cancellationToken).Symbol, _item);
        }

        return expression is ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax list, ArgumentList.Arguments.Count: 1 } access
            && list.Identifier.ValueText == ((IdentifierNameSyntax)Collection).Identifier.ValueText
            && access.ArgumentList.Arguments[0].Expression is IdentifierNameSyntax index
            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(index, cancellationToken).Symbol, _item);
    }

    private static bool IsWritten(IdentifierNameSyntax identifier) => identifier.Parent switch
    {
        AssignmentExpressionSyntax assignment => assignment.Left == identifier,
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } => true,
        PostfixUnaryExpressionSyntax => true,
        ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None),
        _ => false,
    };

    /// <summary>An array or collection held by a local, parameter, field or property: enumerating it twice sees the same items.</summary>
    private static bool IsStableCollection(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax }))
        {
            return false;
        }

        return IsCollectionType(model.GetTypeInfo(expression, cancellationToken).Type);
    }

    private static bool IsCollectionType(ITypeSymbol? type) =>
        type is IArrayTypeSymbol
        || (type is not null && type.AllInterfaces.Any(i =>
            i.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_ICollection_T or SpecialType.System_Collections_Generic_IReadOnlyCollection_T));
}
