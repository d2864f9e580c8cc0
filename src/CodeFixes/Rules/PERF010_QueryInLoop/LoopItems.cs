using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// The loop a PERF010 batched fix reads its keys from, before the loop runs: a <c>foreach</c> over a stable collection
/// (the item is the loop variable) or a <c>for</c> loop counting over one (<c>for (var i = 0; i &lt; list.Count; i++)</c>,
/// the item is <c>list[i]</c>), or a LINQ-to-objects lambda over one that runs within its statement
/// (<c>warehouses.Select(w =&gt; …).ToList()</c>, <c>ids.ForEach(id =&gt; …)</c>; the item is the parameter).
/// A key is the item or a chain of its properties (<c>item.X</c>, <c>item.Customer.Id</c>).
/// </summary>
internal sealed partial class LoopItems
{
    private LoopItems(StatementSyntax loop, SyntaxNode body, ExpressionSyntax collection, ISymbol item, string? itemName, bool storeCollection = false)
    {
        Loop = loop;
        Body = body;
        Collection = collection;
        _item = item;
        _itemName = itemName;
        _storeCollection = storeCollection;
    }

    /// <summary>
    /// True for a foreach over a call that returns a list (<c>foreach (var o in await q.ToListAsync())</c>): the fix
    /// stores the list in a local before the keys are read, so the call still runs once and the loop sees the same items.
    /// </summary>
    private readonly bool _storeCollection;

    private readonly ISymbol _item;

    /// <summary>The foreach variable's name; null for a counting <c>for</c>, whose item (<c>list[i]</c>) has no name.</summary>
    private readonly string? _itemName;

    /// <summary>The statement the keys and the batched query go in front of: the loop, or the statement holding a per-element lambda.</summary>
    public StatementSyntax Loop { get; }

    /// <summary>What runs once per item: the loop body or the lambda body.</summary>
    public SyntaxNode Body { get; }

    public ExpressionSyntax Collection { get; }

    /// <summary>
    /// The innermost loop or lambda whose body holds <paramref name="node"/>, when it is one of the shapes; null when a
    /// local function or <c>try</c> with handlers lies between (moving the query out would change what runs
    /// or which handler sees its exception), or the loop is another kind.
    /// </summary>
    public static LoopItems? Find(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ForEachStatementSyntax loop when loop.Statement.Span.Contains(node.Span):
                    return FromForEach(loop, model, cancellationToken);
                case ForStatementSyntax loop when loop.Statement.Span.Contains(node.Span):
                    return FromFor(loop, model, cancellationToken);
                case AnonymousFunctionExpressionSyntax lambda:
                    return FromLambda(lambda, model, cancellationToken);
                case ForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachVariableStatementSyntax:
                case TryStatementSyntax { Catches.Count: > 0 }:
                case LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="expression"/> is the item or a chain of its fields and properties; <paramref name="path"/>
    /// gets the member names, outermost last (empty for the item itself).
    /// </summary>
    public bool IsKeyPath(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, out List<string> path)
    {
        path = new List<string>();
        var current = expression;
        while (current is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Name: IdentifierNameSyntax name } access)
        {
            if (model.GetSymbolInfo(access, cancellationToken).Symbol is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol))
            {
                return false;
            }

            path.Insert(0, name.Identifier.ValueText);
            current = access.Expression;
        }

