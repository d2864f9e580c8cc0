using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Which calls make a database round trip, and the shapes of loops where one per iteration is intended.</summary>
internal static class DatabaseCalls
{
    /// <summary>
    /// Cheap first filter on a method name: could a call of this name run a query? Symbol checks follow only for these.
    /// </summary>
    public static bool IsCandidateName(string name)
    {
        if (name.Length < 3)
        {
            return false;
        }

        switch (name[0])
        {
            case 'T':
                return name is "ToList" or "ToListAsync" or "ToArray" or "ToArrayAsync" or "ToDictionary" or "ToDictionaryAsync"
                    or "ToHashSet" or "ToHashSetAsync" or "ToLookup";
            case 'F':
                return name is "First" or "FirstAsync" or "FirstOrDefault" or "FirstOrDefaultAsync" or "Find" or "FindAsync" or "ForEachAsync";
            case 'S':
                return name is "Single" or "SingleAsync" or "SingleOrDefault" or "SingleOrDefaultAsync" or "Sum" or "SumAsync";
            case 'L':
                return name is "Last" or "LastAsync" or "LastOrDefault" or "LastOrDefaultAsync" or "LongCount" or "LongCountAsync" or "Load" or "LoadAsync";
            case 'C':
                return name is "Count" or "CountAsync" or "Contains" or "ContainsAsync";
            case 'A':
                return name is "Any" or "AnyAsync" or "All" or "AllAsync" or "Average" or "AverageAsync";
            case 'M':
                return name is "Min" or "MinAsync" or "Max" or "MaxAsync";
            case 'E':
                return name.StartsWith("Execute", System.StringComparison.Ordinal) || name is "ElementAt" or "ElementAtOrDefault" or "ElementAtAsync" or "ElementAtOrDefaultAsync";
            case 'Q':
                return name.StartsWith("Query", System.StringComparison.Ordinal);
            default:
                return false;
        }
    }

    /// <summary>
    /// When <paramref name="invocation"/> runs a query (EF Core, Dapper or ADO.NET), the EF chain it executes (null for
    /// Dapper and ADO.NET) and true; false for anything else.
    /// </summary>
    public static bool IsQueryExecution(IInvocationOperation invocation, DataAccessTypes types, out EfQueryChain? chain)
    {
        chain = null;
        var method = invocation.TargetMethod;
        var name = method.Name;
        var containing = method.ContainingType;

        if (types.SqlMapper is not null && SymbolEqualityComparer.Default.Equals(containing, types.SqlMapper))
        {
            return name.StartsWith("Query", System.StringComparison.Ordinal) || name.StartsWith("Execute", System.StringComparison.Ordinal);
        }

        if (name is "ExecuteReader" or "ExecuteReaderAsync" or "ExecuteScalar" or "ExecuteScalarAsync" or "ExecuteNonQuery" or "ExecuteNonQueryAsync"
            && !method.IsStatic)
        {
            if (types.IsCommand(containing) || types.IsCommand(invocation.Instance?.Type))
            {
                return true;
            }
        }

        if (!types.HasEntityFramework)
        {
            return false;
        }

        if (name is "Find" or "FindAsync" && !method.IsStatic)
        {
            return types.IsDbSet(containing) || types.IsDbContext(containing);
        }

        if (name is "Load" or "LoadAsync" && types.NavigationEntry is not null && DataAccessTypes.InheritsFrom(containing, types.NavigationEntry))
        {
            return true;
        }

        if (name.StartsWith("ExecuteSql", System.StringComparison.Ordinal)
            && SymbolEqualityComparer.Default.Equals(containing, types.RelationalDatabaseFacadeExtensions))
        {
            return true;
        }

        // Operators that execute the query they are applied to: Queryable/EF aggregates and the Enumerable materialisers.
        if (!method.IsExtensionMethod || invocation.Arguments.Length == 0)
        {
            return false;
        }

        if (!types.IsQueryOperator(method)
            && !(SymbolEqualityComparer.Default.Equals(containing, types.Enumerable) && name is "ToList" or "ToArray" or "ToDictionary" or "ToHashSet" or "ToLookup"))
        {
            return false;
        }

        if (name.StartsWith("Execute", System.StringComparison.Ordinal) && name is not ("ExecuteUpdate" or "ExecuteUpdateAsync" or "ExecuteDelete" or "ExecuteDeleteAsync"))
        {
            return false;
        }

        chain = EfQueryChain.From(invocation.Arguments[0].Value, types);
        return chain is not null;
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
            return IsOverChunks(forEach) || IsOverWorkQueue(forEach);
        }

