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
/// PERF010's batched Find: <c>set.Find(key)</c> / <c>await set.FindAsync(key)</c> / <c>await set.FindAsync(new object[] { key }, ct)</c>
/// per item becomes one tracking query for all keys by the entity's single primary key (<see cref="EntityKeys"/>)
/// before the loop and <c>byKey[key].FirstOrDefault()</c> in it: null for a key with no row, as Find returns.
/// Unlike Find, the query does not see entities added to the context and not saved yet, so no fix is offered when
/// the loop body adds, attaches, removes or saves through the context (docs/rules/PERF010.md says what else differs).
/// </summary>
internal sealed class BatchedFindPlan : IImportingBatchedLoopPlan
{
    private BatchedFindPlan(SemanticModel model, LoopItems items, ExpressionSyntax replaced, string set, string setMember, string parameter, string key, IReadOnlyList<string> keyPath, ExpressionSyntax keyExpression, string? cancellation, bool isAsync)
    {
        Model = model;
        Items = items;
        Replaced = replaced;
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

    public IEnumerable<string> Namespaces { get; } = new[] { "Microsoft.EntityFrameworkCore" };

    private SemanticModel Model { get; }
    private LoopItems Items { get; }
    private ExpressionSyntax Replaced { get; }
    private string Set { get; }
    private string SetMember { get; }
    private string Parameter { get; }
    private string Key { get; }
    private IReadOnlyList<string> KeyPath { get; }
    private ExpressionSyntax KeyExpression { get; }
    private string? Cancellation { get; }
    private bool IsAsync { get; }

    public static BatchedFindPlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (token.Parent is not IdentifierNameSyntax { Identifier.ValueText: "Find" or "FindAsync", Parent: MemberAccessExpressionSyntax access } name
            || access.Name != name
            || access.Parent is not InvocationExpressionSyntax invocation
            || model.GetTypeInfo(access.Expression, cancellationToken).Type is not INamedTypeSymbol setType
            || DbSetEntity(setType) is not { } entity)
        {
            return null;
        }

        var isAsync = name.Identifier.ValueText == "FindAsync";
        ExpressionSyntax replaced = invocation;
        if (isAsync)
        {
            if (invocation.Parent is not AwaitExpressionSyntax awaited)
            {
                return null;
            }

            replaced = awaited;
        }

        // Find(key), FindAsync(key), FindAsync(new object[] { key }, ct): one key value, by position.
        var arguments = invocation.ArgumentList.Arguments;
        ExpressionSyntax keyExpression;
        ExpressionSyntax? cancellation = null;
        if (arguments.Count == 1 && arguments[0].NameColon is null && arguments[0].RefKindKeyword.IsKind(SyntaxKind.None))
        {
            keyExpression = arguments[0].Expression;
        }
        else if (isAsync && arguments.Count == 2 && arguments[0].NameColon is null && arguments[1].NameColon is null
            && arguments[0].Expression is ArrayCreationExpressionSyntax { Initializer.Expressions.Count: 1 } array)
        {
            keyExpression = array.Initializer.Expressions[0];
            cancellation = arguments[1].Expression;
        }
        else
        {
            return null;
        }

        if (LoopItems.Find(invocation, model, cancellationToken) is not { } items
            || !items.IsKeyPath(keyExpression, model, cancellationToken, out var keyPath)
            || ChangesContext(items.Body, invocation, model, cancellationToken)
            || items.ReadsLoopLocals(access.Expression, model, cancellationToken)
            || (cancellation is not null && items.ReadsLoopLocals(cancellation, model, cancellationToken))
            || EntityKeys.SingleKeyProperty(entity, model.Compilation, cancellationToken) is not { } key
            || !BatchedLookupPlan.IsExactKeyType(key.Type)
            || !SymbolEqualityComparer.Default.Equals(key.Type, model.GetTypeInfo(keyExpression, cancellationToken).Type)
            || BatchedLookupPlan.AssignsAnyMember(items.Body, keyPath))
        {
            return null;
        }

        var setMember = LoopItems.WrittenName(access.Expression, entity.Name + "s");
        var parameter = EntityKeys.ParameterFor(entity);
        return new BatchedFindPlan(model, items, replaced, access.Expression.ToString(), setMember, parameter, key.Name, keyPath, keyExpression, cancellation?.ToString(), isAsync);
    }

    public void Apply(SyntaxEditor editor, HashSet<string> takenNames)
    {
        var keysName = FreshNames.Reserve(takenNames, LoopItems.Camel(KeyPath.Count > 0 ? KeyPath[KeyPath.Count - 1] : Key) + "s");
        var keys = Items.RenderKeys(KeyPath, Model, takenNames);
        var lookupName = FreshNames.Reserve(takenNames, LoopItems.Camel(SetMember) + "By" + Key);
        var parameter = FreshNames.LambdaParameter(Model, Loop, Parameter);

        // Find always returns a tracked entity: AsTracking keeps that under a context that defaults to no tracking.
        var query = $"{Set}.Where({parameter} => {keysName}.Contains({parameter}.{Key})).AsTracking()";
        var lookup = IsAsync
            ? $"(await {query}.ToListAsync({Cancellation})).ToLookup({parameter} => {parameter}.{Key})"
            : $"{query}.ToLookup({parameter} => {parameter}.{Key})";
        Items.InsertBeforeLoop(editor, takenNames, $"var {keysName} = {keys};", $"var {lookupName} = {lookup};");
        editor.ReplaceNode(Replaced, ParseExpression($"{lookupName}[{KeyExpression}].FirstOrDefault()").WithTriviaFrom(Replaced));
    }

    private static INamedTypeSymbol? DbSetEntity(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.TypeArguments.Length == 1 && SymbolRelations.IsType(current.OriginalDefinition, "Microsoft.EntityFrameworkCore", "DbSet"))
            {
                return current.TypeArguments[0] as INamedTypeSymbol;
            }
        }

        return null;
    }

    /// <summary>
    /// Calls in the loop body that change what the context tracks or stores (Add, Attach, Remove, Update, Entry,
    /// SaveChanges…): a later Find would see them, the query before the loop does not. Reading through a set
    /// (<c>Find</c>, <c>Set&lt;T&gt;()</c>) is fine.
    /// </summary>
    private static bool ChangesContext(SyntaxNode body, InvocationExpressionSyntax find, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var node in body.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax invocation || invocation == find
                || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || method.Name is "Find" or "FindAsync" or "Set")
            {
                continue;
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                if (SymbolRelations.IsType(type.OriginalDefinition, "Microsoft.EntityFrameworkCore", "DbSet")
                    || SymbolRelations.IsType(type, "Microsoft.EntityFrameworkCore", "DbContext"))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
