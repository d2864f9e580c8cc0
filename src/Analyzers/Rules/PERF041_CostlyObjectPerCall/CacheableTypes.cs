using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

internal enum CacheableKind
{
    None,
    Regex,
    JsonSerializerOptions,
}

/// <summary>The types PERF041 knows, and whether a construction of one uses nothing but constants.</summary>
internal sealed class CacheableTypes
{
    // Where the framework declares them: .NET in System.Text.RegularExpressions and System.Runtime, .NET Framework in
    // System and mscorlib, .NET Standard in netstandard; System.Text.Json is its own assembly everywhere.
    private const string Json = "System.Text.Json";

    // Needed only once a Regex or JsonSerializerOptions is constructed: looked up then, not when the rule starts.
    private readonly LazyType _timeSpan;
    private readonly LazyType _jsonConverter;
    private readonly LazyType _jsonSerializerContext;

    private CacheableTypes(WellKnownTypeProvider provider, INamedTypeSymbol? regex, INamedTypeSymbol? options)
    {
        Regex = regex;
        JsonSerializerOptions = options;
        _timeSpan = new LazyType(provider, "System.TimeSpan", "System.Runtime", "mscorlib", "netstandard");
        _jsonConverter = new LazyType(provider, "System.Text.Json.Serialization.JsonConverter", Json);
        _jsonSerializerContext = new LazyType(provider, "System.Text.Json.Serialization.JsonSerializerContext", Json);
    }

    public INamedTypeSymbol? Regex { get; }

    public INamedTypeSymbol? JsonSerializerOptions { get; }

    public INamedTypeSymbol? TimeSpan => _timeSpan.Value;

    public INamedTypeSymbol? JsonConverter => _jsonConverter.Value;

    public INamedTypeSymbol? JsonSerializerContext => _jsonSerializerContext.Value;

    /// <summary>Null when the compilation has neither <c>Regex</c> nor <c>JsonSerializerOptions</c>: the rule registers nothing.</summary>
    public static CacheableTypes? Create(WellKnownTypeProvider provider)
    {
        var regex = provider.GetFramework("System.Text.RegularExpressions.Regex", "System.Text.RegularExpressions", "System", "netstandard");
        var options = provider.GetFramework("System.Text.Json.JsonSerializerOptions", Json);
        return regex is null && options is null ? null : new CacheableTypes(provider, regex, options);
    }

    public CacheableKind KindOf(ITypeSymbol? type) =>
        type is null ? CacheableKind.None
        : SymbolEqualityComparer.Default.Equals(type, Regex) ? CacheableKind.Regex
        : SymbolEqualityComparer.Default.Equals(type, JsonSerializerOptions) ? CacheableKind.JsonSerializerOptions
        : CacheableKind.None;

    /// <summary>Pattern, options and timeout are compile-time constants (a timeout from <c>TimeSpan.FromSeconds(2)</c> counts).</summary>
    public bool HasConstantRegexArguments(IObjectCreationOperation creation)
    {
        if (creation.Arguments.IsEmpty || creation.Initializer is not null)
        {
            return false;
        }

        foreach (var argument in creation.Arguments)
        {
            if (!IsConstantValue(argument.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the regex options argument includes <c>RegexOptions.Compiled</c>.</summary>
    public bool IsCompiled(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            // Compared by name: the argument's own type needs no lookup.
            if (SymbolRelations.IsType(argument.Value.Type, "System.Text.RegularExpressions", "RegexOptions")
                && argument.Value.ConstantValue is { HasValue: true, Value: int flags })
            {
                return (flags & 8) != 0; // RegexOptions.Compiled
            }
        }

        return false;
    }

    /// <summary>
    /// <c>new JsonSerializerOptions(JsonSerializerDefaults.Web) { … }</c> where every setting is a constant, a shared
    /// framework value (<c>JsonNamingPolicy.CamelCase</c>, <c>JavaScriptEncoder.UnsafeRelaxedJsonEscaping</c>), a
    /// generated context's <c>Default</c>, or a converter built from constants (<c>Converters = { new JsonStringEnumConverter() }</c>).
    /// </summary>
    public bool HasConstantSettings(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            if (!IsConstantValue(argument.Value))
            {
                return false;
            }
        }

        if (creation.Initializer is null)
        {
            return true;
        }

        foreach (var setting in creation.Initializer.Initializers)
        {
            switch (setting)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation } assignment when IsConstantValue(assignment.Value):
                    continue;
                case IMemberInitializerOperation { Initializer: IObjectOrCollectionInitializerOperation collection } when AreConstantAdds(collection):
                    continue;
                default:
                    return false;
            }
        }

        return true;
    }

    private bool AreConstantAdds(IObjectOrCollectionInitializerOperation collection)
    {
        foreach (var element in collection.Initializers)
        {
            if (element is not IInvocationOperation add)
            {
                return false;
            }

            foreach (var argument in add.Arguments)
            {
                if (!IsConstantValue(argument.Value))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A value that is the same on every call: a constant, a static readonly field, a shared framework value, or a converter or timeout built from those.</summary>
    private bool IsConstantValue(IOperation value)
    {
        value = value.WithoutConversions();
        if (value.ConstantValue.HasValue)
        {
            return true;
        }

        switch (value)
        {
            case ITypeOfOperation or IDefaultValueOperation:
                return true;
            case IFieldReferenceOperation { Field: { IsStatic: true } field }:
                return field.IsReadOnly || field.IsConst;
            case IPropertyReferenceOperation { Instance: null, Property: { IsStatic: true, SetMethod: null } property }:
                return IsFrameworkSerializationType(property.ContainingType)
                    || (property.Name == "Default" && SymbolRelations.InheritsFrom(property.ContainingType, JsonSerializerContext));
            case IInvocationOperation { Instance: null, TargetMethod: var method } invocation
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, TimeSpan) || IsFrameworkSerializationType(method.ContainingType):
                return AllConstant(invocation.Arguments);
            case IObjectCreationOperation { Initializer: null, Type: { } type } nested
                when SymbolEqualityComparer.Default.Equals(type, TimeSpan) || SymbolRelations.InheritsFrom(type, JsonConverter):
                return AllConstant(nested.Arguments);
            default:
                return false;
        }
    }

    private bool AllConstant(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (!IsConstantValue(argument.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Types in System.Text.Json, System.Text.Encodings.Web and System.Text.Unicode: their static values are shared singletons.</summary>
    private static bool IsFrameworkSerializationType(INamedTypeSymbol? type)
    {
        var ns = type?.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return false;
        }

        var name = ns.ToDisplayString();
        return name.StartsWith("System.Text.Json", System.StringComparison.Ordinal)
            || name is "System.Text.Encodings.Web" or "System.Text.Unicode";
    }
}
