using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// One thing that runs code once per element: a loop statement's body, or a lambda handed to an in-memory iteration
/// (<c>List&lt;T&gt;.ForEach</c>, <c>Parallel.ForEach[Async]</c>, LINQ-to-objects operators).
/// </summary>
internal readonly struct Iteration
{
    public Iteration(ILoopOperation loop)
    {
        Loop = loop;
        Lambda = null;
        Invocation = null;
    }

    public Iteration(IAnonymousFunctionOperation lambda, IInvocationOperation invocation)
    {
        Loop = null;
        Lambda = lambda;
        Invocation = invocation;
    }

    /// <summary>The loop statement, when the iteration is one.</summary>
    public ILoopOperation? Loop { get; }

    /// <summary>The per-element lambda, when the iteration is one.</summary>
    public IAnonymousFunctionOperation? Lambda { get; }

    /// <summary>The call (<c>ForEach</c>, <c>Select</c>, …) that runs <see cref="Lambda"/>.</summary>
    public IInvocationOperation? Invocation { get; }

    public bool Exists => Loop is not null || Lambda is not null;

    /// <summary>The operation whose child code runs per element (loop statement or lambda).</summary>
    public IOperation Operation => (IOperation?)Loop ?? Lambda!;

    /// <summary>The per-element code: the loop body or the lambda body.</summary>
    public IOperation? Body => Loop is not null ? Loop.Body : Lambda!.Body;
}

/// <summary>Answers "does this operation run once per element of some iteration" within one function.</summary>
internal static class IterationContext
{
    /// <summary>
    /// The innermost iteration whose per-element code contains <paramref name="operation"/>. Loop headers (a
    /// foreach's collection, a for's initializer) run once and do not count. Stops (no iteration) at a lambda that is
    /// not run per element — including expression-tree lambdas of <c>IQueryable</c> operators, which are translated
    /// to SQL — and at local function and member boundaries.
    /// </summary>
    public static Iteration Find(IOperation operation, DataAccessTypes types) => Find(operation, types, out _);

    /// <summary>As <see cref="Find(IOperation, DataAccessTypes)"/>; also gives the local function the search stopped at.</summary>
    public static Iteration Find(IOperation operation, DataAccessTypes types, out ILocalFunctionOperation? stoppedAt)
    {
        stoppedAt = null;
        var child = operation;
        for (var current = operation.Parent; current is not null; child = current, current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop:
                    if (loop.Body is not null && ReferenceEquals(child, loop.Body))
                    {
                        return new Iteration(loop);
                    }

                    // A for/while condition runs per iteration, but it is the loop's own control (paging, polling):
                    // only the body counts, the header is treated as running once.
                    break;
                case IAnonymousFunctionOperation lambda:
                    return IsPerElementLambda(lambda, types, out var invocation)
                        ? new Iteration(lambda, invocation!)
                        : default;
                case ILocalFunctionOperation localFunction:
                    stoppedAt = localFunction;
                    return default;
            }
        }

