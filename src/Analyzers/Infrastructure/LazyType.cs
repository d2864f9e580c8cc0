using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// A well-known type looked up on first use rather than when a rule starts on a compilation: most compilations never
/// reach the code that needs it, and a lookup (above all of a type the compilation lacks) searches every reference.
/// </summary>
internal sealed class LazyType
{
    private readonly WellKnownTypeProvider _provider;
    private readonly string _metadataName;
    private readonly string[] _owningAssemblies;
    private INamedTypeSymbol? _type;
    private volatile bool _resolved;

    /// <param name="owningAssemblies">For a framework type, the assemblies that own it (see <see cref="WellKnownTypeProvider.GetFramework"/>).</param>
    public LazyType(WellKnownTypeProvider provider, string metadataName, params string[] owningAssemblies)
    {
        _provider = provider;
        _metadataName = metadataName;
        _owningAssemblies = owningAssemblies;
    }

    /// <summary>The type, as the provider resolves it; null when the compilation lacks it.</summary>
    public INamedTypeSymbol? Value
    {
        get
        {
            if (!_resolved)
            {
                // Racing callers both store the provider's one answer; the volatile flag publishes it.
                _type = _owningAssemblies.Length == 0 ? _provider.Get(_metadataName) : _provider.GetFramework(_metadataName, _owningAssemblies);
                _resolved = true;
            }

            return _type;
        }
    }
}
