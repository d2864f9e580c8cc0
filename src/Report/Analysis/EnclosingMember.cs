using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>Names the member holding a position (<c>Outer.Inner.Method(int, string)</c>) from syntax alone, so SARIF input gets the same names as in-process analysis.</summary>
public static class EnclosingMember
{
    public const string TopLevel = "<top-level>";

    public static string Find(SyntaxNode root, int position)
    {
        if (position < 0 || position > root.FullSpan.End)
        {
            return "";
        }

        var token = root.FindToken(position);
        string? member = null;
        var types = new List<string>();
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case GlobalStatementSyntax:
                    return TopLevel;
                case BaseTypeDeclarationSyntax type:
                    types.Add(type.Identifier.ValueText + Arity(type));
                    break;
                case DelegateDeclarationSyntax del when member is null:
                    member = del.Identifier.ValueText;
                    break;
                case MemberDeclarationSyntax m when member is null && m is not BaseNamespaceDeclarationSyntax:
                    member = Name(m);
                    break;
            }
        }

        types.Reverse();
        if (member is not null)
        {
            types.Add(member);
        }

        return string.Join(".", types);
    }

    private static string Arity(BaseTypeDeclarationSyntax type) =>
        type is TypeDeclarationSyntax { TypeParameterList.Parameters.Count: > 0 } t ? "`" + t.TypeParameterList!.Parameters.Count : "";

    private static string? Name(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText + Parameters(m.ParameterList),
        ConstructorDeclarationSyntax c => (c.Modifiers.Any(t => t.ValueText == "static") ? ".cctor" : ".ctor") + Parameters(c.ParameterList),
        DestructorDeclarationSyntax => "Finalize()",
        OperatorDeclarationSyntax o => "operator " + o.OperatorToken.ValueText + Parameters(o.ParameterList),
        ConversionOperatorDeclarationSyntax c => "operator " + c.ImplicitOrExplicitKeyword.ValueText + " " + Normalise(c.Type.ToString()),
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        IndexerDeclarationSyntax i => "this[" + string.Join(", ", i.ParameterList.Parameters.Select(ParameterType)) + "]",
        EventDeclarationSyntax e => e.Identifier.ValueText,
        BaseFieldDeclarationSyntax f => string.Join(", ", f.Declaration.Variables.Select(v => v.Identifier.ValueText)),
        EnumMemberDeclarationSyntax e => e.Identifier.ValueText,
        _ => null,
    };

    private static string Parameters(ParameterListSyntax list) => "(" + string.Join(", ", list.Parameters.Select(ParameterType)) + ")";

    private static string ParameterType(ParameterSyntax p) => p.Type is null ? p.Identifier.ValueText : Normalise(p.Type.ToString());

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
