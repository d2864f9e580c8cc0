using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF010's batched query: a per-iteration lookup by a key taken from the loop variable
/// (<c>Set.FirstOrDefault[Async](e =&gt; e.Key == item.X)</c>, also First/Single/SingleOrDefault, or
/// <c>Set.Where(e =&gt; e.Key == item.X).ToList[Async]()</c>/<c>ToArray[Async]()</c>) becomes one query before the loop
/// for all keys, grouped with ToLookup, and an in-memory lookup in the loop. Planned only when the result is the same:
/// a foreach over a stable in-memory collection, integral or Guid keys (no collation differences), a DbSet receiver
/// and arguments that outlive the loop, and no database writes in the loop body.
/// </summary>
internal sealed partial class BatchedLookupPlan : IBatchedLoopPlan
{
    private BatchedLookupPlan(ForEachStatementSyntax loop, ExpressionSyntax replaced, string set, string setMember, string parameter, string key, ExpressionSyntax keyExpression, string? cancellation, bool isAsync, string terminal)
    {
        Loop = loop;
        Replaced = replaced;
        Set = set;
        SetMember = setMember;
        Parameter = parameter;
        Key = key;
        KeyExpression = keyExpression;
        Cancellation = cancellation;
        IsAsync = isAsync;
        Terminal = terminal;
    }

    public ForEachStatementSyntax Loop { get; }
    private ExpressionSyntax Replaced { get; }
    private string Set { get; }
    private string SetMember { get; }
    private string Parameter { get; }
    private string Key { get; }
    private ExpressionSyntax KeyExpression { get; }
    private string? Cancellation { get; }
    private bool IsAsync { get; }
    private string Terminal { get; }

    public static BatchedLookupPlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
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
        var terminal = isAsync ? method.Substring(0, method.Length - "Async".Length) : method;
        ExpressionSyntax replaced = invocation;
        if (isAsync)
        {
            if (invocation.Parent is not AwaitExpressionSyntax awaited)
            {
                return null;
            }

            replaced = awaited;
        }

        ExpressionSyntax setExpression;
        LambdaExpressionSyntax predicate;
        string? cancellation = null;
        var arguments = invocation.ArgumentList.Arguments;
        switch (terminal)
        {
            case "First" or "FirstOrDefault" or "Single" or "SingleOrDefault":
                if (arguments.Count < 1 || arguments.Count > (isAsync ? 2 : 1) || arguments[0].Expression is not LambdaExpressionSyntax lambda)
                {
                    return null;
                }

                predicate = lambda;
                cancellation = arguments.Count == 2 ? arguments[1].Expression.ToString() : null;
                setExpression = access.Expression;
                break;
            case "ToList" or "ToArray":
                if (arguments.Count > (isAsync ? 1 : 0)
                    || access.Expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Where" } where } whereCall
                    || whereCall.ArgumentList.Arguments.Count != 1
                    || whereCall.ArgumentList.Arguments[0].Expression is not LambdaExpressionSyntax whereLambda)
                {
                    return null;
                }

                predicate = whereLambda;
                cancellation = arguments.Count == 1 ? arguments[0].Expression.ToString() : null;
                setExpression = where.Expression;
                break;
            default:
                return null;
        }

        if (IsNotDbSet(model, setExpression, cancellationToken)
            || GetLoop(invocation) is not { } loop
            || !IsStableCollection(model, loop.Expression, cancellationToken)
            || WritesToDatabase(loop.Statement)
            || UsesLoopLocals(model, loop, setExpression, cancellationToken)
            || (cancellation is not null && UsesLoopLocals(model, loop, invocation.ArgumentList.Arguments.Last().Expression, cancellationToken)))
        {
            return null;
        }

        // e => e.Key == item.X (either side).
        if (SingleParameter(predicate) is not { } parameter
            || predicate.Body is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals)
        {
            return null;
        }

        ExpressionSyntax keyExpression;
        MemberAccessExpressionSyntax keyAccess;
        if (IsParameterMember(equals.Left, parameter) is { } left && IsLoopKey(equals.Right, loop))
        {
            keyAccess = left;
            keyExpression = equals.Right;
        }
        else if (IsParameterMember(equals.Right, parameter) is { } right && IsLoopKey(equals.Left, loop))
        {
            keyAccess = right;
            keyExpression = equals.Left;
        }
        else
        {
            return null;
        }

        // The keys are read before the loop: the body must not change them (`order.CustomerId = …`).
        if (keyExpression is MemberAccessExpressionSyntax keyMember && AssignsMember(loop.Statement, keyMember.Name.Identifier.ValueText))
        {
            return null;
        }

        var keyType = model.GetTypeInfo(keyAccess, cancellationToken).Type;
        var valueType = model.GetTypeInfo(keyExpression, cancellationToken).Type;
        if (!IsExactKeyType(keyType) || !SymbolEqualityComparer.Default.Equals(keyType, valueType))
        {
            return null;
        }

        var setMember = setExpression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => "items",
        };

        return new BatchedLookupPlan(loop, replaced, setExpression.ToString(), setMember, parameter, keyAccess.Name.Identifier.ValueText, keyExpression, cancellation, isAsync, terminal);
    }

    /// <summary>Inserts the key list and the lookup before the loop and reads the lookup in the loop.</summary>
    public void Apply(SyntaxEditor editor, HashSet<string> takenNames)
    {
        var keysName = Reserve(takenNames, Camel(KeyExpression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : Key) + "s");
        var lookupName = Reserve(takenNames, Camel(SetMember) + "By" + Key);
        var variable = Loop.Identifier.ValueText;
        var keys = KeyExpression is IdentifierNameSyntax
            ? $"{Loop.Expression}.Distinct().ToList()"
            : $"{Loop.Expression}.Select({variable} => {KeyExpression}).Distinct().ToList()";
        var filtered = $"{Set}.Where({Parameter} => {keysName}.Contains({Parameter}.{Key}))";
        var lookup = IsAsync
            ? $"(await {filtered}.ToListAsync({Cancellation})).ToLookup({Parameter} => {Parameter}.{Key})"
            : $"{filtered}.ToLookup({Parameter} => {Parameter}.{Key})";

        var indentation = Loop.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).LastOrDefault();
        var newLine = Loop.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).LastOrDefault();
        if (newLine == default)
        {
            newLine = ElasticCarriageReturnLineFeed;
        }

        editor.InsertBefore(Loop, Statement($"var {keysName} = {keys};", indentation, newLine));
        editor.InsertBefore(Loop, Statement($"var {lookupName} = {lookup};", indentation, newLine));

        var read = ParseExpression($"{lookupName}[{KeyExpression}].{Terminal}()").WithTriviaFrom(Replaced);
        editor.ReplaceNode(Replaced, read);
    }

    private static StatementSyntax Statement(string text, SyntaxTrivia indentation, SyntaxTrivia newLine) =>
        ParseStatement(text).WithLeadingTrivia(indentation).WithTrailingTrivia(newLine).WithAdditionalAnnotations(Formatter.Annotation);

    private static string Reserve(HashSet<string> taken, string preferred)
    {
        var candidate = preferred;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = preferred + i;
        }

        return candidate;
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
