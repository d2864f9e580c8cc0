using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>The parts of a call's syntax that analyzers report on and fixes rewrite: the invoked method's name.</summary>
internal static class InvocationSyntax
{
    /// <summary>The invoked method's name token: <c>ReadAllText</c> in <c>File.ReadAllText(p)</c>, <c>a?.M()</c> and <c>M()</c>.</summary>
    public static SyntaxToken? NameToken(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier,
        SimpleNameSyntax name => name.Identifier,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier,
        _ => null,
    };

    /// <summary>Where to put a diagnostic on a call: the invoked method's name token, else the whole call.</summary>
    public static Location NameLocation(IInvocationOperation invocation) =>
        invocation.Syntax is InvocationExpressionSyntax syntax && NameToken(syntax) is { } token
            ? token.GetLocation()
            : invocation.Syntax.GetLocation();

    /// <summary>The same call with the method renamed, or null for shapes that cannot be rebound on their own (<c>a?.M()</c>).</summary>
    public static InvocationExpressionSyntax? Rename(InvocationExpressionSyntax invocation, string newName) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax memberAccess => invocation.WithExpression(memberAccess.WithName(RenameSimpleName(memberAccess.Name, newName))),
        SimpleNameSyntax name => invocation.WithExpression(RenameSimpleName(name, newName)),
        _ => null,
    };

    /// <summary>The name with another identifier, keeping its trivia and type arguments.</summary>
    public static SimpleNameSyntax RenameSimpleName(SimpleNameSyntax name, string newName) =>
        name.WithIdentifier(SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, newName, name.Identifier.TrailingTrivia));
}