        if (chain is not null && (chain.HasOperator("Take") || chain.HasOperator("Skip")))
        {
            return true;
        }

        if (loop is not IWhileLoopOperation while_)
        {
            return false;
        }

        if (while_.Condition is { } condition)
        {
            foreach (var node in condition.Syntax.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax { Identifier.ValueText: "IsCancellationRequested" or "WaitForNextTickAsync" or "WaitToReadAsync" })
                {
                    return true;
                }
            }
        }

        foreach (var node in loop.Syntax.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Delay" or "Sleep" or "WaitForNextTickAsync" } access }
                && loop.SemanticModel?.GetSymbolInfo(access).Symbol is IMethodSymbol { ContainingType: var owner }
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
    /// A foreach over chunks of the items (<c>ids.Chunk(500)</c>, <c>Batch(500)</c>): one round trip per chunk is the
    /// batched form of the work, not an N+1.
    /// </summary>
    public static bool IsOverChunks(IForEachLoopOperation loop) =>
        OperationValues.WithoutConversions(loop.Collection) is IInvocationOperation { TargetMethod.Name: "Chunk" or "Batch" };

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
    public static bool IsOverWorkQueue(IForEachLoopOperation loop)
    {
        var collection = OperationValues.WithoutConversions(loop.Collection);
        // `.WithCancellation(ct)` / `.ConfigureAwait(false)` wrap the stream without changing where its items come from.
        while (collection is IInvocationOperation { TargetMethod.Name: "WithCancellation" or "ConfigureAwait" } wrapper
               && (wrapper.Instance ?? (wrapper.Arguments.Length > 0 ? wrapper.Arguments[0].Value : null)) is { } source)
        {
            collection = OperationValues.WithoutConversions(source);
        }

        return collection is IInvocationOperation { TargetMethod: { Name: "ReadAllAsync" or "GetConsumingEnumerable", ContainingType: { } owner } }
            && owner.Name is "ChannelReader" or "BlockingCollection"
            && owner.ContainingNamespace is { Name: "Channels" or "Concurrent" } ns
            && ns.ContainingNamespace is { Name: "Threading" or "Collections" } parent
            && parent.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
    }

    /// <summary>
    /// True when an <c>if</c> between the call and the iteration's body makes it a batch step: a modulo
    /// (<c>i % 100 == 0</c>) or a comparison with a count, length or counter the loop increments
    /// (<c>pending.Count &gt;= 500</c>, <c>++n == batchSize</c>).
    /// </summary>
    public static bool IsBatchGuarded(IOperation operation, Iteration iteration)
    {
        var body = iteration.Body?.Syntax;
        if (body is null)
        {
            return false;
        }

        for (var node = operation.Syntax.Parent; node is not null && node != body; node = node.Parent)
        {
            if (node is IfStatementSyntax { Condition: var condition } && IsBatchCondition(condition, iteration))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsBatchCondition(ExpressionSyntax condition, Iteration iteration)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.ModuloExpression }:
                    return true;
                case BinaryExpressionSyntax binary when IsComparison(binary):
                    if (IsBatchSize(binary.Left, binary.Right, iteration) || IsBatchSize(binary.Right, binary.Left, iteration))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>buffer.Count &gt;= 100</c> or <c>pending == batchSize</c>: a count or counter compared with a threshold.
    /// Not an emptiness test (<c>x.Count == 0</c>) nor a count of the current item's own data (<c>order.Lines.Count &gt; 5</c>).
    /// </summary>
    private static bool IsBatchSize(ExpressionSyntax side, ExpressionSyntax other, Iteration iteration)
    {
        if (Strip(other) is LiteralExpressionSyntax { Token.Value: 0 or 1 })
        {
            return false;
        }

        if (IsIncrementedCounter(side, iteration))
        {
            return true;
        }

        return IsCountLike(side) && !IsRootedAt(side, ElementName(iteration));
    }

    private static string? ElementName(Iteration iteration)
    {
        if (iteration.Loop is IForEachLoopOperation { Locals.Length: > 0 } loop)
        {
            return loop.Locals[0].Name;
        }

        return iteration.Lambda is { Symbol.Parameters.Length: > 0 } lambda ? lambda.Symbol.Parameters[0].Name : null;
    }

    private static bool IsRootedAt(ExpressionSyntax expression, string? name)
    {
        if (name is null)
        {
            return false;
        }

        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsComparison(BinaryExpressionSyntax binary) => binary.Kind() is
        Microsoft.CodeAnalysis.CSharp.SyntaxKind.EqualsExpression or Microsoft.CodeAnalysis.CSharp.SyntaxKind.GreaterThanOrEqualExpression
        or Microsoft.CodeAnalysis.CSharp.SyntaxKind.GreaterThanExpression or Microsoft.CodeAnalysis.CSharp.SyntaxKind.LessThanOrEqualExpression
        or Microsoft.CodeAnalysis.CSharp.SyntaxKind.LessThanExpression;

    private static bool IsCountLike(ExpressionSyntax expression)
    {
        expression = Strip(expression);
        return expression switch
        {
            MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" or "Length" or "LongLength" } => true,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" or "LongCount" } } => true,
            BinaryExpressionSyntax binary => IsCountLike(binary.Left) || IsCountLike(binary.Right),
            _ => false,
        };
    }

    /// <summary>A counter: <c>++n</c>, <c>n++</c>, or a plain variable that the iteration increments somewhere.</summary>
    private static bool IsIncrementedCounter(ExpressionSyntax expression, Iteration iteration)
    {
        expression = Strip(expression);
        if (expression is PrefixUnaryExpressionSyntax { OperatorToken.ValueText: "++" } or PostfixUnaryExpressionSyntax { OperatorToken.ValueText: "++" })
        {
            return true;
        }

        if (expression is not IdentifierNameSyntax { Identifier.ValueText: var name })
        {
            return false;
        }

        foreach (var node in iteration.Operation.Syntax.DescendantNodes())
        {
            switch (node)
            {
                case PrefixUnaryExpressionSyntax { OperatorToken.ValueText: "++", Operand: IdentifierNameSyntax operand } when operand.Identifier.ValueText == name:
                case PostfixUnaryExpressionSyntax { OperatorToken.ValueText: "++", Operand: IdentifierNameSyntax operand2 } when operand2.Identifier.ValueText == name:
                case AssignmentExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AddAssignmentExpression, Left: IdentifierNameSyntax left } when left.Identifier.ValueText == name:
                    return true;
            }
        }

        return false;
    }

    private static ExpressionSyntax Strip(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>A short rendering of a call for messages: <c>Orders.Where(...).ToListAsync()</c>, <c>connection.QueryAsync(...)</c>.</summary>
    public static string Render(SyntaxNode expression)
    {
        var builder = new StringBuilder();
        Append(builder, expression, depth: 0);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, SyntaxNode node, int depth)
    {
        switch (node)
        {
            case AwaitExpressionSyntax awaited:
                Append(builder, awaited.Expression, depth);
                return;
            case ParenthesizedExpressionSyntax parenthesized:
                Append(builder, parenthesized.Expression, depth);
                return;
            case InvocationExpressionSyntax invocation:
                Append(builder, invocation.Expression, depth + 1);
                builder.Append(invocation.ArgumentList.Arguments.Count == 0 ? "()" : "(...)");
                return;
            case MemberAccessExpressionSyntax access:
                // Drop `this`/`_context` style receivers of a DbSet, keep the rest of the chain.
                if (depth < 8 && access.Expression is InvocationExpressionSyntax or MemberAccessExpressionSyntax { Expression: InvocationExpressionSyntax or MemberAccessExpressionSyntax })
                {
                    Append(builder, access.Expression, depth + 1);
                    builder.Append('.');
                }
                else if (access.Expression is IdentifierNameSyntax or GenericNameSyntax)
                {
                    builder.Append(access.Expression.ToString()).Append('.');
                }
                else if (access.Expression is MemberAccessExpressionSyntax inner)
                {
                    builder.Append(inner.Name.ToString()).Append('.');
                }

                builder.Append(access.Name.Identifier.ValueText);
                if (access.Name is GenericNameSyntax generic)
                {
                    builder.Append(generic.TypeArgumentList.ToString());
                }

                return;
            default:
                builder.Append(node.ToString());
                return;
        }
    }
}
