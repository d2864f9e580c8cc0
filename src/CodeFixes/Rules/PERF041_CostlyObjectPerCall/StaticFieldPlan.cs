using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>The new (or reused) static readonly fields of one type and the constructions each one replaces.</summary>
internal sealed class StaticFieldPlan
{
    private static readonly HashSet<string> GenericLocalNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "regex", "regexp", "rx", "reg", "pattern", "options", "opts", "opt", "jsonOptions", "serializerOptions",
        "jsonSerializerOptions", "settings", "jsonSettings", "serializerSettings",
    };

    private readonly TypeDeclarationSyntax _type;
    private readonly List<(string Name, FieldDeclarationSyntax? Field, List<BaseObjectCreationExpressionSyntax> Sites)> _fields = new();

    private StaticFieldPlan(TypeDeclarationSyntax type)
    {
        _type = type;
    }

    public static BaseObjectCreationExpressionSyntax? FindCreation(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as BaseObjectCreationExpressionSyntax;

    /// <summary>
    /// True when the construction can move to a field initializer of a class, struct or record unchanged: it names
    /// no local, parameter or method type parameter (a local <c>const</c> included).
    /// </summary>
    public static bool CanHoist(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (creation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not (ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax))
        {
            return false;
        }

        foreach (var name in creation.DescendantNodes())
        {
            if (name is not SimpleNameSyntax)
            {
                continue;
            }

            switch (model.GetSymbolInfo(name, cancellationToken).Symbol)
            {
                case ILocalSymbol or IParameterSymbol or IRangeVariableSymbol:
                case ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method }:
                    return false;
            }
        }

        return true;
    }

    public static List<StaticFieldPlan> Create(List<BaseObjectCreationExpressionSyntax> creations, SemanticModel model, CancellationToken cancellationToken)
    {
        var plans = new Dictionary<TypeDeclarationSyntax, StaticFieldPlan>();
        var keys = new Dictionary<(TypeDeclarationSyntax, string), int>();
        foreach (var creation in creations)
        {
            var type = creation.FirstAncestorOrSelf<TypeDeclarationSyntax>()!;
            if (!plans.TryGetValue(type, out var plan))
            {
                plan = new StaticFieldPlan(type);
                plans.Add(type, plan);
            }

            var key = KeyOf(creation, model, cancellationToken);
            if (keys.TryGetValue((type, key), out var index))
            {
                plan._fields[index].Sites.Add(creation);
                continue;
            }

            keys.Add((type, key), plan._fields.Count);
            var existing = FindExistingField(type, key, model, cancellationToken);
            var name = existing?.Declaration.Variables[0].Identifier.ValueText ?? plan.ChooseName(creation, model);
            plan._fields.Add((name, existing is null ? CreateField(creation, name, model, cancellationToken) : null, new List<BaseObjectCreationExpressionSyntax> { creation }));
        }

        return new List<StaticFieldPlan>(plans.Values);
    }

    public void Apply(SyntaxEditor editor)
    {
        var added = new List<SyntaxNode>();
        foreach (var (name, field, sites) in _fields)
        {
            foreach (var site in sites)
            {
                editor.ReplaceNode(site, IdentifierName(name).WithTriviaFrom(site));
            }

            if (field is not null)
            {
                added.Add(field);
            }
        }

        if (added.Count == 0)
        {
            return;
        }

        var lastField = default(FieldDeclarationSyntax);
        foreach (var member in _type.Members)
        {
            if (member is FieldDeclarationSyntax field)
            {
                lastField = field;
            }
        }

        if (lastField is not null)
        {
            editor.InsertAfter(lastField, added);
        }
        else
        {
            // Fields first, then a blank line before the type's first member.
            var newLine = NewLineOf(_type);
            added[added.Count - 1] = added[added.Count - 1].WithTrailingTrivia(newLine, newLine);
            editor.InsertBefore(_type.Members[0], added);
        }
    }

    /// <summary>The constructed type and the text of its arguments and initializer, whitespace normalised.</summary>
    private static string KeyOf(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetTypeInfo(creation, cancellationToken).Type?.ToDisplayString() + "|"
        + creation.ArgumentList?.NormalizeWhitespace().ToFullString() + "|" + creation.Initializer?.NormalizeWhitespace().ToFullString();

    /// <summary>A <c>static readonly</c> field of the type whose initializer builds the same object.</summary>
    private static FieldDeclarationSyntax? FindExistingField(TypeDeclarationSyntax type, string key, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var member in type.Members)
        {
            if (member is FieldDeclarationSyntax { Declaration.Variables: { Count: 1 } variables } field
                && field.Modifiers.Any(SyntaxKind.StaticKeyword)
                && field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)
                && variables[0].Initializer?.Value is BaseObjectCreationExpressionSyntax initializer
                && KeyOf(initializer, model, cancellationToken) == key)
            {
                return field;
            }
        }

        return null;
    }

    private static FieldDeclarationSyntax CreateField(BaseObjectCreationExpressionSyntax creation, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(creation, cancellationToken).Type!;
        var typeName = ParseTypeName(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).WithImportAnnotations();
        var newLine = NewLineOf(creation);
        return FieldDeclaration(
                VariableDeclaration(typeName)
                    .WithVariables(SingletonSeparatedList(VariableDeclarator(Identifier(name)).WithInitializer(EqualsValueClause(creation.WithoutTrivia())))))
            .WithModifiers(TokenList(Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.ReadOnlyKeyword)))
            .WithTrailingTrivia(newLine)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// The local's name when the object is stored in one with a telling name (<c>var skuPattern = …</c> gives
    /// <c>SkuPattern</c>), else the member's name and the kind (<c>ParseDateRegex</c>, <c>WriteJsonOptions</c>); a
    /// number is appended while the name is taken.
    /// </summary>
    private string ChooseName(BaseObjectCreationExpressionSyntax creation, SemanticModel model)
    {
        var isRegex = model.GetTypeInfo(creation).Type?.Name == "Regex";
        var local = creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } ? declarator.Identifier.ValueText : null;
        var baseName = local is { Length: > 2 } && !GenericLocalNames.Contains(local.TrimStart('_'))
            ? Pascal(local.TrimStart('_'))
            : Pascal(MemberNameOf(creation)) + (isRegex ? "Regex" : "JsonOptions");

        for (var suffix = 1; ; suffix++)
        {
            var candidate = suffix == 1 ? baseName : baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (IsFree(candidate, creation, model))
            {
                return candidate;
            }
        }
    }

    private bool IsFree(string name, BaseObjectCreationExpressionSyntax site, SemanticModel model)
    {
        foreach (var (taken, _, _) in _fields)
        {
            if (taken == name)
            {
                return false;
            }
        }

        return model.LookupSymbols(site.SpanStart, name: name).IsEmpty;
    }

    private static string MemberNameOf(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case LocalFunctionStatementSyntax local:
                    return local.Identifier.ValueText;
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case FieldDeclarationSyntax { Declaration.Variables.Count: > 0 } field:
                    return field.Declaration.Variables[0].Identifier.ValueText;
                case BaseTypeDeclarationSyntax:
                    return "Shared";
            }
        }

        return "Shared";
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    private static SyntaxTrivia NewLineOf(SyntaxNode node) =>
        node.SyntaxTree.GetText().ToString().Contains("\r\n") ? CarriageReturnLineFeed : LineFeed;
}
