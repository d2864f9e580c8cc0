using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>The function an operation runs in: the member's body, or a lambda or local function written inside it.</summary>
internal static class FunctionScope
{
    /// <summary>True when a lambda or local function lies between <paramref name="operation"/> and the member's body: it runs when that function is called.</summary>
    public static bool IsInNestedFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The body of the innermost function around <paramref name="operation"/>: a lambda's or local function's body, else the member's.</summary>
    public static IOperation InnermostBody(IOperation operation)
    {
        var body = operation;
        while (body.Parent is { } parent && parent is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
        {
            body = parent;
        }

        return body;
    }
}