        return IsItem(current, model, cancellationToken);
    }

    /// <summary><c>collection.Select(item =&gt; item.Path).Distinct().ToList()</c>: the distinct keys, read before the loop.</summary>
    public string RenderKeys(IReadOnlyList<string> path, SemanticModel model, HashSet<string> taken)
    {
        var collection = CollectionText(taken);
        if (path.Count == 0)
        {
            return $"{collection}.Distinct().ToList()";
        }

        var parameter = _itemName ?? FreshNames.LambdaParameter(model, Loop, "item");
        return $"{collection}.Select({parameter} => {parameter}.{string.Join(".", path)}).Distinct().ToList()";
    }

    /// <summary>The collection as written, or the local it is stored in (one per loop, shared by every plan for it).</summary>
    private string CollectionText(HashSet<string> taken)
    {
        if (!_storeCollection)
        {
            return Collection.ToString();
        }

        var prefix = "<collection>" + Loop.SpanStart + ":";
        foreach (var entry in taken)
        {
            if (entry.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                return entry.Substring(prefix.Length);
            }
        }

        var name = FreshNames.Reserve(taken, CollectionName(Collection));
        taken.Add(prefix + name);
        return name;
    }

    /// <summary><c>orders</c> for <c>db.Orders.Where(…).ToList()</c> or <c>await GetOrdersAsync()</c>; <c>items</c> otherwise.</summary>
    private static string CollectionName(ExpressionSyntax collection)
    {
        var root = collection is AwaitExpressionSyntax awaited ? awaited.Expression : collection;
        while (root is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax or MemberAccessExpressionSyntax } inner })
        {
            root = inner.Expression;
        }

        var name = root switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: IdentifierNameSyntax method } => method.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => "",
        };
        if (name.StartsWith("Get", System.StringComparison.Ordinal) && name.Length > 3)
        {
            name = name.Substring(3);
        }

        if (name.EndsWith("Async", System.StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Async".Length);
        }

        return name.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(name[0]) ? "items" : Camel(name);
    }

    /// <summary>True when <paramref name="expression"/> reads a local declared inside the loop (its variable, the index, a body local).</summary>
    public bool ReadsLoopLocals(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            // A lambda parameter of the expression itself (`Include(o => o.Lines)`) is not the loop's.
            if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol
                && model.GetSymbolInfo(identifier, cancellationToken).Symbol is { } symbol
                && IsDeclaredInLoop(symbol)
                && !symbol.DeclaringSyntaxReferences.Any(r => expression.Span.Contains(r.Span)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds <paramref name="statements"/> before the loop (see <see cref="InsertBefore"/>), after the stored collection if the loop needs one.</summary>
    public void InsertBeforeLoop(SyntaxEditor editor, HashSet<string> taken, params string[] statements)
    {
        if (_storeCollection && taken.Add("<stored>" + Loop.SpanStart))
        {
            var name = CollectionText(taken);
            statements = new[] { $"var {name} = {Collection};" }.Concat(statements).ToArray();
            editor.ReplaceNode(Collection, IdentifierName(name).WithTriviaFrom(Collection));
        }

        InsertBefore(editor, Loop, taken, statements);
    }

    /// <summary>
    /// Adds <paramref name="statements"/> before <paramref name="loop"/>, indented like it. The first plan for a loop
    /// moves the loop's leading blank lines and comments onto its first statement, so they stay above the new code;
    /// <paramref name="taken"/> remembers that it did (a second plan for the same loop inserts after the first).
    /// </summary>
    public static void InsertBefore(SyntaxEditor editor, StatementSyntax loop, HashSet<string> taken, params string[] statements)
    {
        var indentation = loop.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
        var newLine = loop.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).LastOrDefault();
        if (newLine == default)
        {
            newLine = ElasticCarriageReturnLineFeed;
        }

        var firstForLoop = taken.Add("<loop>" + loop.SpanStart);
        for (var i = 0; i < statements.Length; i++)
        {
            var leading = i == 0 && firstForLoop ? loop.GetLeadingTrivia() : TriviaList(indentation);
            editor.InsertBefore(loop, ParseStatement(statements[i]).WithLeadingTrivia(leading).WithTrailingTrivia(newLine).WithAdditionalAnnotations(Formatter.Annotation));
        }

        if (firstForLoop)
        {
            editor.ReplaceNode(loop, (current, _) => current.WithLeadingTrivia(indentation));
        }
    }

    /// <summary>The name a set or local is written with (<c>db.Orders</c> → <c>Orders</c>), else <paramref name="fallback"/>.</summary>
    public static string WrittenName(ExpressionSyntax expression, string fallback) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => fallback,
    };

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    private bool IsDeclaredInLoop(ISymbol symbol) =>
        symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == Loop.SyntaxTree && Loop.Span.Contains(r.Span));
}
