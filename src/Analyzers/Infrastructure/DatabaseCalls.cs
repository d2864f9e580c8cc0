using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Which calls make a database round trip (EF Core, Dapper, ADO.NET).</summary>
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

        if (name is "Load" or "LoadAsync" && SymbolRelations.InheritsFrom(containing, types.NavigationEntry))
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
}
