using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// The EF Core, Dapper and ADO.NET symbols the N+1 rules need, resolved once per compilation. Any member may be null
/// when its library is not referenced; <see cref="Create"/> returns null when none of the three is.
/// </summary>
internal sealed class DataAccessTypes
{
    private readonly WellKnownTypeProvider _provider;
    // Every type is looked up when a rule first asks for it: a rule pays only for the types its candidates need, and
    // a lookup searches every reference (a tenth of a millisecond; several times that for a type the compilation lacks).
    private readonly LazyType _dbContext;
    private readonly LazyType _dbSet;
    private readonly LazyType _efQueryableExtensions;
    private readonly LazyType _relationalQueryableExtensions;
    private readonly LazyType _sqlMapper;
    private readonly LazyType _dbCommand;
    private readonly LazyType _iDbCommand;
    private readonly LazyType _queryable;
    private readonly LazyType _enumerable;
    private readonly LazyType _iQueryable;
    private readonly LazyType _list;
    private readonly LazyType _task;
    private readonly LazyType _cancellationToken;
    private readonly LazyType _relationalDatabaseFacadeExtensions;
    private readonly LazyType _navigationEntry;
    private readonly LazyType _lazyLoader;
    private readonly LazyType _asyncEnumerable;
    private readonly LazyType _parallel;
    private readonly LazyType _thread;
    private readonly LazyType _periodicTimer;
    private readonly LazyType _cancellationTokenSource;
    private readonly LazyType _channelReader;
    private readonly LazyType _blockingCollection;
    private readonly LazyType _moreEnumerable;
    private ImmutableArray<INamedTypeSymbol> _asyncEnumerableDefinitions;

    private DataAccessTypes(WellKnownTypeProvider types)
    {
        _provider = types;
        _dbContext = new LazyType(types, "Microsoft.EntityFrameworkCore.DbContext");
        _dbSet = new LazyType(types, "Microsoft.EntityFrameworkCore.DbSet`1");
        _efQueryableExtensions = new LazyType(types, "Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        _relationalQueryableExtensions = new LazyType(types, "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        _relationalDatabaseFacadeExtensions = new LazyType(types, "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        _navigationEntry = new LazyType(types, "Microsoft.EntityFrameworkCore.ChangeTracking.NavigationEntry");
        _lazyLoader = new LazyType(types, "Microsoft.EntityFrameworkCore.Infrastructure.ILazyLoader");
        _sqlMapper = new LazyType(types, "Dapper.SqlMapper");
        _dbCommand = new LazyType(types, "System.Data.Common.DbCommand");
        _iDbCommand = new LazyType(types, "System.Data.IDbCommand");
        _queryable = new LazyType(types, "System.Linq.Queryable");
        _enumerable = new LazyType(types, "System.Linq.Enumerable");
        _asyncEnumerable = new LazyType(types, "System.Linq.AsyncEnumerable");
        _iQueryable = new LazyType(types, "System.Linq.IQueryable");
        _list = new LazyType(types, "System.Collections.Generic.List`1");
        _parallel = new LazyType(types, "System.Threading.Tasks.Parallel");
        _task = new LazyType(types, "System.Threading.Tasks.Task");
        _thread = new LazyType(types, "System.Threading.Thread");
        _periodicTimer = new LazyType(types, "System.Threading.PeriodicTimer");
        _cancellationToken = new LazyType(types, "System.Threading.CancellationToken");
        _cancellationTokenSource = new LazyType(types, "System.Threading.CancellationTokenSource");
        _channelReader = new LazyType(types, "System.Threading.Channels.ChannelReader`1");
        _blockingCollection = new LazyType(types, "System.Collections.Concurrent.BlockingCollection`1");
        // MoreLINQ's Batch: the batching operator of the most used LINQ extension library.
        _moreEnumerable = new LazyType(types, "MoreLinq.MoreEnumerable");
    }

    public INamedTypeSymbol? DbContext => _dbContext.Value;
    public INamedTypeSymbol? DbSet => _dbSet.Value;
    public INamedTypeSymbol? EfQueryableExtensions => _efQueryableExtensions.Value;
    public INamedTypeSymbol? RelationalQueryableExtensions => _relationalQueryableExtensions.Value;
    public INamedTypeSymbol? RelationalDatabaseFacadeExtensions => _relationalDatabaseFacadeExtensions.Value;
    public INamedTypeSymbol? NavigationEntry => _navigationEntry.Value;
    public INamedTypeSymbol? LazyLoader => _lazyLoader.Value;
    public INamedTypeSymbol? SqlMapper => _sqlMapper.Value;
    public INamedTypeSymbol? DbCommand => _dbCommand.Value;
    public INamedTypeSymbol? IDbCommand => _iDbCommand.Value;
    public INamedTypeSymbol? Queryable => _queryable.Value;
    public INamedTypeSymbol? Enumerable => _enumerable.Value;
    public INamedTypeSymbol? AsyncEnumerable => _asyncEnumerable.Value;
    /// <summary>.NET 10 and the System.Linq.Async package both define it; a project may see both.</summary>
    public ImmutableArray<INamedTypeSymbol> AsyncEnumerableDefinitions
    {
        get
        {
            // Looked up on first use (rare: a lambda handed to a method that is not Enumerable's); racing callers store the same answer.
            if (_asyncEnumerableDefinitions.IsDefault)
            {
                _asyncEnumerableDefinitions = _provider.GetAll("System.Linq.AsyncEnumerable");
            }

            return _asyncEnumerableDefinitions;
        }
    }
    public INamedTypeSymbol? IQueryable => _iQueryable.Value;
    public INamedTypeSymbol? List => _list.Value;
    public INamedTypeSymbol? Parallel => _parallel.Value;
    public INamedTypeSymbol? Task => _task.Value;
    public INamedTypeSymbol? Thread => _thread.Value;
    public INamedTypeSymbol? PeriodicTimer => _periodicTimer.Value;
    public INamedTypeSymbol? CancellationToken => _cancellationToken.Value;
    public INamedTypeSymbol? CancellationTokenSource => _cancellationTokenSource.Value;
    public INamedTypeSymbol? ChannelReader => _channelReader.Value;
    public INamedTypeSymbol? BlockingCollection => _blockingCollection.Value;
    public INamedTypeSymbol? MoreEnumerable => _moreEnumerable.Value;

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

    /// <summary>Adds the entity types <paramref name="context"/> exposes as <c>DbSet&lt;T&gt;</c> properties, its base types' included.</summary>
    public void AddEntityTypesOf(ITypeSymbol context, HashSet<ITypeSymbol> entities)
    {
        for (var type = context; type is not null && !SymbolEqualityComparer.Default.Equals(type, DbContext); type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol { Type: INamedTypeSymbol { TypeArguments.Length: 1 } set } && IsDbSet(set))
                {
                    entities.Add(set.TypeArguments[0]);
                }
            }
        }
    }

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
