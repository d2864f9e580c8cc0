using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Answers "does this operation run in async code, where it could be awaited instead".</summary>
internal static class AsyncContext
{
    /// <summary>
    /// The innermost function around <paramref name="operation"/> (method, lambda, anonymous method or local function)
    /// when that function is <c>async</c>; otherwise null. A non-async lambda or local function runs elsewhere (and
    /// cannot await), code inside a <c>lock</c> cannot await, and nothing inside <c>nameof</c> runs at all.
    /// </summary>
    /// <param name="operation">The operation whose async context is asked for.</param>
    /// <param name="containingSymbol">The analysis context's containing symbol (the member whose body is analysed).</param>
    /// <param name="body">The async function's body: the region where earlier awaits on the same task are searched.</param>
    public static IMethodSymbol? FindAsyncFunction(IOperation operation, ISymbol containingSymbol, out IOperation? body) =>
        FindAsyncFunction(operation, containingSymbol, out body, out var insideLock) is { } function && !insideLock ? function : null;

    /// <summary>
    /// As <see cref="FindAsyncFunction(IOperation, ISymbol, out IOperation?)"/>, but looking through a <c>lock</c>
    /// between the operation and its function (on an object or a <c>System.Threading.Lock</c>): the function is
    /// returned and <paramref name="insideLock"/> tells that no <c>await</c> can replace the operation where it is.
    /// </summary>
    public static IMethodSymbol? FindAsyncFunction(IOperation operation, ISymbol containingSymbol, out IOperation? body, out bool insideLock)
    {
        body = null;
        insideLock = false;
        var current = operation;
        for (var parent = operation.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ILockOperation:
                    insideLock = true;
                    break;
                case INameOfOperation:
                    return null;
                case IAnonymousFunctionOperation lambda:
                    body = lambda.Body;
                    return lambda.Symbol.IsAsync ? lambda.Symbol : null;
                case ILocalFunctionOperation localFunction:
                    body = localFunction.Body ?? (IOperation?)localFunction.IgnoredBody;
                    return localFunction.Symbol.IsAsync ? localFunction.Symbol : null;
            }
        }

        body = current;
        return containingSymbol is IMethodSymbol { IsAsync: true } method ? method : null;
    }
}