        return default;
    }

    /// <summary>True when the lambda is an argument of an in-memory per-element call.</summary>
    public static bool IsPerElementLambda(IAnonymousFunctionOperation lambda, DataAccessTypes types, out IInvocationOperation? invocation)
    {
        invocation = null;
        var parent = lambda.Parent;
        if (parent is IDelegateCreationOperation)
        {
            parent = parent.Parent;
        }

        if (parent is IConversionOperation)
        {
            // A conversion to Expression<TDelegate>: the lambda becomes data, it never runs per element here.
            return false;
        }

        if (parent is not IArgumentOperation { Parent: IInvocationOperation call })
        {
            return false;
        }

        var method = call.TargetMethod;
        var containing = method.ContainingType?.OriginalDefinition;
        switch (method.Name)
        {
            case "ForEach" when SymbolEqualityComparer.Default.Equals(containing, types.List):
            case "ForEach" or "ForEachAsync" when SymbolEqualityComparer.Default.Equals(containing, types.Parallel):
                invocation = call;
                return true;
        }

        if (SymbolEqualityComparer.Default.Equals(containing, types.Enumerable)
            || types.IsAsyncEnumerable(containing))
        {
            invocation = call;
            return true;
        }

        return false;
    }

    /// <summary>
    /// True when, after <paramref name="operation"/>, the per-element code always leaves the iteration (break,
    /// return, throw) on the path that follows it: the statement then runs at most once per loop, as in a lookup
    /// that returns its first hit or a retry loop that breaks on success.
    /// </summary>
    public static bool LeavesAfter(IOperation operation, Iteration iteration)
    {
        if (iteration.Loop is not { Body: { } body } loop)
        {
            return false;
        }

        var loopSyntax = loop.Syntax;
        SyntaxNode? node = operation.Syntax.FirstAncestorOrSelf<StatementSyntax>();
        if (node is ReturnStatementSyntax or ThrowStatementSyntax)
        {
            // `return await query.ToListAsync();`: the statement that runs it leaves the loop.
            return true;
        }
        while (node is StatementSyntax statement && statement != body.Syntax && statement != loopSyntax)
        {
            if (statement.Parent is BlockSyntax block)
            {
                var index = block.Statements.IndexOf(statement);
                for (var i = index + 1; i < block.Statements.Count; i++)
                {
                    if (IsExit(block.Statements[i], loopSyntax))
                    {
                        return true;
                    }
                }
            }

            node = statement.Parent;
            // Climb through blocks, if/else, try/catch/finally, using, lock: a jump after them still follows on the same path.
            while (node is not null and not StatementSyntax)
            {
                if (node is CatchClauseSyntax or FinallyClauseSyntax or ElseClauseSyntax or SwitchSectionSyntax)
                {
                    node = node.Parent;
                    continue;
                }

                return false;
            }

            if (node is ForStatementSyntax or ForEachStatementSyntax or ForEachVariableStatementSyntax or WhileStatementSyntax or DoStatementSyntax or SwitchStatementSyntax)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// True for a retry loop: a while/do/for loop (not a foreach over items) whose body runs the operation inside a
    /// <c>try</c> with a <c>catch</c>, as in <c>while (!saved) { try { Save(); saved = true; } catch (…) { … } }</c>.
    /// </summary>
    public static bool IsInsideTryOfRetry(IOperation operation, Iteration iteration)
    {
        if (iteration.Loop is null or IForEachLoopOperation || iteration.Body?.Syntax is not { } body)
        {
            return false;
        }

        for (var node = operation.Syntax.Parent; node is not null && node != body; node = node.Parent)
        {
            if (node is TryStatementSyntax { Catches.Count: > 0 } tryStatement && tryStatement.Block.Span.Contains(operation.Syntax.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A loop with a few iterations fixed at compile time (<c>foreach (var s in new[] { New, Paid })</c>,
    /// <c>for (var i = 0; i &lt; 2; i++)</c>): a fixed number of database calls, not one per row of data.
    /// </summary>
    public static bool RunsFewTimes(Iteration iteration, System.Threading.CancellationToken cancellationToken) =>
        iteration.Loop is { SemanticModel: { } model } loop && LoopContext.HasSmallConstantIterationCount(loop.Syntax, model, cancellationToken);

    /// <summary>True when the loop body, at its top level, always jumps out: it runs at most once.</summary>
    public static bool RunsAtMostOnce(ILoopOperation loop)
    {
        if (loop.Body?.Syntax is not BlockSyntax block)
        {
            return loop.Body?.Syntax is StatementSyntax single && IsExit(single, loop.Syntax);
        }

        foreach (var statement in block.Statements)
        {
            if (IsExit(statement, loop.Syntax))
            {
                // A continue before the exit would start another iteration.
                foreach (var descendant in block.DescendantNodes())
                {
                    if (descendant is ContinueStatementSyntax && TargetOf(descendant) == loop.Syntax)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private static bool IsExit(StatementSyntax statement, SyntaxNode loop) => statement switch
    {
        ReturnStatementSyntax or ThrowStatementSyntax => true,
        YieldStatementSyntax yield => yield.IsKind(SyntaxKind.YieldBreakStatement),
        BreakStatementSyntax => TargetOf(statement) == loop,
        _ => false,
    };

    /// <summary>The loop or switch a break/continue belongs to.</summary>
    private static SyntaxNode? TargetOf(SyntaxNode jump)
    {
        var isContinue = jump is ContinueStatementSyntax;
        for (var node = jump.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case SwitchStatementSyntax when !isContinue:
                case ForStatementSyntax or ForEachStatementSyntax or ForEachVariableStatementSyntax or WhileStatementSyntax or DoStatementSyntax:
                    return node;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }
}
