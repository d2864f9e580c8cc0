using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// An EF Core query expression read back to its root: the <c>DbSet&lt;T&gt;</c> (or <c>Set&lt;T&gt;()</c>,
/// <c>Entry(x).Collection(..).Query()</c>, <c>Database.SqlQuery</c>) it starts from, and the operator calls applied to
/// it, innermost first. Locals are followed to their initializer, so <c>var q = db.Orders.Where(..); q.ToList()</c> is
/// one chain.
/// </summary>
internal sealed class EfQueryChain
{
    private const int MaxLocalHops = 4;

    private EfQueryChain(IOperation root, List<IInvocationOperation> operators, ILocalSymbol? viaLocal)
    {
        Root = root;
        Operators = operators;
        ViaLocal = viaLocal;
    }

    /// <summary>The expression the query starts from (<c>db.Orders</c>, <c>db.Set&lt;Order&gt;()</c>, …).</summary>
    public IOperation Root { get; }

    /// <summary>The operator calls applied to <see cref="Root"/>, innermost (first applied) first.</summary>
    public List<IInvocationOperation> Operators { get; }

    /// <summary>The first local the chain was followed through, if any.</summary>
    public ILocalSymbol? ViaLocal { get; }

    public bool HasOperator(string name)
    {
        foreach (var call in Operators)
        {
            if (call.TargetMethod.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The query chain <paramref name="expression"/> is built from, or null when it is not provably an EF Core query.</summary>
    public static EfQueryChain? From(IOperation expression, DataAccessTypes types)
    {
        if (!types.HasEntityFramework)
        {
            return null;
        }

        var operators = new List<IInvocationOperation>();
        ILocalSymbol? viaLocal = null;
        var hops = 0;
        var current = OperationValues.WithoutConversions(expression);
        while (true)
        {
            if (types.IsDbSet(current.Type))
            {
                if (current is ILocalReferenceOperation && hops < MaxLocalHops && OperationValues.InitializerOf(current) is { } setInitializer)
                {
                    viaLocal ??= ((ILocalReferenceOperation)current).Local;
                    hops++;
                    current = OperationValues.WithoutConversions(setInitializer);
                    continue;
                }

                operators.Reverse();
                return new EfQueryChain(current, operators, viaLocal);
            }

            switch (current)
            {
                case IInvocationOperation invocation:
                    if (IsRoot(invocation, types))
                    {
                        operators.Reverse();
                        return new EfQueryChain(current, operators, viaLocal);
                    }

                    // DbSet<T>'s own AsAsyncEnumerable()/AsQueryable(): still the set's query.
                    if (invocation.TargetMethod.Name is "AsAsyncEnumerable" or "AsQueryable" && invocation.Instance is { } set && types.IsDbSet(set.Type))
                    {
                        current = OperationValues.WithoutConversions(set);
                        continue;
                    }

                    if (!IsPassThrough(invocation, types) || invocation.Arguments.Length == 0)
                    {
                        return null;
                    }

                    operators.Add(invocation);
                    current = OperationValues.WithoutConversions(invocation.Arguments[0].Value);
                    continue;
                case ILocalReferenceOperation local when hops < MaxLocalHops && TypeHierarchy.IsOrImplements(local.Type, types.IQueryable):
                    if (OperationValues.InitializerOf(local) is not { } initializer)
                    {
                        return null;
                    }

                    viaLocal ??= local.Local;
                    hops++;
                    current = OperationValues.WithoutConversions(initializer);
                    continue;
                case IPropertyReferenceOperation property when types.IsDbContext(property.Instance?.Type) && TypeHierarchy.IsOrImplements(property.Type, types.IQueryable):
                    // A context member that hands out a query (`db.ActiveOrders`).
                    operators.Reverse();
                    return new EfQueryChain(current, operators, viaLocal);
                default:
                    return null;
            }
        }
    }

    private static bool IsRoot(IInvocationOperation invocation, DataAccessTypes types)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "Query" when SymbolRelations.InheritsFrom(method.ContainingType, types.NavigationEntry):
                return true;
            case "SqlQuery" or "SqlQueryRaw" when SymbolEqualityComparer.Default.Equals(method.ContainingType, types.RelationalDatabaseFacadeExtensions):
                return true;
        }

        // A context method that hands out a query (`db.OrdersFor(customerId)`).
        return types.IsDbContext(invocation.Instance?.Type) && TypeHierarchy.IsOrImplements(method.ReturnType, types.IQueryable);
    }

    /// <summary>Query operators (Where, Include, FromSql, …) and the Enumerable adapters that keep the query deferred.</summary>
    private static bool IsPassThrough(IInvocationOperation invocation, DataAccessTypes types)
    {
        var method = invocation.TargetMethod;
        if (!method.IsExtensionMethod && !method.IsStatic)
        {
            return false;
        }

        if (types.IsQueryOperator(method))
        {
            return method.Name is not "ToListAsync" and not "ToArrayAsync";
        }

        return method.Name is "AsEnumerable" or "AsQueryable"
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Enumerable)
            || method.Name == "AsQueryable" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Queryable);
    }
}
