using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Looking through the wrappers the compiler puts around a value.</summary>
internal static class OperationValues
{
    /// <summary>The value as written, under the implicit conversions the compiler added (<c>s + 1</c> boxes the 1).</summary>
    public static IOperation WithoutImplicitConversions(this IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The value that flows, under every conversion (casts included) and parenthesis: which object it is, whatever its static type.</summary>
    public static IOperation WithoutConversions(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The initializer of the local <paramref name="localReference"/> refers to (<c>var q = db.Orders…;</c>), or null.</summary>
    public static IOperation? InitializerOf(IOperation localReference)
    {
        if (localReference is not ILocalReferenceOperation { Local: var local } || localReference.SemanticModel is not { } model)
        {
            return null;
        }

        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value } && value.SyntaxTree == model.SyntaxTree)
            {
                return model.GetOperation(value);
            }
        }

        return null;
    }
}
