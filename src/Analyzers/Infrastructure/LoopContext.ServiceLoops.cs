using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// Loops whose iterations are spread over time or over arriving work rather than over data. Two meanings, kept apart
/// because the rules need them apart: a <em>service loop</em> (PERF020, PERF021) does not multiply the loops inside it;
/// a <em>work loop</em> (PERF010, PERF012) does one unit of work per iteration by design, so one query or save each is
/// not an N+1.
/// </summary>
internal static partial class LoopContext
{
    private static readonly SyntaxFactCache<bool> PollingLoops = new();

    /// <summary>
    /// True for a hosted-service style loop that runs until cancelled or ticks on a timer:
    /// <c>while (!token.IsCancellationRequested)</c>, <c>while (await timer.WaitForNextTickAsync(token))</c>, or
    /// <c>while (true)</c> / <c>for (;;)</c> around an <c>await Task.Delay(…)</c>, or an interactive <c>while (true)</c>
    /// whose every iteration waits for the user (<c>switch (Console.ReadKey(true).Key)</c>). Its iterations are spread
    /// over time, not over data, so it does not multiply the work of the loops inside it.
    /// </summary>
    public static bool IsServiceLoop(SyntaxNode loop, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        ExpressionSyntax? condition;
        StatementSyntax body;
        switch (loop)
        {
            case WhileStatementSyntax whileLoop:
                (condition, body) = (whileLoop.Condition, whileLoop.Statement);
                break;
            case DoStatementSyntax doLoop:
                (condition, body) = (doLoop.Condition, doLoop.Statement);
                break;
            case ForStatementSyntax { Declaration: null, Initializers.Count: 0, Incrementors.Count: 0 } forLoop:
                (condition, body) = (forLoop.Condition, forLoop.Statement);
                break;
            default:
                return false;
        }

        if (condition is null || condition.IsKind(SyntaxKind.TrueLiteralExpression))
        {
            if (WaitsForTheUserEveryIteration(body, model, cancellationToken))
            {
                return true;
            }

            foreach (var node in body.DescendantNodes(n => !IsFunctionBoundary(n)))
            {
                if (node is AwaitExpressionSyntax { Expression: InvocationExpressionSyntax invocation }
                    && IsWellKnownWait(invocation, model, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var node in condition.DescendantNodesAndSelf(n => !IsFunctionBoundary(n)))
        {
            switch (node)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsCancellationRequested" } access
                    when model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol { ContainingType: { Name: "CancellationToken" or "CancellationTokenSource" } owner }
                         && SymbolRelations.IsInNamespace(owner, "System.Threading"):
                    return true;
                // while (Console.KeyAvailable) Console.ReadKey(true): drains the keys pressed since the last frame.
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "KeyAvailable" } keys
                    when model.GetSymbolInfo(keys, cancellationToken).Symbol is IPropertySymbol { IsStatic: true, ContainingType: { Name: "Console", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }:
                    return true;
                case InvocationExpressionSyntax invocation when IsWellKnownWait(invocation, model, cancellationToken):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when a statement the body runs on every iteration (one directly in it, or the head of a <c>switch</c> or
    /// <c>if</c> directly in it) reads the console: one iteration per key press or line typed. A read guarded by
    /// <c>Console.KeyAvailable</c> or in a branch does not wait, and the loop stays a level.
    /// </summary>
    private static bool WaitsForTheUserEveryIteration(StatementSyntax body, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var statement in body is BlockSyntax block ? block.Statements : SyntaxFactory.SingletonList(body))
        {
            SyntaxNode? evaluatedEveryIteration = statement switch
            {
                ExpressionStatementSyntax expression => expression.Expression,
                LocalDeclarationStatementSyntax declaration => declaration.Declaration,
                SwitchStatementSyntax @switch => @switch.Expression,
                IfStatementSyntax @if => @if.Condition,
                _ => null,
            };
            if (evaluatedEveryIteration is null)
            {
                continue;
            }

            foreach (var node in evaluatedEveryIteration.DescendantNodesAndSelf(n => !IsFunctionBoundary(n)))
            {
                if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ReadKey" or "ReadLine" or "Read" } } read
                    && model.GetSymbolInfo(read, cancellationToken).Symbol is IMethodSymbol { IsStatic: true, ContainingType: var owner }
                    && SymbolRelations.IsType(owner, "System", "Console"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>Task.Delay(…)</c> or <c>PeriodicTimer.WaitForNextTickAsync(…)</c>.</summary>
    private static bool IsWellKnownWait(InvocationExpressionSyntax invocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is not ("Delay" or "WaitForNextTickAsync"))
        {
            return false;
        }

        return model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingType: var type }
            && (SymbolRelations.IsType(type, "System.Threading.Tasks", "Task") || SymbolRelations.IsType(type, "System.Threading", "PeriodicTimer"));
    }

    /// <summary>
    /// A loop that polls, pages or consumes a stream of work: each iteration is one unit of work by design, so a query
    /// per iteration is not an N+1. Recognised by a delay or timer wait, a cancellation-driven condition, a paged query
    /// (Skip/Take), a foreach over chunks or over a channel / blocking-collection consumer.
    /// </summary>
    public static bool IsWorkLoop(ILoopOperation loop, EfQueryChain? chain, DataAccessTypes types)
    {
        if (loop is IForEachLoopOperation forEach)
        {
            return IsOverChunks(forEach, types) || IsOverWorkQueue(forEach, types);
        }

        if (chain is not null && (chain.HasOperator("Take") || chain.HasOperator("Skip")))
        {
            return true;
        }

        // Every call in the loop asks the same question of the same loop: answer it once per loop.
        return loop is IWhileLoopOperation && loop.SemanticModel is { } model
            && PollingLoops.GetOrAdd(model.Compilation, loop.Syntax, static (_, state) => IsPollingLoop(state.Loop, state.Types), (Loop: loop, Types: types));
    }

    /// <summary>
    /// A while loop driven by cancellation or arriving work (<c>!ct.IsCancellationRequested</c>,
    /// <c>await timer.WaitForNextTickAsync()</c>, <c>await reader.WaitToReadAsync()</c>), or one that waits between
    /// iterations (<c>Task.Delay</c>, <c>Thread.Sleep</c>, <c>PeriodicTimer.WaitForNextTickAsync</c>).
    /// </summary>
    private static bool IsPollingLoop(ILoopOperation loop, DataAccessTypes types)
    {
        if (loop is IWhileLoopOperation { Condition: { } condition })
        {
            foreach (var node in condition.DescendantsAndSelf())
            {
                switch (node)
                {
                    case IPropertyReferenceOperation { Property: { Name: "IsCancellationRequested", ContainingType: var owner } }
                        when SymbolEqualityComparer.Default.Equals(owner, types.CancellationToken) || SymbolEqualityComparer.Default.Equals(owner, types.CancellationTokenSource):
                    case IInvocationOperation { TargetMethod: { Name: "WaitForNextTickAsync", ContainingType: var timer } }
                        when SymbolEqualityComparer.Default.Equals(timer, types.PeriodicTimer):
                    case IInvocationOperation { TargetMethod: { Name: "WaitToReadAsync", ContainingType: var reader } }
                        when SymbolEqualityComparer.Default.Equals(reader.OriginalDefinition, types.ChannelReader):
                        return true;
                }
            }
        }

        foreach (var node in loop.Descendants())
        {
            if (node is IInvocationOperation { TargetMethod: { Name: "Delay" or "Sleep" or "WaitForNextTickAsync", ContainingType: var owner } }
                && (SymbolEqualityComparer.Default.Equals(owner, types.Task)
                    || SymbolEqualityComparer.Default.Equals(owner, types.Thread)
                    || SymbolEqualityComparer.Default.Equals(owner, types.PeriodicTimer)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A foreach over chunks of the items (<c>ids.Chunk(500)</c>, MoreLINQ's <c>Batch(500)</c>): one round trip per
    /// chunk is the batched form of the work, not an N+1. A method of your own named Chunk or Batch is not one.
    /// </summary>
    public static bool IsOverChunks(IForEachLoopOperation loop, DataAccessTypes types) =>
        OperationValues.WithoutConversions(loop.Collection) is IInvocationOperation { TargetMethod: var method }
        && (method.Name == "Chunk" && (SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Enumerable) || SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Queryable))
            || method.Name == "Batch" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.MoreEnumerable));

    /// <summary>
    /// A while/do/for loop whose body reads one page of an EF query (<c>Skip</c>/<c>Take</c>): keyset or offset paging
    /// that processes and saves each page before reading the next.
    /// </summary>
    public static bool ReadsPages(ILoopOperation loop, DataAccessTypes types)
    {
        if (loop is IForEachLoopOperation || loop.Body is null || types.Queryable is null)
        {
            return false;
        }

        foreach (var operation in loop.Body.Descendants())
        {
            if (operation is IInvocationOperation { TargetMethod: { Name: "Take" or "Skip" } method }
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Queryable))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A consumer loop over a queue (<c>await foreach (var m in channel.Reader.ReadAllAsync(ct))</c>,
    /// <c>foreach (var m in queue.GetConsumingEnumerable())</c>): items arrive over time, one unit of work each, and
    /// cannot be gathered into one query before the loop.
    /// </summary>
    public static bool IsOverWorkQueue(IForEachLoopOperation loop, DataAccessTypes types)
    {
        var collection = OperationValues.WithoutConversions(loop.Collection);
        // `.WithCancellation(ct)` / `.ConfigureAwait(false)` wrap the stream without changing where its items come from.
        while (collection is IInvocationOperation { TargetMethod.Name: "WithCancellation" or "ConfigureAwait" } wrapper
               && (wrapper.Instance ?? (wrapper.Arguments.Length > 0 ? wrapper.Arguments[0].Value : null)) is { } source)
        {
            collection = OperationValues.WithoutConversions(source);
        }

        return collection is IInvocationOperation { TargetMethod: { Name: "ReadAllAsync" or "GetConsumingEnumerable", ContainingType: { } owner } }
            && (SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, types.ChannelReader)
                || SymbolEqualityComparer.Default.Equals(owner.OriginalDefinition, types.BlockingCollection));
    }
}
