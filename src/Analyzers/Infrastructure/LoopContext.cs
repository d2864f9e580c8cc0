using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Answers "which loop runs this operation" within one function body.</summary>
internal static class LoopContext
{
    /// <summary>
    /// The innermost loop statement around <paramref name="operation"/>, not crossing a lambda,
    /// local function or member boundary (code there runs when it is called, not per iteration).
    /// </summary>
    public static ILoopOperation? FindEnclosingLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop:
                    return loop;
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="operation"/> is part of the loop's body rather than its header (collection, condition, increment).</summary>
    public static bool IsInBody(ILoopOperation loop, IOperation operation)
    {
        var body = loop.Body;
        return body is not null && body.Syntax.Span.Contains(operation.Syntax.Span);
    }

    /// <summary>True when the symbol was declared inside the loop's syntax (a fresh variable per iteration).</summary>
    public static bool IsDeclaredInside(ILoopOperation loop, ISymbol symbol)
    {
        var span = loop.Syntax.Span;
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == loop.Syntax.SyntaxTree && span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }
}
