using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>What the PERF001 and PERF002 fixes share: where an await may go, how it is written, which token to forward.</summary>
internal static class AwaitRewriting
{
    /// <summary>
    /// False where an <c>await</c> would not compile or would change what runs: a query expression, an unsafe or
    /// fixed region, a catch filter, a lock, or anywhere but the body of an async function.
    /// </summary>
    public static bool CanAwaitAt(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case QueryExpressionSyntax:
                case UnsafeStatementSyntax:
                case FixedStatementSyntax:
                case CatchFilterClauseSyntax:
                case LockStatementSyntax:
                    return false;
                case AnonymousFunctionExpressionSyntax function:
                    return function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                case LocalFunctionStatementSyntax localFunction:
                    return localFunction.Modifiers.Any(SyntaxKind.AsyncKeyword) && !localFunction.Modifiers.Any(SyntaxKind.UnsafeKeyword);
                case MemberDeclarationSyntax member:
                    return !member.Modifiers.Any(SyntaxKind.UnsafeKeyword)
                        && (member is GlobalStatementSyntax || member.Modifiers.Any(SyntaxKind.AsyncKeyword))
                        && !member.Ancestors().OfType<TypeDeclarationSyntax>().Any(type => type.Modifiers.Any(SyntaxKind.UnsafeKeyword));
            }
        }

        return false;
    }

    /// <summary>
    /// The one <c>CancellationToken</c> parameter or local in scope at <paramref name="position"/> (declared before it),
    /// or null when there is none or more than one.
    /// </summary>
    public static string? FindCancellationToken(SemanticModel model, int position, SyntaxNode site)
    {
        var tokenType = WellKnownTypeProvider.GetOrCreate(model.Compilation).Get("System.Threading.CancellationToken");
        if (tokenType is null)
        {
            return null;
        }

        // A static lambda or local function cannot capture what is declared outside it.
        var staticBoundary = site.Ancestors().FirstOrDefault(a =>
            (a is AnonymousFunctionExpressionSyntax function && function.Modifiers.Any(SyntaxKind.StaticKeyword))
            || (a is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.StaticKeyword)));
        string? found = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            if (staticBoundary is not null && !symbol.DeclaringSyntaxReferences.Any(r => staticBoundary.Span.Contains(r.Span)))
            {
                continue;
            }

            var type = symbol switch
            {
                IParameterSymbol parameter => parameter.Type,
                ILocalSymbol local when local.DeclaringSyntaxReferences.All(r => r.Span.End <= position && !r.Span.Contains(site.Span)) => local.Type,
                _ => null,
            };
            if (type is null || !SymbolEqualityComparer.Default.Equals(type, tokenType))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = symbol.Name;
        }

        return found;
    }

    /// <summary><c>await <paramref name="awaited"/></c> in place of <paramref name="original"/>, keeping its trivia.</summary>
    public static ExpressionSyntax Await(ExpressionSyntax original, ExpressionSyntax awaited, bool parenthesize)
    {
        ExpressionSyntax result = AwaitExpression(Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(Space), awaited.WithoutTrivia());
        if (parenthesize)
        {
            result = ParenthesizedExpression(result);
        }

        return result.WithLeadingTrivia(original.GetLeadingTrivia()).WithTrailingTrivia(original.GetTrailingTrivia());
    }

    /// <summary>True when <paramref name="expression"/>, replaced by an await, must be parenthesized: the target of a member access, call, index or <c>!</c>.</summary>
    public static bool NeedsParentheses(ExpressionSyntax expression) => expression.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression == expression,
        ConditionalAccessExpressionSyntax conditional => conditional.Expression == expression,
        ElementAccessExpressionSyntax element => element.Expression == expression,
        InvocationExpressionSyntax invocation => invocation.Expression == expression,
        PostfixUnaryExpressionSyntax => true,
        _ => false,
    };

    /// <summary>Appends a positional argument.</summary>
    public static InvocationExpressionSyntax AddArgument(InvocationExpressionSyntax invocation, ExpressionSyntax argument) =>
        AddArgument(invocation, Argument(argument));

    public static InvocationExpressionSyntax AddArgument(InvocationExpressionSyntax invocation, ArgumentSyntax argument)
    {
        var list = invocation.ArgumentList;
        var items = list.Arguments.GetWithSeparators();
        if (list.Arguments.Count > 0)
        {
            items = items.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space));
        }

        items = items.Add(argument);
        return invocation.WithArgumentList(list.WithArguments(SeparatedList<ArgumentSyntax>(items)));
    }
}
