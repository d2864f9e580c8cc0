using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>The HTTP types PERF040 needs, and whether a new client brings a connection pool of its own.</summary>
internal sealed class HttpClientTypes
{
    // .NET and .NET Framework declare the HTTP types in System.Net.Http, .NET Standard in netstandard.
    private const string Http = "System.Net.Http";
    private const string Standard = "netstandard";

    // Needed only for a client built over a handler argument: looked up then, not when the rule starts.
    private readonly LazyType _clientHandler;
    private readonly LazyType _socketsHandler;

    private HttpClientTypes(WellKnownTypeProvider provider, INamedTypeSymbol httpClient)
    {
        HttpClient = httpClient;
        _clientHandler = new LazyType(provider, "System.Net.Http.HttpClientHandler", Http, Standard);
        _socketsHandler = new LazyType(provider, "System.Net.Http.SocketsHttpHandler", Http);
    }

    public INamedTypeSymbol HttpClient { get; }

    public static HttpClientTypes? Create(WellKnownTypeProvider provider) =>
        provider.GetFramework("System.Net.Http.HttpClient", Http, Standard) is { } httpClient ? new HttpClientTypes(provider, httpClient) : null;

    /// <summary>
    /// True when the client gets a connection pool of its own: no handler argument, or a handler created for it
    /// (<c>new HttpClient(new HttpClientHandler { … })</c>, or a local holding one). A client over a shared handler
    /// (a field, a parameter, a delegating handler around one) is cheap to create and is not reported.
    /// </summary>
    public bool OwnsConnectionPool(IObjectCreationOperation creation)
    {
        if (creation.Arguments.IsEmpty)
        {
            return true;
        }

        var handler = creation.Arguments[0].Value.WithoutConversions();
        if (handler is ILocalReferenceOperation && OperationValues.InitializerOf(handler) is { } initializer)
        {
            handler = initializer.WithoutConversions();
        }

        return handler is IObjectCreationOperation { Type: { } handlerType } && IsPoolOwningHandler(handlerType);
    }

    private bool IsPoolOwningHandler(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, _clientHandler.Value) || SymbolEqualityComparer.Default.Equals(current, _socketsHandler.Value))
            {
                return true;
            }
        }

        return false;
    }
}
