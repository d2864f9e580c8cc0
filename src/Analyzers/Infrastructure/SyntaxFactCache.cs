using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// A fact about one piece of code (a loop, a block) computed once per compilation and looked up by the code's syntax
/// node: when every candidate in a loop asks the same question of that loop, the loop is walked once, not once per
/// candidate. Entries go away with their compilation.
/// </summary>
internal sealed class SyntaxFactCache<TFact>
{
    private readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<SyntaxNode, TFact>> _byCompilation = new();
    private readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<SyntaxNode, TFact>>.CreateValueCallback _createTable = static _ => new ConcurrentDictionary<SyntaxNode, TFact>();

    public TFact GetOrAdd<TState>(Compilation compilation, SyntaxNode node, Func<SyntaxNode, TState, TFact> compute, TState state)
    {
        var facts = _byCompilation.GetValue(compilation, _createTable);
        if (facts.TryGetValue(node, out var fact))
        {
            return fact;
        }

        fact = compute(node, state);
        return facts.GetOrAdd(node, fact);
    }
}
