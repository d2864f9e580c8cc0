using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Whether an object built in a method outlives the call: stored in a field or property (<c>??=</c>, lazy
/// initialisation), returned to a caller (a factory, a <c>Lazy&lt;T&gt;</c> or cache lambda), handed to code that may
/// keep it, or — for serializer options — configured further after construction.
/// </summary>
internal static class ConstructionUse
{
    public static bool IsKeptBeyondTheCall(IObjectCreationOperation creation, CacheableKind kind, CacheableTypes types, ISymbol containingSymbol)
    {
        // A getter hands out a new instance on every read (`Regex Digits => new Regex(…)`); a method returning one
        // is a factory whose caller may keep it.
        var isGetter = containingSymbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet };
        if (IsKeptBy(creation, kind, types, isGetter))
        {
            return true;
        }

        if (LocalReferences.ReceivingLocal(creation) is not { } local)
        {
            return false;
        }

        foreach (var reference in LocalReferences.FindAll(creation, local))
        {
            if (IsKeptBy(reference, kind, types, isGetter) || (kind == CacheableKind.JsonSerializerOptions && IsConfiguredThrough(reference)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsKeptBy(IOperation value, CacheableKind kind, CacheableTypes types, bool isGetter)
    {
        var consumer = LocalReferences.ConsumerOf(value, out var outermost);
        return consumer switch
        {
            ISimpleAssignmentOperation assignment => assignment.Value == outermost && assignment.Target is not ILocalReferenceOperation,
            IReturnOperation => !isGetter || FunctionScope.IsInNestedFunction(consumer),
            ICoalesceAssignmentOperation or ICoalesceOperation or IConditionalOperation => true,
            IArgumentOperation argument => !IsUsedByCallOnly(argument, kind, types),
            IArrayInitializerOperation or ITupleOperation => true,
            _ => false,
        };
    }

    /// <summary>
    /// Options handed to a System.Text.Json, System.Net.Http.Json or ASP.NET Core method that takes
    /// <c>JsonSerializerOptions</c>: used for the call. Any other callee (a collection's <c>Add</c>, a registration, a
    /// validator that takes a <c>Regex</c>) may keep the instance.
    /// </summary>
    private static bool IsUsedByCallOnly(IArgumentOperation argument, CacheableKind kind, CacheableTypes types)
    {
        // The declared parameter type: List<T>.Add takes a T, which may keep anything.
        if (kind != CacheableKind.JsonSerializerOptions
            || argument.Parameter?.OriginalDefinition is not { } parameter
            || argument.Parent is not IInvocationOperation invocation
            || !SymbolEqualityComparer.Default.Equals(parameter.Type, types.JsonSerializerOptions))
        {
            return false;
        }

        var ns = invocation.TargetMethod.ContainingNamespace?.ToDisplayString() ?? "";
        return ns.StartsWith("System.Text.Json", System.StringComparison.Ordinal)
            || ns is "System.Net.Http.Json" or "Microsoft.AspNetCore.Http" or "Microsoft.AspNetCore.Mvc";
    }

    /// <summary><c>options.Converters.Add(…)</c>, <c>options.WriteIndented = flag</c>, <c>options.MakeReadOnly()</c>: built in steps, left alone.</summary>
    private static bool IsConfiguredThrough(ILocalReferenceOperation reference)
    {
        var consumer = LocalReferences.ConsumerOf(reference, out var outermost);
        switch (consumer)
        {
            case IInvocationOperation invocation when invocation.Instance == outermost:
                return true;
            case ISimpleAssignmentOperation assignment when assignment.Target == outermost:
                return true;
            case IPropertyReferenceOperation property when property.Instance == outermost:
                var use = LocalReferences.ConsumerOf(property, out var propertyValue);
                return use switch
                {
                    IAssignmentOperation assignment => assignment.Target == propertyValue,
                    IInvocationOperation invocation => invocation.Instance == propertyValue,
                    _ => false,
                };
            default:
                return false;
        }
    }
}
