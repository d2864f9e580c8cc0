using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF010's batched query: a per-iteration query filtered by <c>e.Key == key</c> (either side), where the key is the
/// loop's item or a property chain of it, becomes one query for all keys before the loop and an in-memory read in it:
/// <list type="bullet">
/// <item><c>First</c>/<c>FirstOrDefault</c>/<c>Single</c>/<c>SingleOrDefault[Async](pred)</c> → ToLookup, <c>lookup[key].First()</c> (same operator, same exceptions);</item>
/// <item><c>Where(pred).ToList[Async]()</c>/<c>ToArray[Async]()</c>, or a nested <c>foreach</c> over <c>Where(pred)</c> → ToLookup, <c>lookup[key].ToList()</c> / <c>lookup[key]</c>;</item>
/// <item><c>Any[Async](pred)</c> → a HashSet of the keys that have a row, <c>set.Contains(key)</c>;</item>
/// <item><c>Count</c>/<c>LongCount[Async](pred)</c> → counts grouped by key in the database, <c>counts[key].Sum()</c> (0 when missing).</item>
/// </list>
/// Planned only when the result is the same (see <see cref="LoopItems"/> and the preconditions).
/// </summary>
internal sealed partial class BatchedLookupPlan : IImportingBatchedLoopPlan
{
    private enum Shape
    {
        Element,
        Materialized,
        Enumerated,
        Exists,
        Count,
    }

    private BatchedLookupPlan(SemanticModel model, LoopItems items, ExpressionSyntax replaced, Shape shape, string terminal, string set, string setMember, string parameter, string key, IReadOnlyList<string> keyPath, ExpressionSyntax keyExpression, string? cancellation, bool isAsync)
    {
        Model = model;
        Items = items;
        Replaced = replaced;
        ShapeKind = shape;
        Terminal = terminal;
        Set = set;
        SetMember = setMember;
        Parameter = parameter;
        Key = key;
        KeyPath = keyPath;
        KeyExpression = keyExpression;
        Cancellation = cancellation;
        IsAsync = isAsync;
    }

    public StatementSyntax Loop => Items.Loop;

    /// <summary>The async forms call EF Core's ToListAsync.</summary>
    public IEnumerable<string> Namespaces => IsAsync ? new[] { "Microsoft.EntityFrameworkCore" } : System.Array.Empty<string>();
    private SemanticModel Model { get; }
    private LoopItems Items { get; }
    private ExpressionSyntax Replaced { get; }
    private Shape ShapeKind { get; }
    private string Terminal { get; }
    private string Set { get; }
    private string SetMember { get; }
    private string Parameter { get; }
    private string Key { get; }
    private IReadOnlyList<string> KeyPath { get; }
    private ExpressionSyntax KeyExpression { get; }
    private string? Cancellation { get; }
    private bool IsAsync { get; }

