using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Per compilation: does a method run a database round trip on every call, and through which chain? Each method's
/// body is walked once; the answer is cached by method definition. Recursion (direct or mutual) ends at a method
/// already on the walk's stack.
/// </summary>
internal sealed class RoundTripSummaries
{
    /// <summary>
    /// How many methods a chain may pass through, the one the loop calls included. Controller, service, repository and
    /// a base repository or context wrapper are four layers; one more for a helper. Deeper chains are rare and make a
    /// message too long to act on, and the bound keeps the walk small.
    /// </summary>
    public const int MaxMethods = 5;

    private readonly ConcurrentDictionary<IMethodSymbol, RoundTripPath?> _summaries = new(SymbolEqualityComparer.Default);

    public RoundTripSummaries(ICallTargetView view, DataAccessTypes types, CacheLookups caches)
    {
        View = view;
        Types = types;
        Caches = caches;
    }

    public ICallTargetView View { get; }

    public DataAccessTypes Types { get; }

    public CacheLookups Caches { get; }

    /// <summary>The path by which <paramref name="method"/> (a resolved definition) reaches a round trip on every call, or null.</summary>
    public RoundTripPath? Get(IMethodSymbol method, CancellationToken cancellationToken) =>
        Get(method, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), out _, cancellationToken);

    /// <summary>
    /// As <see cref="Get(IMethodSymbol, CancellationToken)"/> for a method called from the methods on
    /// <paramref name="onStack"/>. <paramref name="cut"/> is true when the answer is null only because recursion or the
    /// depth bound stopped the walk: such an answer holds for this walk, not for the method, and is not cached.
    /// </summary>
    internal RoundTripPath? Get(IMethodSymbol method, HashSet<IMethodSymbol> onStack, out bool cut, CancellationToken cancellationToken)
    {
        cut = false;
        if (_summaries.TryGetValue(method, out var known))
        {
            return known;
        }

        if (onStack.Count >= MaxMethods || !onStack.Add(method))
        {
            // Too deep, or recursion: the method is being summarised further up and this path adds nothing shorter.
            cut = true;
            return null;
        }

        RoundTripPath? path = null;
        if (View.GetBody(method, cancellationToken) is { } body)
        {
            var walker = new BodyWalker(this, method, onStack, cancellationToken);
            path = walker.Walk(body);
            cut = walker.WasCut;
        }

        onStack.Remove(method);
        return path is not null || !cut ? _summaries.GetOrAdd(method, path) : null;
    }

    /// <summary><c>CustomerRepository.FindAsync</c>: the type and name of a method hop.</summary>
    public static RoundTripHop HopOf(IMethodSymbol method)
    {
        var text = method.MethodKind == MethodKind.LocalFunction || method.ContainingType is null
            ? method.Name
            : method.ContainingType.Name + "." + method.Name;
        return new RoundTripHop(text, method.Locations.Length > 0 ? method.Locations[0] : Location.None);
    }
}
