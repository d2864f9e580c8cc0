using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// Answers "which loop runs this operation" within one function body. The loop shapes that change what a loop
/// multiplies live beside it: <c>LoopContext.FewIterations.cs</c> (a few iterations fixed at compile time) and
/// <c>LoopContext.ServiceLoops.cs</c> (loops spread over time or over arriving work).
/// </summary>
internal static partial class LoopContext
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

    /// <summary>True when the symbol was declared inside the syntax of <paramref name="scope"/> (a loop: a fresh variable per iteration).</summary>
    public static bool IsDeclaredInside(IOperation scope, ISymbol symbol)
    {
        var span = scope.Syntax.Span;
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == scope.Syntax.SyntaxTree && span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for <c>for</c>, <c>foreach</c> (also <c>await foreach</c> and deconstructing), <c>while</c> and <c>do</c> statements.</summary>
    public static bool IsLoopStatement(SyntaxNode node) =>
        node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    /// <summary>True for the syntax that starts a new function body: lambdas, anonymous methods and local functions.</summary>
    public static bool IsFunctionBoundary(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;
}
