using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// The single-property primary key EF Core gives an entity type, as far as the source shows it: one <c>[Key]</c>
/// property, else the <c>Id</c> / <c>&lt;Type&gt;Id</c> convention. Null (no fix) for a composite or keyless type
/// (<c>[PrimaryKey]</c>, several <c>[Key]</c>s, <c>[Keyless]</c>) and whenever the model may configure the key in code
/// (<c>HasKey</c> for that type, or a <c>HasKey</c> the fix cannot attribute to another type).
/// </summary>
internal static class EntityKeys
{
    public static IPropertySymbol? SingleKeyProperty(INamedTypeSymbol entity, Compilation compilation, CancellationToken cancellationToken)
    {
        var keyAttribute = WellKnownTypeProvider.GetOrCreate(compilation).Get("System.ComponentModel.DataAnnotations.KeyAttribute");
        IPropertySymbol? annotated = null, byId = null, byTypeId = null;
        for (var type = entity; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "PrimaryKeyAttribute" or "KeylessAttribute" } attributeClass
                    && SymbolRelations.IsInNamespace(attributeClass, "Microsoft.EntityFrameworkCore"))
                {
                    return null;
                }
            }

            foreach (var member in type.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false } property)
                {
                    continue;
                }

                if (keyAttribute is not null && HasAttribute(property, keyAttribute))
                {
                    if (annotated is not null)
                    {
                        return null;
                    }

                    annotated = property;
                }
                else if (string.Equals(property.Name, "Id", StringComparison.OrdinalIgnoreCase))
                {
                    byId ??= property;
                }
                else if (string.Equals(property.Name, entity.Name + "Id", StringComparison.OrdinalIgnoreCase))
                {
                    byTypeId ??= property;
                }
            }
        }

        var key = annotated ?? byId ?? byTypeId;
        return key is null || ConfiguresKeyInCode(entity, compilation, cancellationToken) ? null : key;
    }

    private static bool HasAttribute(IPropertySymbol property, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A <c>HasKey</c> call anywhere in the compilation that is, or may be, about <paramref name="entity"/>.</summary>
    private static bool ConfiguresKeyInCode(INamedTypeSymbol entity, Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "HasKey" } } invocation)
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                var builder = model.GetSymbolInfo(invocation, cancellationToken).Symbol?.ContainingType;
                if (builder is not { IsGenericType: true, TypeArguments.Length: 1 }
                    || SymbolEqualityComparer.Default.Equals(builder.TypeArguments[0], entity))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A short lambda parameter for the entity: its initial in lower case.</summary>
    public static string ParameterFor(ITypeSymbol entity) =>
        entity.Name.Length > 0 && SyntaxFacts.IsIdentifierStartCharacter(entity.Name[0]) ? char.ToLowerInvariant(entity.Name[0]).ToString() : "e";
}
