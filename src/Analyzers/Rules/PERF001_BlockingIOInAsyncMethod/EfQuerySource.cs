using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Recognises an <c>IQueryable</c> that EF Core executes: a chain of query operators rooted in a <c>DbSet</c>, a
/// <c>DbContext</c> member or an EF Core query operator (<c>Include</c>, <c>AsNoTracking</c>, <c>FromSql</c>…).
/// An <c>IQueryable</c> of unknown origin (a parameter, <c>list.AsQueryable()</c>) is not assumed to be EF Core: its
/// provider may not support the async operators.
/// </summary>
internal sealed class EfQuerySource
{
    private const int MaxSteps = 24;

    private readonly INamedTypeSymbol _dbContext;
    private readonly INamedTypeSymbol _dbSet;
    private readonly INamedTypeSymbol _queryable;
    private readonly INamedTypeSymbol? _linqQueryable;
    private readonly INamedTypeSymbol? _efExtensions;

    private EfQuerySource(WellKnownTypeProvider types, INamedTypeSymbol dbContext, INamedTypeSymbol dbSet, INamedTypeSymbol queryable)
    {
        _dbContext = dbContext;
        _dbSet = dbSet;
        _queryable = queryable;
        _linqQueryable = types.Get("System.Linq.Queryable");
        _efExtensions = types.Get("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
    }

    public INamedTypeSymbol? EfExtensions => _efExtensions;

    /// <summary>Null when the compilation does not reference EF Core.</summary>
    public static EfQuerySource? Create(WellKnownTypeProvider types) =>
        types.Get("Microsoft.EntityFrameworkCore.DbContext") is { } dbContext
        && types.Get("Microsoft.EntityFrameworkCore.DbSet`1") is { } dbSet
        && types.Get("System.Linq.IQueryable") is { } queryable
            ? new EfQuerySource(types, dbContext, dbSet, queryable)
            : null;

    public bool IsQueryable(ITypeSymbol? type) => TypeHierarchy.IsOrImplements(type, _queryable);

    /// <summary>True when <paramref name="operation"/> is a query EF Core will execute.</summary>
    public bool IsEfQuery(IOperation? operation)
    {
        for (var step = 0; operation is not null && step < MaxSteps; step++)
        {
            operation = OperationValues.WithoutConversions(operation);
            if (SymbolRelations.InheritsFrom(operation.Type, _dbSet))
            {
                return true;
            }

            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    var type = method.ContainingType;
                    // EF Core's own operators and sources: Include, AsNoTracking, FromSqlRaw, Database.SqlQuery, Set<T>().
                    if (SymbolRelations.IsInNamespace(type, "Microsoft.EntityFrameworkCore") || SymbolRelations.InheritsFrom(type, _dbContext))
                    {
                        return true;
                    }

                    if (!SymbolEqualityComparer.Default.Equals(type, _linqQueryable) || invocation.Arguments.Length == 0)
                    {
                        return false;
                    }

                    operation = invocation.Arguments[0].Value;
                    break;
                case IPropertyReferenceOperation property:
                    return SymbolRelations.InheritsFrom(property.Property.ContainingType, _dbContext) && IsQueryable(property.Type);
                case ILocalReferenceOperation local:
                    operation = OperationValues.InitializerOf(local);
                    break;
                default:
                    return false;
            }
        }

        return false;
    }
}
