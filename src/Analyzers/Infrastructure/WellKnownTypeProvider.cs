using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// The one place that looks types up by metadata name: one provider per compilation, shared by every analyzer, each
/// name resolved once. <c>Compilation.GetTypeByMetadataName</c> returns null when two references define the same
/// type (.NET 10's <c>System.Linq.AsyncEnumerable</c> and the System.Linq.Async package's), so the provider picks the
/// definition the compilation can see and also hands out every definition for "is this any of them" checks.
/// </summary>
internal sealed class WellKnownTypeProvider
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypeProvider> Providers = new();

    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, ImmutableArray<INamedTypeSymbol>> _definitions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _best = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, object> _tables = new();
    private Dictionary<string, IAssemblySymbol>? _referencedAssemblies;

    private WellKnownTypeProvider(Compilation compilation)
    {
        _compilation = compilation;
    }

    public Compilation Compilation => _compilation;

    /// <summary>The provider of <paramref name="compilation"/>, created on first use and shared by every caller.</summary>
    public static WellKnownTypeProvider GetOrCreate(Compilation compilation) =>
        Providers.GetValue(compilation, static c => new WellKnownTypeProvider(c));

    /// <summary>
    /// The type named <paramref name="metadataName"/> that the compilation's own code would bind to: the one it
    /// declares, else the only one visible to it, else (several visible) the first in reference order; null when none is.
    /// </summary>
    public INamedTypeSymbol? Get(string metadataName) => _best.GetOrAdd(metadataName, ChooseBest);

    /// <summary>
    /// A framework type, looked for first in the referenced assemblies that own it (<c>"System.Net.Http"</c>, then
    /// <c>"netstandard"</c>), else as <see cref="Get"/> finds it. Looking in the owners takes about a hundredth of a
    /// millisecond; <see cref="Get"/>'s search through every reference about a tenth, per type and compilation, which
    /// was up to a third of PERF040's whole cost on the 100k-line benchmark.
    /// </summary>
    public INamedTypeSymbol? GetFramework(string metadataName, params string[] owningAssemblies)
    {
        if (_best.TryGetValue(metadataName, out var known))
        {
            return known;
        }

        var assemblies = ReferencedAssemblies();
        foreach (var owner in owningAssemblies)
        {
            if (assemblies.TryGetValue(owner, out var assembly)
                && assembly.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } type)
            {
                return _best.GetOrAdd(metadataName, type);
            }
        }

        return Get(metadataName);
    }

    /// <summary>Every definition of <paramref name="metadataName"/> visible to the compilation, in reference order.</summary>
    public ImmutableArray<INamedTypeSymbol> GetAll(string metadataName) => _definitions.GetOrAdd(metadataName, FindVisible);

    /// <summary>True when <paramref name="type"/>'s definition is any visible definition of <paramref name="metadataName"/>.</summary>
    public bool IsAny(ITypeSymbol? type, string metadataName)
    {
        if (type is null)
        {
            return false;
        }

        var definition = type.OriginalDefinition;
        foreach (var candidate in GetAll(metadataName))
        {
            if (SymbolEqualityComparer.Default.Equals(definition, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The table of types <paramref name="create"/> builds from this provider (<c>DataAccessTypes</c>, <c>TaskTypes</c>…),
    /// built once per compilation and shared by every rule that asks for it; null when <paramref name="create"/> says
    /// the compilation lacks what the table is for.
    /// </summary>
    public T? GetOrCreateTable<T>(Func<WellKnownTypeProvider, T?> create)
        where T : class
    {
        if (!_tables.TryGetValue(typeof(T), out var table))
        {
            // Lazy: two rules starting on the same compilation at once still build the table once.
            table = _tables.GetOrAdd(typeof(T), _ => new Lazy<T?>(() => create(this), LazyThreadSafetyMode.ExecutionAndPublication));
        }

        return ((Lazy<T?>)table).Value;
    }

    private Dictionary<string, IAssemblySymbol> ReferencedAssemblies()
    {
        if (Volatile.Read(ref _referencedAssemblies) is { } built)
        {
            return built;
        }

        // Two references with one simple name (two versions, an extern alias) keep the first, as binding order has it.
        var byName = new Dictionary<string, IAssemblySymbol>(StringComparer.Ordinal);
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!byName.ContainsKey(assembly.Identity.Name))
            {
                byName.Add(assembly.Identity.Name, assembly);
            }
        }

        Volatile.Write(ref _referencedAssemblies, byName);
        return byName;
    }

    private INamedTypeSymbol? ChooseBest(string metadataName)
    {
        var visible = GetAll(metadataName);
        foreach (var candidate in visible)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, _compilation.Assembly))
            {
                return candidate;
            }
        }

        return visible.IsEmpty ? null : visible[0];
    }

    private ImmutableArray<INamedTypeSymbol> FindVisible(string metadataName)
    {
        // The common case, one definition, costs one compiler lookup; the slow path runs only for duplicates.
#pragma warning disable RS0030 // The one sanctioned lookup: every other caller goes through this provider, which also handles duplicate definitions.
        if (_compilation.GetTypeByMetadataName(metadataName) is { } single)
#pragma warning restore RS0030
        {
            return ImmutableArray.Create(single);
        }

        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var candidate in _compilation.GetTypesByMetadataName(metadataName))
        {
            if (_compilation.IsSymbolAccessibleWithin(candidate, _compilation.Assembly))
            {
                builder.Add(candidate);
            }
        }

        return builder.ToImmutable();
    }
}
