using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Recognises the cache-aside shapes around a round trip: a keyed lookup that returns on a hit
/// (<c>if (cache.TryGetValue(id, out var c)) return c;</c>), a miss branch (<c>if (!cache.TryGetValue(…)) { … }</c>),
/// <c>cache.Get(key) ?? await Load()</c>, and the factory lambda of <c>GetOrCreate[Async]</c>/<c>GetOrAdd</c>.
/// </summary>
internal sealed class CacheLookups
{
    // Looked up when a round trip's surroundings are first examined; projects without the caching abstractions lack
    // both, and a missing type is the dearest lookup.
    private readonly LazyType _memoryCache;
    private readonly LazyType _distributedCache;

    public CacheLookups(WellKnownTypeProvider wellKnownTypes)
    {
        _memoryCache = new LazyType(wellKnownTypes, "Microsoft.Extensions.Caching.Memory.IMemoryCache");
        _distributedCache = new LazyType(wellKnownTypes, "Microsoft.Extensions.Caching.Distributed.IDistributedCache");
    }

    /// <summary>
    /// True when <paramref name="condition"/> tests whether a key is cached; <paramref name="hitWhenTrue"/> says which
    /// outcome is the hit (false for <c>!cache.TryGetValue(…)</c>).
    /// </summary>
    public bool IsHitTest(IOperation condition, out bool hitWhenTrue)
    {
        hitWhenTrue = true;
        var value = condition.WithoutConversions();
        switch (value)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not when IsHitTest(not.Operand, out var inner):
                hitWhenTrue = !inner;
                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                // `cache.TryGetValue(k, out var v) && v != null`: true only on a hit.
                return IsHitTest(and.LeftOperand, out var left) && left;
            case IIsPatternOperation pattern when IsCacheRead(pattern.Value):
                // `cache.Get<T>(k) is { } v` is a hit; `is null` / `is not { }` is a miss.
                hitWhenTrue = pattern.Pattern is not (INegatedPatternOperation or IConstantPatternOperation);
                return true;
            case IInvocationOperation { TargetMethod.Name: "TryGetValue" or "TryGet" or "ContainsKey" }:
                return true;
            default:
                return false;
        }
    }

    /// <summary>A read from a cache: a keyed try-get, or a get on <c>IMemoryCache</c>/<c>IDistributedCache</c>.</summary>
    public bool IsCacheRead(IOperation operation)
    {
        var value = operation.WithoutConversions();
        if (value is IAwaitOperation awaited)
        {
            value = awaited.Operation.WithoutConversions();
        }

        if (value is not IInvocationOperation invocation)
        {
            return false;
        }

        var name = invocation.TargetMethod.Name;
        if (name is "TryGetValue" or "TryGet")
        {
            return true;
        }

        return name.StartsWith("Get", System.StringComparison.Ordinal) && !name.StartsWith("GetOr", System.StringComparison.Ordinal)
            && IsCache(Receiver(invocation)?.Type);
    }

    /// <summary>A lambda passed to <c>GetOrCreate[Async]</c>/<c>GetOrAdd[Async]</c>/<c>GetOrSet[Async]</c>: it runs on a miss only.</summary>
    public static bool IsMissFactory(IAnonymousFunctionOperation lambda)
    {
        var parent = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
        return parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: var name } }
            && name.StartsWith("GetOr", System.StringComparison.Ordinal);
    }

    private bool IsCache(ITypeSymbol? type) =>
        TypeHierarchy.IsOrImplements(type, _memoryCache.Value) || TypeHierarchy.IsOrImplements(type, _distributedCache.Value);

    private static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
}
