using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// The EF Core, Dapper and ADO.NET symbols the N+1 rules need, resolved once per compilation. Any member may be null
/// when its library is not referenced; <see cref="Create"/> returns null when none of the three is.
/// </summary>
internal sealed class DataAccessTypes
{
    private DataAccessTypes(Compilation compilation)
    {
        DbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
        DbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
        EfQueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        RelationalQueryableExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        RelationalDatabaseFacadeExtensions = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        NavigationEntry = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.ChangeTracking.NavigationEntry");
        LazyLoader = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Infrastructure.ILazyLoader");
        SqlMapper = compilation.GetTypeByMetadataName("Dapper.SqlMapper");
        DbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
        IDbCommand = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
        Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
        Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
        AsyncEnumerable = compilation.GetTypeByMetadataName("System.Linq.AsyncEnumerable");
        IQueryable = compilation.GetTypeByMetadataName("System.Linq.IQueryable");
        List = compilation.GetTypeByMetadataName("System.Collections.Generic.List`1");
        Parallel = compilation.GetTypeByMetadataName("System.Threading.Tasks.Parallel");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        Thread = compilation.GetTypeByMetadataName("System.Threading.Thread");
        PeriodicTimer = compilation.GetTypeByMetadataName("System.Threading.PeriodicTimer");
        CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
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
    public INamedTypeSymbol? IQueryable { get; }
    public INamedTypeSymbol? List { get; }
    public INamedTypeSymbol? Parallel { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? PeriodicTimer { get; }
    public INamedTypeSymbol? CancellationToken { get; }

    public bool HasEntityFramework => DbContext is not null && DbSet is not null;

    /// <summary>The data-access symbols of <paramref name="compilation"/>, or null when it uses none of EF Core, Dapper and ADO.NET.</summary>
    public static DataAccessTypes? Create(Compilation compilation)
    {
        // A compilation without System.Data.Common, EF Core or Dapper cannot run a query: skip all symbol work.
        if (compilation.GetTypeByMetadataName("System.Data.IDbCommand") is null
            && compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext") is null
            && compilation.GetTypeByMetadataName("Dapper.SqlMapper") is null)
        {
            return null;
        }

        return new DataAccessTypes(compilation);
    }

    public bool IsDbContext(ITypeSymbol? type) => DbContext is not null && InheritsFrom(type, DbContext);

    /// <summary>True for <c>DbSet&lt;T&gt;</c> and types derived from it.</summary>
    public bool IsDbSet(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, DbSet))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the type is, derives from or implements <c>DbCommand</c>/<c>IDbCommand</c>.</summary>
    public bool IsCommand(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (DbCommand is not null && InheritsFrom(type, DbCommand))
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

    public static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
