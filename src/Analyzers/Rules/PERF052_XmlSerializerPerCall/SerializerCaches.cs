using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>Answers "is this new serializer kept for later calls": stored in a field, a field's dictionary, or built by a caching factory.</summary>
internal sealed class SerializerCaches
{
    private readonly INamedTypeSymbol? _concurrentDictionary;
    private readonly INamedTypeSymbol? _dictionaryInterface;
    private readonly INamedTypeSymbol? _lazy;
    private readonly INamedTypeSymbol? _lazyInitializer;
    private readonly INamedTypeSymbol? _memoryCacheExtensions;

    public SerializerCaches(WellKnownTypeProvider types)
    {
        _concurrentDictionary = types.Get("System.Collections.Concurrent.ConcurrentDictionary`2");
        _dictionaryInterface = types.Get("System.Collections.Generic.IDictionary`2");
        _lazy = types.Get("System.Lazy`1");
        _lazyInitializer = types.Get("System.Threading.LazyInitializer");
        _memoryCacheExtensions = types.Get("Microsoft.Extensions.Caching.Memory.CacheExtensions");
    }

    public bool IsCached(IOperation creation, CancellationToken cancellationToken)
    {
        var consumer = LocalReferences.ConsumerOf(creation, out var value);
        switch (consumer)
        {
            case IReturnOperation when FindFunction(value) is { } function:
                return IsCachingFactory(function);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } }:
                return IsLocalCached(local, creation, cancellationToken);
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var assigned } } assignment when assignment.Value == value:
                return IsLocalCached(assigned, creation, cancellationToken);
            default:
                return IsStoredForLater(value, consumer);
        }
    }

    /// <summary><c>field ??= x</c>, <c>StaticField = x</c>, <c>fieldDictionary[key] = x</c>, <c>fieldDictionary.Add/TryAdd(key, x)</c>.</summary>
    private bool IsStoredForLater(IOperation value, IOperation? consumer)
    {
        switch (consumer)
        {
            case ICoalesceAssignmentOperation coalesce when coalesce.Value == value:
                return coalesce.Target is IFieldReferenceOperation or IPropertyReferenceOperation;
            case ISimpleAssignmentOperation assignment when assignment.Value == value:
                return assignment.Target switch
                {
                    IFieldReferenceOperation { Field.IsStatic: true } => true,
                    IPropertyReferenceOperation { Property.IsStatic: true } => true,
                    IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } dictionary } => IsHeldByMember(dictionary),
                    _ => false,
                };
            case IArgumentOperation { Parent: IInvocationOperation { Instance: { } dictionary } invocation }:
                return IsHeldByMember(dictionary) && IsDictionary(invocation.TargetMethod.ContainingType);
            default:
                return false;
        }
    }

    /// <summary>A dictionary (or other collection) reached through a field or property: it outlives the call.</summary>
    private static bool IsHeldByMember(IOperation instance) =>
        OperationValues.WithoutConversions(instance) is IFieldReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false };

    private bool IsDictionary(INamedTypeSymbol? type) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _concurrentDictionary) || TypeHierarchy.IsOrImplements(type, _dictionaryInterface));

    /// <summary><c>var s = new XmlSerializer(…); Cache[key] = s;</c>: the local is stored for later somewhere in its body.</summary>
    private bool IsLocalCached(ILocalSymbol local, IOperation creation, CancellationToken cancellationToken)
    {
        foreach (var operation in FunctionScope.InnermostBody(creation).Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                var consumer = LocalReferences.ConsumerOf(reference, out var value);
                if (IsStoredForLater(value, consumer)
                    || (consumer is IReturnOperation && FindFunction(value) is { } function && IsCachingFactory(function)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IAnonymousFunctionOperation? FindFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation function:
                    return function;
                case ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>A lambda handed to <c>ConcurrentDictionary.GetOrAdd/AddOrUpdate</c>, <c>new Lazy&lt;T&gt;</c>, <c>LazyInitializer.EnsureInitialized</c> or <c>IMemoryCache.GetOrCreate</c>.</summary>
    private bool IsCachingFactory(IAnonymousFunctionOperation function)
    {
        var consumer = LocalReferences.ConsumerOf(function, out var value);
        if (consumer is IDelegateCreationOperation)
        {
            consumer = LocalReferences.ConsumerOf(consumer, out value);
        }

        if (consumer is not IArgumentOperation argument || argument.Value != value)
        {
            return false;
        }

        return argument.Parent switch
        {
            IInvocationOperation { TargetMethod: var method } => method.Name switch
            {
                "GetOrAdd" or "AddOrUpdate" => SymbolEqualityComparer.Default.Equals(method.ContainingType.OriginalDefinition, _concurrentDictionary),
                "EnsureInitialized" => SymbolEqualityComparer.Default.Equals(method.ContainingType, _lazyInitializer),
                "GetOrCreate" or "GetOrCreateAsync" => SymbolEqualityComparer.Default.Equals(method.ContainingType, _memoryCacheExtensions),
                _ => false,
            },
            IObjectCreationOperation { Type: { } created } => SymbolEqualityComparer.Default.Equals(created.OriginalDefinition, _lazy),
            _ => false,
        };
    }
}
