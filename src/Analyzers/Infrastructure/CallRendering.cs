using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfAnalyzers.Infrastructure;

/// <summary>How a database call reads in a diagnostic message (PERF010, PERF011, PERF012).</summary>
internal static class CallRendering
{
    /// <summary>A short rendering of a call for messages: <c>Orders.Where(...).ToListAsync()</c>, <c>connection.QueryAsync(...)</c>.</summary>
    public static string Render(SyntaxNode expression)
    {
        var builder = new StringBuilder();
        Append(builder, expression, depth: 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, SyntaxNode node, int depth)
    {
        switch (node)
        {
            case AwaitExpressionSyntax awaited:
                Append(builder, awaited.Expression, depth);
                return;
            case ParenthesizedExpressionSyntax parenthesized:
                Append(builder, parenthesized.Expression, depth);
                return;
            case InvocationExpressionSyntax invocation:
                Append(builder, invocation.Expression, depth + 1);
                builder.Append(invocation.ArgumentList.Arguments.Count == 0 ? "()" : "(...)");
                return;
            case MemberAccessExpressionSyntax access:
                // Drop `this`/`_context` style receivers of a DbSet, keep the rest of the chain.
                if (depth < 8 && access.Expression is InvocationExpressionSyntax or MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax or MemberAccessExpressionSyntax })
                {
                    Append(builder, access.Expression, depth + 1);
                    builder.Append('.');
                }
                else if (access.Expression is IdentifierNameSyntax or GenericNameSyntax)
                {
                    builder.Append(access.Expression.ToString()).Append('.');
                }
                else if (access.Expression is MemberAccessExpressionSyntax inner)
                {
                    builder.Append(inner.Name.ToString()).Append('.');
                }

                builder.Append(access.Name.Identifier.ValueText);
                if (access.Name is GenericNameSyntax generic)
                {
                    builder.Append(generic.TypeArgumentList.ToString());
                }

                return;
            default:
                builder.Append(node.ToString());
                return;
        }
    }
}
