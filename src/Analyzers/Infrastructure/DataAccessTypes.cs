using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// The EF Core, Dapper and ADO.NET symbols the N+1 rules need, resolved once per compilation. Any member may be null
/// when its library is not referenced; <see cref="Create"/> returns null when none of the three is.
/// </summary>
internal sealed class DataAccessTypes
{
    private DataAccessTypes(WellKnownTypeProvider types)
    {
        DbContext = types.Get("Microsoft.EntityFrameworkCore.DbContext");
        DbSet = types.Get("Microsoft.EntityFrameworkCore.DbSet`1");
        EfQueryableExtensions = types.Get("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        RelationalQueryableExtensions = types.Get("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        RelationalDatabaseFacadeExtensions = types.Get("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        NavigationEntry = types.Get("Microsoft.EntityFrameworkCore.ChangeTracking.NavigationEntry");
        LazyLoader = types.Get("Microsoft.EntityFrameworkCore.Infrastructure.ILazyLoader");
        SqlMapper = types.Get("Dapper.SqlMapper");
        DbCommand = types.Get("System.Data.Common.DbCommand");
        IDbCommand = types.Get("System.Data.IDbCommand");
        Queryable = types.Get("System.Linq.Queryable");
        Enumerable = types.Get("System.Linq.Enumerable");
        AsyncEnumerable = types.Get("System.Linq.AsyncEnumerable");
        // .NET 10 and the System.Linq.Async package both define it; a project may see both.
        AsyncEnumerableDefinitions = types.GetAll("System.Linq.AsyncEnumerable");
        IQueryable = types.Get("System.Linq.IQueryable");
        List = types.Get("System.Collections.Generic.List`1");
        Parallel = types.Get("System.Threading.Tasks.Parallel");
        Task = types.Get("System.Threading.Tasks.Task");
        Thread = types.Get("System.Threading.Thread");
        PeriodicTimer = types.Get("System.Threading.PeriodicTimer");
        CancellationToken = types.Get("System.Threading.CancellationToken");
        CancellationTokenSource = types.Get("System.Threading.CancellationTokenSource");
        ChannelReader = types.Get("System.Threading.Channels.ChannelReader`1");
        BlockingCollection = types.Get("System.Collections.Concurrent.BlockingCollection`1");
        // MoreLINQ's Batch: the batching operator of the most used LINQ extension library.
        MoreEnumerable = types.Get("MoreLinq.MoreEnumerable");
    }

    public INamedTypeSymbol? DbContext { get; }
    public INamedTypeSymbol? DbSet { get; }
    public INamedTypeSymbol? EfQueryableExtensions { get; }
    public INamedTypeSymbol? RelationalQueryableExtensions { get; }
    public INamedTypeSymbol? RelationalDatabaseFacadeExtensions { get; }
    public INamedTypeSymbol? NavigationEntry { get; }
    public INamedTypeSymbol? LazyLoader { get; }
    public INamedTypeSymbol? SqlMapper { get; }
    public INamedTypeSymbol? DbCommand { get; }
    public INamedTypeSymbol? IDbCommand { get; }
    public INamedTypeSymbol? Queryable { get; }
    public INamedTypeSymbol? Enumerable { get; }
    public INamedTypeSymbol? AsyncEnumerable { get; }
    public ImmutableArray<INamedTypeSymbol> AsyncEnumerableDefinitions { get; }
    public INamedTypeSymbol? IQueryable { get; }
    public INamedTypeSymbol? List { get; }
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? PeriodicTimer { get; }
    public INamedTypeSymbol? CancellationToken { get; }
    public INamedTypeSymbol? CancellationTokenSource { get; }
    public INamedTypeSymbol? ChannelReader { get; }
    public INamedTypeSymbol? BlockingCollection { get; }
    public INamedTypeSymbol? MoreEnumerable { get; }

    public bool HasEntityFramework => DbContext is not null && DbSet is not null;

    /// <summary>
    /// The data-access symbols of <paramref name="compilation"/>, or null when it uses none of EF Core, Dapper and
    /// ADO.NET. Built once per compilation and shared by every rule that asks (PERF010, PERF011, PERF012…).
    /// </summary>
    public static DataAccessTypes? Create(Compilation compilation) =>
        WellKnownTypeProvider.GetOrCreate(compilation).GetOrCreateTable(Build);

    private static DataAccessTypes? Build(WellKnownTypeProvider types)
    {
        // A compilation without System.Data.Common, EF Core or Dapper cannot run a query: skip all symbol work.
        if (types.Get("System.Data.IDbCommand") is null
            && types.Get("Microsoft.EntityFrameworkCore.DbContext") is null
            && types.Get("Dapper.SqlMapper") is null)
        {
            return null;
        }

        return new DataAccessTypes(types);
    }

    /// <summary>True for any visible definition of <c>System.Linq.AsyncEnumerable</c>.</summary>
    public bool IsAsyncEnumerable(ITypeSymbol? type)
    {
        foreach (var definition in AsyncEnumerableDefinitions)
        {
            if (SymbolEqualityComparer.Default.Equals(type, definition))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsDbContext(ITypeSymbol? type) => SymbolRelations.InheritsFrom(type, DbContext);

    /// <summary>True for <c>DbSet&lt;T&gt;</c> and types derived from it.</summary>
    public bool IsDbSet(ITypeSymbol? type) => SymbolRelations.InheritsFrom(type, DbSet);

    /// <summary>True when the type is, derives from or implements <c>DbCommand</c>/<c>IDbCommand</c>.</summary>
    public bool IsCommand(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (SymbolRelations.InheritsFrom(type, DbCommand))
        {
            return true;
        }

        return TypeHierarchy.IsOrImplements(type, IDbCommand);
    }

    /// <summary>True for extension methods that compose or execute an EF query: Queryable and EF Core's own.</summary>
    public bool IsQueryOperator(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return SymbolEqualityComparer.Default.Equals(type, Queryable)
            || SymbolEqualityComparer.Default.Equals(type, EfQueryableExtensions)
            || SymbolEqualityComparer.Default.Equals(type, RelationalQueryableExtensions);
    }
}