    public static BatchedLookupPlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!TryMatchQuery(root, diagnostic, out var query) || query is null)
        {
            return null;
        }

        if (query.Shape == Shape.Exists && !HasEnumerableToHashSet(model))
        {
            return null;
        }

        if (IsNotDbSet(model, query.Set, cancellationToken)
            || LoopItems.Find(query.Anchor, model, cancellationToken) is not { } items
            || WritesToDatabase(items.Body)
            || items.ReadsLoopLocals(query.Set, model, cancellationToken)
            || (query.Cancellation is not null && items.ReadsLoopLocals(query.Cancellation, model, cancellationToken)))
        {
            return null;
        }

        // e => e.Key == item.X (either side).
        if (SingleParameter(query.Predicate) is not { } parameter
            || query.Predicate.Body is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals)
        {
            return null;
        }

        ExpressionSyntax keyExpression;
        MemberAccessExpressionSyntax keyAccess;
        List<string> keyPath;
        if (IsParameterMember(equals.Left, parameter) is { } left && items.IsKeyPath(equals.Right, model, cancellationToken, out keyPath))
        {
            keyAccess = left;
            keyExpression = equals.Right;
        }
        else if (IsParameterMember(equals.Right, parameter) is { } right && items.IsKeyPath(equals.Left, model, cancellationToken, out keyPath))
        {
            keyAccess = right;
            keyExpression = equals.Left;
        }
        else
        {
            return null;
        }

        // The keys are read before the loop: the body must not change them (`order.CustomerId = …`).
        if (AssignsAnyMember(items.Body, keyPath))
        {
            return null;
        }

        var keyType = model.GetTypeInfo(keyAccess, cancellationToken).Type;
        var valueType = model.GetTypeInfo(keyExpression, cancellationToken).Type;
        if (!IsExactKeyType(keyType) || !SymbolEqualityComparer.Default.Equals(keyType, valueType))
        {
            return null;
        }

        var setMember = LoopItems.WrittenName(UnderShaping(query.Set), "items");

        return new BatchedLookupPlan(model, items, query.Replaced, query.Shape, query.Terminal, query.Set.ToString(), setMember, parameter,
            keyAccess.Name.Identifier.ValueText, keyPath, keyExpression, query.Cancellation?.ToString(), query.IsAsync);
    }

    /// <summary>Inserts the key list and the batched result before the loop and reads the result in the loop.</summary>
    public void Apply(SyntaxEditor editor, HashSet<string> takenNames)
    {
        var keysName = FreshNames.Reserve(takenNames, LoopItems.Camel(KeyPath.Count > 0 ? KeyPath[KeyPath.Count - 1] : Key) + "s");
        var keys = Items.RenderKeys(KeyPath, Model, takenNames);
        var filtered = $"{Set}.Where({Parameter} => {keysName}.Contains({Parameter}.{Key}))";
        string resultName, query, inMemory, read;
        switch (ShapeKind)
        {
            case Shape.Exists:
                resultName = FreshNames.Reserve(takenNames, LoopItems.Camel(Key) + "sWith" + SetMember);
                query = $"{filtered}.Select({Parameter} => {Parameter}.{Key}).Distinct()";
                inMemory = ".ToHashSet()";
                read = $"{resultName}.Contains({KeyExpression})";
                break;
            case Shape.Count:
                var group = FreshNames.LambdaParameter(Model, Loop, "g");
                resultName = FreshNames.Reserve(takenNames, LoopItems.Camel(Singular(SetMember)) + "CountsBy" + Key);
                query = $"{filtered}.GroupBy({Parameter} => {Parameter}.{Key}).Select({group} => new {{ {group}.Key, Count = {group}.{Terminal}() }})";
                inMemory = $".ToLookup({group} => {group}.Key, {group} => {group}.Count)";
                read = $"{resultName}[{KeyExpression}].Sum()";
                break;
            default:
                resultName = FreshNames.Reserve(takenNames, LoopItems.Camel(SetMember) + "By" + Key);
                query = filtered;
                inMemory = $".ToLookup({Parameter} => {Parameter}.{Key})";
                read = ShapeKind switch
                {
                    Shape.Element => $"{resultName}[{KeyExpression}].{Terminal}()",
                    Shape.Materialized => $"{resultName}[{KeyExpression}].{Terminal}()",
                    _ => $"{resultName}[{KeyExpression}]",
                };
                break;
        }

        var batched = IsAsync ? $"(await {query}.ToListAsync({Cancellation})){inMemory}" : query + inMemory;
        Items.InsertBeforeLoop(editor, takenNames, $"var {keysName} = {keys};", $"var {resultName} = {batched};");
        editor.ReplaceNode(Replaced, ParseExpression(read).WithTriviaFrom(Replaced));
    }

    private static ExpressionSyntax UnderShaping(ExpressionSyntax set)
    {
        while (set is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner })
        {
            set = inner.Expression;
        }

        return set;
    }

    private static string Singular(string name) => name.Length > 1 && name.EndsWith("s", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;

    private static bool HasEnumerableToHashSet(SemanticModel model) =>
        WellKnownTypeProvider.GetOrCreate(model.Compilation).Get("System.Linq.Enumerable") is { } enumerable
        && !enumerable.GetMembers("ToHashSet").IsEmpty;
}
