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
    private INamedTypeSymbol? _type;
    private volatile bool _resolved;

    public LazyType(WellKnownTypeProvider provider, string metadataName)
    {
        _provider = provider;
        _metadataName = metadataName;
    }

    /// <summary>The type, as <see cref="WellKnownTypeProvider.Get"/> resolves it; null when the compilation lacks it.</summary>
    public INamedTypeSymbol? Value
    {
        get
        {
            if (!_resolved)
            {
                // Racing callers both store the provider's one answer; the volatile flag publishes it.
                _type = _provider.Get(_metadataName);
                _resolved = true;
            }

            return _type;
        }
    }
}
