using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    /// <summary>
    /// Adds <c>using ns;</c> at the top of the file unless it is already there: System directives first, then in alphabetical order,
    /// before the first directive that sorts after it. The file's line ending is reused, a header comment stays in
    /// front of the first directive, and a file without usings gets a blank line after the new one.
    /// </summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax unit, string ns)
    {
        // Only the file's own directives: one inside a namespace does not reach code outside it.
        foreach (var existing in unit.Usings)
        {
            if (Imports(existing, ns))
            {
                return unit;
            }
        }

        var endOfLine = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = EndOfLine("\n");
        }

        var directive = UsingDirective(ParseName(ns).WithLeadingTrivia(Space)).WithTrailingTrivia(endOfLine);
        var usings = unit.Usings;
        if (usings.Count == 0)
        {
            return unit.WithUsings(SingletonList(directive.WithTrailingTrivia(endOfLine, endOfLine)));
        }

        var isSystem = IsSystem(ns);
        var index = usings.Count;
        for (var i = 0; i < usings.Count; i++)
        {
            var name = usings[i].Name?.ToString() ?? "";
            var otherIsSystem = IsSystem(name);
            if (usings[i].Alias is null && usings[i].StaticKeyword.IsKind(SyntaxKind.None) && !usings[i].GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)
                && (isSystem ? !otherIsSystem || string.CompareOrdinal(name, ns) > 0 : !otherIsSystem && string.Compare(name, ns, System.StringComparison.OrdinalIgnoreCase) > 0))
            {
                index = i;
                break;
            }
        }

        if (index == 0)
        {
            // Keep the file's leading trivia (header comments) in front of the first directive.
            var first = usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            usings = usings.Replace(first, first.WithLeadingTrivia());
        }

        return unit.WithUsings(usings.Insert(index, directive));
    }

    private static bool IsSystem(string name) => name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal);

    private static bool Imports(UsingDirectiveSyntax directive, string ns) =>
        directive.Alias is null && directive.StaticKeyword.IsKind(SyntaxKind.None) && directive.Name?.ToString() == ns;
}
