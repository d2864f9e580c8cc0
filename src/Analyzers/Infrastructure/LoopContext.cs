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

    /// <summary>
    /// A retry loop: a while, do or for loop (not a foreach over items) whose body leaves the loop on success
    /// inside a <c>try</c> that catches the failure, or leaves it and otherwise waits before the next attempt
    /// (<c>Task.Delay</c>, <c>Thread.Sleep</c>). Its iterations are attempts, usually one.
    /// </summary>
    public static bool IsRetryLoop(ILoopOperation loop)
    {
        if (loop is IForEachLoopOperation || loop.Body is not { } body)
        {
            return false;
        }

        var waits = false;
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case ITryOperation { Catches.Length: > 0 } tryOperation when ContainsExit(tryOperation.Body, loop, throughInnerLoops: true):
                    return true;
                case IInvocationOperation { TargetMethod: { Name: "Delay" or "Sleep", ContainingType.ContainingNamespace: { Name: "Tasks" or "Threading" } } }:
                    waits = true;
                    break;
            }
        }

        return waits && ContainsExit(body, loop, throughInnerLoops: true);
    }

    /// <summary>A jump out of <paramref name="loop"/> under <paramref name="scope"/>; with <paramref name="throughInnerLoops"/> false, not one inside a loop nested in it.</summary>
    public static bool ContainsExit(IOperation scope, ILoopOperation loop, bool throughInnerLoops)
    {
        var stack = new System.Collections.Generic.Stack<IOperation>();
        stack.Push(scope);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is IBranchOperation or IReturnOperation && Exits(current, loop))
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation || (!throughInnerLoops && current is ILoopOperation))
            {
                continue;
            }

            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }

        return false;
    }

    /// <summary>A <c>break</c> of this loop, or a <c>return</c>/<c>yield break</c>.</summary>
    public static bool Exits(IOperation jump, ILoopOperation loop) => jump switch
    {
        IBranchOperation { BranchKind: BranchKind.Break } branch => SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel),
        IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak } => true,
        _ => false,
    };
}
