using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// The pieces of <c>src.M(margs).O(oargs)[.T()]</c> (or <c>(await src.MAsync(margs)[.ConfigureAwait(x)]).O(oargs)[.T()]</c>)
/// and the query that applies <c>O</c> before the materialization. Read from syntax alone, so the same rewrite applies
/// to the original node and to the node after Fix All rewrote others inside it.
/// </summary>
internal sealed class OperatorMove
{
    private OperatorMove(ExpressionSyntax target, ExpressionSyntax source, MemberAccessExpressionSyntax materializer, ArgumentListSyntax materializerArguments,
        InvocationExpressionSyntax narrowing, MemberAccessExpressionSyntax narrowingAccess, InvocationExpressionSyntax? trailing, ArgumentListSyntax? configureAwait, bool isAwaited)
    {
        Target = target;
        Source = source;
        Materializer = materializer;
        MaterializerArguments = materializerArguments;
        Narrowing = narrowing;
        NarrowingAccess = narrowingAccess;
        Trailing = trailing;
        ConfigureAwait = configureAwait;
        IsAwaited = isAwaited;
    }

    /// <summary>The node replaced: the narrowing call, or the <c>ToList()</c>/<c>ToArray()</c> after it.</summary>
    public ExpressionSyntax Target { get; }

    public ExpressionSyntax Source { get; }

    public MemberAccessExpressionSyntax Materializer { get; }

    public ArgumentListSyntax MaterializerArguments { get; }

    public InvocationExpressionSyntax Narrowing { get; }

    public MemberAccessExpressionSyntax NarrowingAccess { get; }

    public InvocationExpressionSyntax? Trailing { get; }

    public ArgumentListSyntax? ConfigureAwait { get; }

    public bool IsAwaited { get; }

    /// <summary>Reads the shape starting at the materializing call's name; null for any other shape.</summary>
    public static OperatorMove? FromMaterializer(SimpleNameSyntax name, bool deferred)
    {
        if (name.Parent is not MemberAccessExpressionSyntax materializer || materializer.Name != name
            || materializer.Parent is not InvocationExpressionSyntax materialization)
        {
            return null;
        }

        ExpressionSyntax list = materialization;
        ArgumentListSyntax? configureAwait = null;
        var isAwaited = false;
        if (list.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Parent: InvocationExpressionSyntax configureCall } configureAccess
            && configureAccess.Expression == list)
        {
            configureAwait = configureCall.ArgumentList;
            list = configureCall;
        }

        if (list.Parent is AwaitExpressionSyntax awaitExpression)
        {
            list = awaitExpression;
            isAwaited = true;
        }
        else if (configureAwait is not null)
        {
            return null;
        }

        while (list.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            list = parenthesized;
        }

        if (list.Parent is not MemberAccessExpressionSyntax narrowingAccess || narrowingAccess.Expression != list
            || narrowingAccess.Parent is not InvocationExpressionSyntax narrowing)
        {
            return null;
        }

        InvocationExpressionSyntax? trailing = null;
        if (deferred && narrowing.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToList" or "ToArray", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } after } trailingAccess
            && trailingAccess.Expression == narrowing)
        {
            trailing = after;
        }

        return new OperatorMove(trailing ?? narrowing, materializer.Expression, materializer, materialization.ArgumentList, narrowing, narrowingAccess, trailing, configureAwait, isAwaited);
    }

    /// <summary>The same shape read back from its target (the narrowing call or the ToList/ToArray after it).</summary>
    public static OperatorMove? FromMaterializerOfTarget(ExpressionSyntax target, string materializerName, bool deferred)
    {
        if (target is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            return null;
        }

        foreach (var narrowing in new[] { (access.Expression as InvocationExpressionSyntax)?.Expression as MemberAccessExpressionSyntax, access })
        {
            if (narrowing is not null && MaterializerName(narrowing.Expression) is { } name && name.Identifier.ValueText == materializerName
                && FromMaterializer(name, deferred) is { } move && move.Target == target)
            {
                return move;
            }
        }

        return null;
    }

    private static SimpleNameSyntax? MaterializerName(ExpressionSyntax list)
    {
        while (list is ParenthesizedExpressionSyntax parenthesized)
        {
            list = parenthesized.Expression;
        }

        if (list is AwaitExpressionSyntax awaitExpression)
        {
            list = awaitExpression.Expression;
            if (list is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var configured } })
            {
                list = configured;
            }
        }

        return list is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax materializer } ? materializer.Name : null;
    }

    /// <summary>The target's replacement; <paramref name="token"/> is appended to an async operator that had no argument to forward.</summary>
    public ExpressionSyntax Build(string operatorName, bool deferred, string? token)
    {
        var materializerName = Materializer.Name.Identifier.ValueText;
        var narrowingArguments = Narrowing.ArgumentList;
        ExpressionSyntax query;
        if (!deferred)
        {
            // src.O(oargs) or src.OAsync(oargs, ct)
            query = Call(Source, Materializer.OperatorToken, IsAwaited ? operatorName + "Async" : operatorName, WithAsyncArguments(narrowingArguments));
        }
        else
        {
            var moved = Call(Source, Materializer.OperatorToken, operatorName,
                narrowingArguments.WithCloseParenToken(narrowingArguments.CloseParenToken.WithTrailingTrivia(MaterializerArguments.CloseParenToken.TrailingTrivia)));
            if (Trailing is not null)
            {
                var trailingName = ((MemberAccessExpressionSyntax)Trailing.Expression).Name.Identifier.ValueText;
                query = Call(moved, ((MemberAccessExpressionSyntax)Trailing.Expression).OperatorToken, IsAwaited ? trailingName + "Async" : trailingName,
                    IsAwaited ? WithAsyncArguments(Trailing.ArgumentList) : Trailing.ArgumentList);
            }
            else
            {
                query = Call(moved, NarrowingAccess.OperatorToken, materializerName,
                    MaterializerArguments.WithCloseParenToken(MaterializerArguments.CloseParenToken.WithTrailingTrivia(narrowingArguments.CloseParenToken.TrailingTrivia)));
            }
        }

        if (!IsAwaited)
        {
            return query.WithTriviaFrom(Target);
        }

        if (ConfigureAwait is not null)
        {
            query = InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, query, IdentifierName("ConfigureAwait")), ConfigureAwait);
        }

        return AwaitRewriting.Await(Target, query, AwaitRewriting.NeedsParentheses(Target));

        // The async operator takes the token the materializer was given, or the one in scope.
        ArgumentListSyntax WithAsyncArguments(ArgumentListSyntax arguments)
        {
            if (!IsAwaited)
            {
                return arguments;
            }

            foreach (var argument in MaterializerArguments.Arguments)
            {
                arguments = AwaitRewriting.AddArgument(InvocationExpression(IdentifierName("x"), arguments), argument.WithoutTrivia()).ArgumentList;
            }

            if (MaterializerArguments.Arguments.Count == 0 && token is not null)
            {
                arguments = AwaitRewriting.AddArgument(InvocationExpression(IdentifierName("x"), arguments), IdentifierName(token)).ArgumentList;
            }

            return arguments;
        }
    }

    private static InvocationExpressionSyntax Call(ExpressionSyntax receiver, SyntaxToken dot, string name, ArgumentListSyntax arguments) =>
        InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, dot, IdentifierName(name)), arguments);
}
