using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Whether a namespace is imported where a fix writes extension-method calls, and adding its using when not.</summary>
internal static class NamespaceImports
{
    /// <summary>True when a using in scope at <paramref name="node"/> (its file, enclosing namespaces, or any global using) imports <paramref name="ns"/>.</summary>
    public static bool IsImported(SyntaxNode node, SemanticModel model, string ns)
    {
        foreach (var scope in node.AncestorsAndSelf())
        {
            var usings = scope switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax declaration => declaration.Usings,
                _ => default,
            };
            if (usings.Any(u => Imports(u, ns)))
            {
                return true;
            }
        }

        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax other && other.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && Imports(u, ns)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds <c>using ns;</c> after the System usings, before the first one that sorts after it.</summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, string ns)
    {
        var directive = UsingDirective(ParseName(ns)).WithAdditionalAnnotations(Formatter.Annotation);
        var isSystem = ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal);
        var usings = unit.Usings;
        for (var i = 0; i < usings.Count; i++)
        {
            var name = usings[i].Name?.ToString() ?? "";
            var otherIsSystem = name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal);
            if (usings[i].Alias is null && !usings[i].GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)
                && (isSystem ? !otherIsSystem || string.CompareOrdinal(name, ns) > 0 : !otherIsSystem && string.CompareOrdinal(name, ns) > 0))
            {
                return unit.WithUsings(usings.Insert(i, directive.WithTriviaFrom(usings[i])));
            }
        }

        return unit.AddUsings(directive);
    }

    private static bool Imports(UsingDirectiveSyntax directive, string ns) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name?.ToString() == ns;
}
