using Microsoft.CodeAnalysis;
using PerfAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Whether a serializer's arguments are fixed at compile time (<c>typeof(Order)</c>, <c>new XmlRootAttribute("order")</c>,
/// <c>new[] { typeof(Line) }</c>, constants), so the serializer can be built once in a static field.
/// </summary>
internal static class SerializerArguments
{
    public static bool AreConstant(IObjectCreationOperation creation)
    {
        if (creation.Initializer is not null)
        {
            return false;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.Explicit && !IsConstant(argument.Value))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsConstant(IOperation value)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                return IsConstant(conversion.Operand);
            case ITypeOfOperation typeOf:
                return !MentionsMethodTypeParameter(typeOf.TypeOperand);
            case ILiteralOperation:
            case IDefaultValueOperation:
                return true;
            case IArrayCreationOperation array:
                return (array.Initializer is null || AllConstant(array.Initializer.ElementValues)) && AllConstant(array.DimensionSizes);
            case IObjectCreationOperation creation
                when SymbolRelations.IsInNamespace(creation.Type, "System.Xml.Serialization"):
                foreach (var argument in creation.Arguments)
                {
                    if (!IsConstant(argument.Value))
                    {
                        return false;
                    }
                }

                if (creation.Initializer is { } initializer)
                {
                    foreach (var member in initializer.Initializers)
                    {
                        if (member is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation or IFieldReferenceOperation } assignment || !IsConstant(assignment.Value))
                        {
                            return false;
                        }
                    }
                }

                return true;
            default:
                return value.ConstantValue.HasValue;
        }
    }

    private static bool AllConstant(System.Collections.Immutable.ImmutableArray<IOperation> values)
    {
        foreach (var element in values)
        {
            if (!IsConstant(element))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A static field cannot name the method's type parameters (<c>typeof(T)</c> in <c>Load&lt;T&gt;()</c>).</summary>
    private static bool MentionsMethodTypeParameter(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol parameter => parameter.TypeParameterKind == TypeParameterKind.Method,
        IArrayTypeSymbol array => MentionsMethodTypeParameter(array.ElementType),
        INamedTypeSymbol named => AnyMentions(named),
        _ => false,
    };

    private static bool AnyMentions(INamedTypeSymbol named)
    {
        foreach (var argument in named.TypeArguments)
        {
            if (MentionsMethodTypeParameter(argument))
            {
                return true;
            }
        }

        return named.ContainingType is { } outer && AnyMentions(outer);
    }
}
