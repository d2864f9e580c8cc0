using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF052: <c>new XmlSerializer(typeof(Order), new XmlRootAttribute("order"))</c> in a method → a
/// <c>private static readonly XmlSerializer OrderSerializer</c> field built once, and the field used in its place.
/// Offered only when every argument is a compile-time constant. Identical constructions in one type share one field.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(XmlSerializerPerCallCodeFix)), Shared]
public sealed class XmlSerializerPerCallCodeFix : PlannedCodeFix
{
    private const string Title = "Create the serializer once in a static field";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.XmlSerializerPerCall);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        FindHoistable(root, diagnostic) is not null ? Title : null;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        // One field per type and distinct construction; the creations it replaces.
        var fields = new Dictionary<TypeDeclarationSyntax, List<(string Key, string Name, ExpressionSyntax Creation)>>();
        var replacements = new Dictionary<SyntaxNode, string>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (FindHoistable(root, diagnostic) is not { } creation
                || creation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type
                || type is InterfaceDeclarationSyntax)
            {
                continue;
            }

            if (!fields.TryGetValue(type, out var planned))
            {
                fields[type] = planned = new List<(string, string, ExpressionSyntax)>();
            }

            var key = Key(creation);
            if (ExistingField(type, key) is { } declared)
            {
                replacements[creation] = declared;
                continue;
            }

            var existing = planned.FirstOrDefault(f => f.Key == key);
            var name = existing.Name ?? UniqueName(model, creation, type, planned, cancellationToken);
            if (existing.Name is null)
            {
                planned.Add((key, name, creation));
            }

            replacements[creation] = name;
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (endOfLine == default)
        {
            endOfLine = ElasticCarriageReturnLineFeed;
        }

        var newRoot = root.ReplaceNodes(
            replacements.Keys.Concat(fields.Keys),
            (original, current) => current switch
            {
                TypeDeclarationSyntax type when fields.TryGetValue((TypeDeclarationSyntax)original, out var planned) => AddFields(type, planned, endOfLine),
                ExpressionSyntax creation when replacements.TryGetValue(original, out var name) => IdentifierName(name).WithTriviaFrom(creation),
                _ => current,
            });
        return await DocumentEditing.FinishAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
    }

    private static ExpressionSyntax? FindHoistable(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Properties.ContainsKey(XmlSerializerPerCallAnalyzer.HoistableKey)
        && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax creation
        && creation.Span == diagnostic.Location.SourceSpan
            ? creation
            : null;

    /// <summary>The new fields, after the fields the type starts with.</summary>
    private static string Key(ExpressionSyntax creation) => creation.WithoutTrivia().NormalizeWhitespace().ToFullString();

    /// <summary>A static readonly field of the type already built from the same construction (an earlier fix): reused.</summary>
    private static string? ExistingField(TypeDeclarationSyntax type, string key)
    {
        foreach (var member in type.Members)
        {
            if (member is FieldDeclarationSyntax field
                && field.Modifiers.Any(SyntaxKind.StaticKeyword) && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword))
            {
                foreach (var variable in field.Declaration.Variables)
                {
                    if (variable.Initializer?.Value is BaseObjectCreationExpressionSyntax initializer && Key(initializer) == key)
                    {
                        return variable.Identifier.ValueText;
                    }
                }
            }
        }

        return null;
    }

    private static TypeDeclarationSyntax AddFields(TypeDeclarationSyntax type, List<(string Key, string Name, ExpressionSyntax Creation)> planned, SyntaxTrivia endOfLine)
    {
        var members = type.Members;
        var index = 0;
        while (index < members.Count && members[index] is FieldDeclarationSyntax)
        {
            index++;
        }

        var declarations = new List<MemberDeclarationSyntax>();
        foreach (var (_, name, creation) in planned)
        {
            declarations.Add(FieldDeclaration(
                    VariableDeclaration(
                        ParseTypeName("global::System.Xml.Serialization.XmlSerializer").WithImportAnnotations(),
                        SingletonSeparatedList(VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(creation.WithoutTrivia())))))
                .WithModifiers(TokenList(Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.ReadOnlyKeyword)))
                .WithAdditionalAnnotations(Formatter.Annotation));
        }

        // A blank line between the new fields and a following method or property.
        if (index < members.Count)
        {
            var next = members[index];
            if (index == 0 || !next.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                var last = declarations[declarations.Count - 1];
                declarations[declarations.Count - 1] = last.WithTrailingTrivia(endOfLine, endOfLine);
            }
        }

        if (index > 0 && index == members.Count)
        {
            declarations[0] = declarations[0].WithLeadingTrivia(endOfLine);
        }

        return type.WithMembers(members.InsertRange(index, declarations));
    }

    /// <summary><c>OrderSerializer</c> for <c>typeof(Order)</c>, numbered when the name is taken in the type or in scope at the creation.</summary>
    private static string UniqueName(SemanticModel model, ExpressionSyntax creation, TypeDeclarationSyntax type, List<(string Key, string Name, ExpressionSyntax Creation)> planned, CancellationToken cancellationToken)
    {
        var serialized = model.GetOperation(creation, cancellationToken) is IObjectCreationOperation { Arguments: { Length: > 0 } arguments }
            && arguments[0].Value.WithoutConversions() is ITypeOfOperation typeOf
                ? TypeWords(typeOf.TypeOperand)
                : "Xml";
        var baseName = serialized + "Serializer";
        var typeSymbol = model.GetDeclaredSymbol(type, cancellationToken);
        for (var i = 1; ; i++)
        {
            var candidate = i == 1 ? baseName : baseName + i;
            if (planned.All(p => p.Name != candidate)
                && (typeSymbol is null || typeSymbol.GetMembers(candidate).IsEmpty)
                && model.LookupSymbols(creation.SpanStart, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }
    }

    private static string TypeWords(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => TypeWords(array.ElementType) + "Array",
        INamedTypeSymbol { IsGenericType: true } generic => string.Concat(generic.TypeArguments.Select(TypeWords)) + generic.Name,
        _ => type.Name.Length > 0 ? type.Name : "Xml",
    };
}
