using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF010's hoist: a query that reads nothing the loop declares or assigns (<c>await db.Orders.CountAsync(o =&gt; o.Open, ct)</c>
/// in every iteration) runs once into a local before the outermost loop it does not depend on. Planned only for
/// terminals that return a value and cannot throw on no rows (<c>Count</c>, <c>LongCount</c>, <c>Any</c>, <c>All</c>,
/// <c>Sum</c>, <c>Contains</c>, and <c>*Async</c>), so running it even when the loop runs zero times changes nothing,
/// and only when the loop can change no data: every call in it (header included) is framework code known not to write
/// (see <see cref="LoopWrites"/>); a call into your own code, a delegate, Dapper or a context write means no fix.
/// </summary>
internal sealed class LoopInvariantQueryPlan : IBatchedLoopPlan
{
    private LoopInvariantQueryPlan(StatementSyntax loop, ExpressionSyntax replaced, string name)
    {
        Loop = loop;
        Replaced = replaced;
        Name = name;
    }

    public StatementSyntax Loop { get; }

    private ExpressionSyntax Replaced { get; }

    private string Name { get; }

    public static LoopInvariantQueryPlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (token.Parent is not IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax access } name
            || access.Name != name
            || access.Parent is not InvocationExpressionSyntax invocation)
        {
            return null;
        }

        var method = name.Identifier.ValueText;
        var isAsync = method.EndsWith("Async", System.StringComparison.Ordinal);
        if ((isAsync ? method.Substring(0, method.Length - "Async".Length) : method) is not ("Count" or "LongCount" or "Any" or "All" or "Sum" or "Contains"))
        {
            return null;
        }

        ExpressionSyntax replaced = invocation;
        if (isAsync)
        {
            if (invocation.Parent is not AwaitExpressionSyntax awaited)
            {
                return null;
            }

            replaced = awaited;
        }

        if (model.GetTypeInfo(replaced, cancellationToken).Type is not { } resultType
            || !(resultType.IsValueType || resultType.SpecialType == SpecialType.System_String))
        {
            return null;
        }

        StatementSyntax? chosen = null;
        for (var loop = EnclosingLoop(replaced); loop is not null; loop = EnclosingLoop(loop))
        {
            if (loop.Parent is not BlockSyntax || !LoopWrites.IsReadOnly(loop, replaced, model, cancellationToken) || DependsOnLoop(replaced, loop, model, cancellationToken))
            {
                break;
            }

            chosen = loop;
        }

        return chosen is null ? null : new LoopInvariantQueryPlan(chosen, replaced, NameFor(access.Expression, method, isAsync));
    }

    public void Apply(SyntaxEditor editor, HashSet<string> takenNames)
    {
        var name = FreshNames.Reserve(takenNames, Name);
        LoopItems.InsertBefore(editor, Loop, takenNames, $"var {name} = {Replaced.WithoutTrivia()};");
        editor.ReplaceNode(Replaced, IdentifierName(name).WithTriviaFrom(Replaced));
    }

    /// <summary>The loop whose body holds <paramref name="node"/>; null past a lambda, a local function, a handled try or the member.</summary>
    private static StatementSyntax? EnclosingLoop(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.None } loop when loop.Statement.Span.Contains(node.Span):
                    return loop;
                case ForStatementSyntax loop when loop.Statement.Span.Contains(node.Span):
                    return loop;
                case WhileStatementSyntax loop when loop.Statement.Span.Contains(node.Span):
                    return loop;
                case DoStatementSyntax loop when loop.Statement.Span.Contains(node.Span):
                    return loop;
                case CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                case TryStatementSyntax { Catches.Count: > 0 }:
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The query reads a local declared in the loop, or a variable, field or property the loop assigns.</summary>
    private static bool DependsOnLoop(ExpressionSyntax query, StatementSyntax loop, SemanticModel model, CancellationToken cancellationToken)
    {
        var assigned = LoopWrites.AssignedSymbols(loop, model, cancellationToken);
        foreach (var identifier in query.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (symbol is null || assigned.Contains(symbol))
            {
                return true;
            }

            if (symbol is ILocalSymbol or IRangeVariableSymbol
                && symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(r.Span))
                && !symbol.DeclaringSyntaxReferences.Any(r => query.Span.Contains(r.Span)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>ordersCount</c>, <c>anyOrders</c>, <c>ordersSum</c>…, after the set or local the query starts from.</summary>
    private static string NameFor(ExpressionSyntax receiver, string method, bool isAsync)
    {
        var root = receiver;
        while (root is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } && inner.Name is not GenericNameSyntax { Identifier.ValueText: "Set" })
        {
            root = inner.Expression;
        }

        var source = root is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax set } }
            ? set.TypeArgumentList.Arguments[0].ToString() + "s"
            : LoopItems.WrittenName(root, "query");
        var terminal = isAsync ? method.Substring(0, method.Length - "Async".Length) : method;
        return terminal is "Any" or "All" or "Contains"
            ? LoopItems.Camel(terminal) + char.ToUpperInvariant(source[0]) + source.Substring(1)
            : LoopItems.Camel(source) + (terminal == "LongCount" ? "Count" : terminal);
    }
}
