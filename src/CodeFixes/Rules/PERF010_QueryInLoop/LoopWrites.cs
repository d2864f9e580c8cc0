using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfAnalyzers.Rules;

/// <summary>What a loop may change: the data a hoisted query reads, or the variables it reads.</summary>
internal static class LoopWrites
{
    /// <summary>
    /// True when every call in <paramref name="loop"/> (outside <paramref name="query"/>) is known not to write data:
    /// .NET's own libraries except ADO.NET and networking, logging, and EF Core's query operators, <c>Find</c> and <c>Set&lt;T&gt;()</c>.
    /// Your own methods, delegates, Dapper, <c>SaveChanges</c>, <c>Add</c>, <c>Entry</c>, <c>Execute*</c>… may write.
    /// </summary>
    public static bool IsReadOnly(StatementSyntax loop, ExpressionSyntax query, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in loop.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation && !query.Span.Contains(invocation.Span)
                && !(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method && IsKnownReader(method)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Locals, parameters, fields and properties the loop assigns, increments, deconstructs into or passes by reference.</summary>
    public static HashSet<ISymbol> AssignedSymbols(StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        var assigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var node in loop.DescendantNodes())
        {
            var target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } postfix => postfix.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } byRef => byRef.Expression,
                _ => null,
            };
            if (target is not null)
            {
                Add(target, assigned, model, cancellationToken);
            }
        }

        return assigned;
    }

    private static void Add(ExpressionSyntax target, HashSet<ISymbol> assigned, SemanticModel model, CancellationToken cancellationToken)
    {
        if (target is TupleExpressionSyntax tuple)
        {
            foreach (var argument in tuple.Arguments)
            {
                Add(argument.Expression, assigned, model, cancellationToken);
            }

            return;
        }

        if (model.GetSymbolInfo(target, cancellationToken).Symbol is { } symbol)
        {
            assigned.Add(symbol);
        }
    }

    private static bool IsKnownReader(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.DelegateInvoke)
        {
            return false;
        }

        var definition = method.ReducedFrom ?? method;
        var ns = definition.ContainingNamespace?.ToDisplayString() ?? "";
        // ADO.NET runs SQL; a network call may reach a service that writes to the same database.
        if (IsNamespaceOrBelow(ns, "System.Data") || IsNamespaceOrBelow(ns, "System.Net"))
        {
            return false;
        }

        if (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns == "Microsoft.Extensions.Logging")
        {
            return true;
        }

        if (ns != "Microsoft.EntityFrameworkCore")
        {
            return false;
        }

        return definition.ContainingType?.Name switch
        {
            "EntityFrameworkQueryableExtensions" or "RelationalQueryableExtensions" => !definition.Name.StartsWith("Execute", System.StringComparison.Ordinal),
            "DbSet" => definition.Name is "Find" or "FindAsync" or "AsQueryable" or "AsAsyncEnumerable",
            "DbContext" => definition.Name == "Set",
            _ => false,
        };
    }

    private static bool IsNamespaceOrBelow(string ns, string root) =>
        ns == root || (ns.StartsWith(root, System.StringComparison.Ordinal) && ns.Length > root.Length && ns[root.Length] == '.');
}
