using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Names for what a fix introduces (a local, a lambda parameter), numbered from 2 until nothing clashes.</summary>
internal static class FreshNames
{
    /// <summary>
    /// <paramref name="preferred"/>, or the first numbered variant, that binds to nothing in scope at
    /// <paramref name="position"/>: enough for a lambda parameter, whose scope is the lambda alone.
    /// </summary>
    public static string NotInScope(SemanticModel model, int position, string preferred)
    {
        var candidate = preferred;
        for (var suffix = 2; !model.LookupSymbols(position, name: candidate).IsEmpty; suffix++)
        {
            candidate = preferred + suffix;
        }

        return candidate;
    }

    /// <summary>
    /// A lambda parameter name for code written at <paramref name="anchor"/>: nothing of that name is in scope there,
    /// and no local, parameter or range variable of the member has it (C# before 8 rejects a lambda parameter that a
    /// later local would conflict with). Other lambdas' parameters do not count, so fixing one diagnostic at a time
    /// picks the same names as Fix All.
    /// </summary>
    public static string LambdaParameter(SemanticModel model, SyntaxNode anchor, string preferred)
    {
        var member = (SyntaxNode?)anchor.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? anchor;
        var declared = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var node in member.DescendantNodes())
        {
            var name = node switch
            {
                VariableDeclaratorSyntax variable => variable.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax forEach => forEach.Identifier,
                CatchDeclarationSyntax catchDeclaration => catchDeclaration.Identifier,
                LocalFunctionStatementSyntax localFunction => localFunction.Identifier,
                ParameterSyntax parameter when parameter.Parent is not SimpleLambdaExpressionSyntax && parameter.Parent?.Parent is not ParenthesizedLambdaExpressionSyntax => parameter.Identifier,
                FromClauseSyntax from => from.Identifier,
                LetClauseSyntax let => let.Identifier,
                JoinClauseSyntax join => join.Identifier,
                QueryContinuationSyntax into => into.Identifier,
                _ => default,
            };
            if (name.RawKind != 0)
            {
                declared.Add(name.ValueText);
            }
        }

        var candidate = preferred;
        for (var i = 2; declared.Contains(candidate) || !model.LookupSymbols(anchor.SpanStart, name: candidate).IsEmpty; i++)
        {
            candidate = preferred + i;
        }

        return candidate;
    }

    /// <summary><paramref name="preferred"/>, or the first numbered variant, not yet in <paramref name="taken"/>; taken from now on.</summary>
    public static string Reserve(HashSet<string> taken, string preferred)
    {
        var candidate = preferred;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = preferred + i;
        }

        return candidate;
    }

    /// <summary>Every identifier written in <paramref name="node"/>'s member: names a new local there must not take.</summary>
    public static HashSet<string> IdentifiersInMember(SyntaxNode node)
    {
        var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? node;
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                names.Add(token.ValueText);
            }
        }

        return names;
    }

    /// <summary>
    /// <paramref name="baseName"/>, or the first numbered variant, that is in scope nowhere at <paramref name="anchor"/>,
    /// written nowhere in its member (a later declaration there would clash with a new local) and not in
    /// <paramref name="taken"/> (names the same fix already chose).
    /// </summary>
    public static string UnusedInMember(SemanticModel model, SyntaxNode anchor, string baseName, ICollection<string> taken)
    {
        var member = EnclosingMember(anchor);
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                used.Add(token.ValueText);
            }
        }

        var candidate = baseName;
        for (var suffix = 2; used.Contains(candidate) || taken.Contains(candidate) || !model.LookupSymbols(anchor.SpanStart, name: candidate).IsEmpty; suffix++)
        {
            candidate = baseName + suffix;
        }

        return candidate;
    }

    private static SyntaxNode EnclosingMember(SyntaxNode anchor)
    {
        foreach (var ancestor in anchor.Ancestors())
        {
            if (ancestor is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax)
            {
                return ancestor;
            }
        }

        return anchor;
    }
}
