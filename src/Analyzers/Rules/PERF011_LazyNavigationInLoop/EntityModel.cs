using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// What the N+1 rules know of a compilation's EF Core model: the entity types of each DbContext (its
/// <c>DbSet&lt;T&gt;</c> properties and <c>modelBuilder.Entity&lt;T&gt;()</c> calls), the navigations configured with
/// <c>AutoInclude()</c>, and which entity types can lazy-load. Built on demand and cached per compilation.
/// </summary>
internal sealed class EntityModel
{
    private readonly Compilation _compilation;
    private readonly DataAccessTypes _types;
    private readonly ConcurrentDictionary<ITypeSymbol, HashSet<ITypeSymbol>> _entitiesByContext = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _hasLazyLoader = new(SymbolEqualityComparer.Default);
    // Read from the compilation's OnModelCreating/Configure bodies the first time a candidate needs it, with that
    // candidate's cancellation token; null until then (a cancelled scan leaves it null for the next caller).
    private Configuration? _configuration;
    // Cached so the hot lookups do not allocate a delegate per call.
    private readonly Func<ITypeSymbol, HashSet<ITypeSymbol>> _collectEntities;
    private readonly Func<ITypeSymbol, bool> _hasLazyLoaderFactory;

    public EntityModel(Compilation compilation, DataAccessTypes types)
    {
        _compilation = compilation;
        _types = types;
        _collectEntities = CollectEntities;
        _hasLazyLoaderFactory = HasLazyLoader;
    }

    /// <summary>True when <paramref name="type"/> is an entity type of <paramref name="context"/>.</summary>
    public bool IsEntity(ITypeSymbol context, ITypeSymbol type, CancellationToken cancellationToken)
    {
        var entities = _entitiesByContext.GetOrAdd(context, _collectEntities);
        return entities.Contains(type) || GetConfiguration(cancellationToken).EntityNames.Contains(type.Name) || HasConventionalKey(type);
    }

    /// <summary>
    /// EF Core also maps types reached only through navigations; such a type is taken as an entity when it has a key
    /// by convention (<c>Id</c> or <c>&lt;Type&gt;Id</c>), which owned and complex types usually lack.
    /// </summary>
    private static bool HasConventionalKey(ITypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.SpecialType != SpecialType.None)
        {
            return false;
        }

        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsStatic: false } property
                    && (property.Name == "Id" || property.Name == type.Name + "Id"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when some model configuration marks a navigation of this name with <c>AutoInclude()</c>.</summary>
    public bool IsAutoIncluded(IPropertySymbol navigation, CancellationToken cancellationToken) =>
        GetConfiguration(cancellationToken).AutoIncludedNavigations.Contains(navigation.Name);

    private Configuration GetConfiguration(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _configuration) is { } configuration)
        {
            return configuration;
        }

        // Two callers racing both scan; the first result is kept. A cancelled scan throws and stores nothing.
        var scanned = ScanConfiguration(cancellationToken);
        return Interlocked.CompareExchange(ref _configuration, scanned, null) ?? scanned;
    }

    /// <summary>True when the property can be lazy-loaded: virtual (proxies) or on an entity that takes an ILazyLoader.</summary>
    public bool IsLazyLoadable(IPropertySymbol property)
    {
        if ((property.IsVirtual || property.IsOverride) && !property.IsSealed && !property.ContainingType.IsSealed)
        {
            return true;
        }

        return _hasLazyLoader.GetOrAdd(property.ContainingType, _hasLazyLoaderFactory);
    }

    /// <summary>The entity a navigation leads to: the property type, or the element type of a collection navigation.</summary>
    public static ITypeSymbol? TargetType(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && TypeHierarchy.IsOrImplementsGenericEnumerable(named))
        {
            return named.TypeArguments[0];
        }

        return type;
    }

    private HashSet<ITypeSymbol> CollectEntities(ITypeSymbol context)
    {
        var entities = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        _types.AddEntityTypesOf(context, entities);
        return entities;
    }

    private bool HasLazyLoader(ITypeSymbol entity)
    {
        foreach (var member in entity.GetMembers())
        {
            var type = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (IsLazyLoaderType(type))
            {
                return true;
            }

            if (member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor)
            {
                foreach (var parameter in constructor.Parameters)
                {
                    if (IsLazyLoaderType(parameter.Type))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary><c>ILazyLoader</c>, or the <c>Action&lt;object, string&gt;</c> loader delegate EF Core injects.</summary>
    private bool IsLazyLoaderType(ITypeSymbol? type) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, _types.LazyLoader)
            || type is INamedTypeSymbol { Name: "Action", TypeArguments.Length: 2 } action
            && action.TypeArguments[0].SpecialType == SpecialType.System_Object
            && action.TypeArguments[1].SpecialType == SpecialType.System_String);

    /// <summary>Reads OnModelCreating and IEntityTypeConfiguration.Configure bodies by syntax: Entity&lt;T&gt;() and Navigation(..).AutoInclude().</summary>
    private Configuration ScanConfiguration(CancellationToken cancellationToken)
    {
        var configuration = new Configuration();
        foreach (var symbol in _compilation.GetSymbolsWithName(static name => name is "OnModelCreating" or "Configure", SymbolFilter.Member, cancellationToken))
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation)
                    {
                        continue;
                    }

                    if (access.Name is GenericNameSyntax { Identifier.ValueText: "Entity", TypeArgumentList.Arguments.Count: 1 } entity)
                    {
                        configuration.EntityNames.Add(SimpleName(entity.TypeArgumentList.Arguments[0]));
                    }
                    else if (access.Name.Identifier.ValueText == "AutoInclude"
                             && invocation.ArgumentList.Arguments.Count == 0
                             && access.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Navigation" }, ArgumentList.Arguments.Count: 1 } navigationCall)
                    {
                        switch (navigationCall.ArgumentList.Arguments[0].Expression)
                        {
                            case SimpleLambdaExpressionSyntax { ExpressionBody: MemberAccessExpressionSyntax member }:
                                configuration.AutoIncludedNavigations.Add(member.Name.Identifier.ValueText);
                                break;
                            case LiteralExpressionSyntax literal:
                                configuration.AutoIncludedNavigations.Add(literal.Token.ValueText);
                                break;
                        }
                    }
                }
            }
        }

        return configuration;
    }

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => type.ToString(),
    };

    private sealed class Configuration
    {
        public HashSet<string> EntityNames { get; } = new(StringComparer.Ordinal);

        public HashSet<string> AutoIncludedNavigations { get; } = new(StringComparer.Ordinal);
    }
}
