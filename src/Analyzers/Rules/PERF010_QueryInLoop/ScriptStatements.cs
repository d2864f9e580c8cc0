using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// Answers "does each iteration run a different SQL statement taken from the item": a migration or seed runner
/// (<c>foreach (var script in scripts) await conn.ExecuteAsync(script);</c>, <c>conn.Execute(File.ReadAllText(file))</c>,
/// <c>cmd.CommandText = statement.Sql; cmd.ExecuteNonQuery();</c>). That is a list of statements, not one query
/// repeated per key, so there is nothing to gather into a single round trip.
/// </summary>
internal static class ScriptStatements
{
    public static bool RunsStatementOfItem(IInvocationOperation call, Iteration iteration, DataAccessTypes types)
    {
        var method = call.TargetMethod;
        if (types.SqlMapper is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.SqlMapper))
        {
            return ArgumentNamed(call, "sql") is { } sql && IsTakenFromItem(sql, iteration, depth: 1);
        }

        if (types.RelationalDatabaseFacadeExtensions is not null
            && method.Name.StartsWith("ExecuteSqlRaw", System.StringComparison.Ordinal)
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.RelationalDatabaseFacadeExtensions))
        {
            return ArgumentNamed(call, "sql") is { } sql && IsTakenFromItem(sql, iteration, depth: 1);
        }

        // ADO.NET: the command's text is set from the item inside the same iteration.
        if (call.Instance is not null && iteration.Body is { } body && types.IsCommand(call.Instance.Type))
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "CommandText" } } assignment
                    && IsTakenFromItem(assignment.Value, iteration, depth: 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IOperation? ArgumentNamed(IInvocationOperation call, string name)
    {
        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter?.Name == name)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The item itself, a member or method of it (<c>migration.Sql</c>, <c>script.GetText()</c>), a <c>System.IO</c> read
    /// of it (<c>File.ReadAllText(file)</c>, awaited or not), or a local set from one of those. A template with the
    /// item spliced in (<c>$"… where id = {id}"</c>, <c>string.Format</c>, <c>BuildSql(id)</c>) is one query per key,
    /// and does not count.
    /// </summary>
    private static bool IsTakenFromItem(IOperation value, Iteration iteration, int depth)
    {
        value = OperationValues.WithoutConversions(value);
        if (value is IAwaitOperation awaited)
        {
            value = OperationValues.WithoutConversions(awaited.Operation);
        }

        switch (value)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation:
                return IsItem(value, iteration)
                    || (depth > 0 && value is ILocalReferenceOperation local && InitializerOf(local, iteration) is { } initializer
                        && IsTakenFromItem(initializer, iteration, depth - 1));
            case IPropertyReferenceOperation { Instance: { } instance }:
                return IsItem(OperationValues.WithoutConversions(instance), iteration);
            case IFieldReferenceOperation { Instance: { } instance }:
                return IsItem(OperationValues.WithoutConversions(instance), iteration);
            case IInvocationOperation { Instance: { } receiver }:
                return IsItem(OperationValues.WithoutConversions(receiver), iteration);
            case IInvocationOperation invocation when IsFileRead(invocation.TargetMethod):
                foreach (var argument in invocation.Arguments)
                {
                    if (IsItem(OperationValues.WithoutConversions(argument.Value), iteration))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsFileRead(IMethodSymbol method) =>
        SymbolRelations.IsInNamespace(method.ContainingType, "System.IO");

    /// <summary>The foreach variable or the per-element lambda's parameter.</summary>
    private static bool IsItem(IOperation operation, Iteration iteration)
    {
        switch (operation)
        {
            case ILocalReferenceOperation local when iteration.Loop is IForEachLoopOperation loop:
                foreach (var item in loop.Locals)
                {
                    if (SymbolEqualityComparer.Default.Equals(item, local.Local))
                    {
                        return true;
                    }
                }

                return false;
            case IParameterReferenceOperation parameter when iteration.Lambda is { } lambda:
                return SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, lambda.Symbol);
            default:
                return false;
        }
    }

    private static IOperation? InitializerOf(ILocalReferenceOperation local, Iteration iteration)
    {
        if (iteration.Body is not { } body)
        {
            return null;
        }

        foreach (var operation in body.Descendants())
        {
            if (operation is IVariableDeclaratorOperation declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
            {
                return declarator.Initializer?.Value;
            }
        }

        return null;
    }
}
