using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// The APIs that begin a database transaction, resolved once per compilation: EF Core's <c>DatabaseFacade</c>
/// (its own <c>BeginTransaction[Async]</c> and the relational extensions), ADO.NET connections and
/// <c>TransactionScope</c>. Judged by the receiver's type, so a domain <c>ledger.BeginTransaction()</c> is not one.
/// </summary>
internal sealed class TransactionTypes
{
    private readonly INamedTypeSymbol? _databaseFacade;
    private readonly INamedTypeSymbol? _dbConnection;
    private readonly INamedTypeSymbol? _connectionInterface;
    private readonly INamedTypeSymbol? _transactionScope;
    private readonly INamedTypeSymbol? _contextTransaction;
    private readonly INamedTypeSymbol? _dbTransaction;
    private readonly INamedTypeSymbol? _transactionInterface;

    private TransactionTypes(WellKnownTypeProvider types)
    {
        _databaseFacade = types.Get("Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade");
        _dbConnection = types.Get("System.Data.Common.DbConnection");
        _connectionInterface = types.Get("System.Data.IDbConnection");
        _transactionScope = types.Get("System.Transactions.TransactionScope");
        _contextTransaction = types.Get("Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction");
        _dbTransaction = types.Get("System.Data.Common.DbTransaction");
        _transactionInterface = types.Get("System.Data.IDbTransaction");
    }

    public static TransactionTypes Create(Compilation compilation) =>
        WellKnownTypeProvider.GetOrCreate(compilation).GetOrCreateTable(static types => new TransactionTypes(types))!;

    /// <summary>
    /// True for <c>BeginTransaction[Async]</c> on a database facade or connection, or one that hands back a database
    /// transaction (a unit-of-work wrapper), and for <c>new TransactionScope(…)</c>.
    /// </summary>
    public bool Begins(IOperation operation)
    {
        switch (operation)
        {
            case IObjectCreationOperation creation:
                return _transactionScope is not null && SymbolEqualityComparer.Default.Equals(creation.Type, _transactionScope);
            case IInvocationOperation { TargetMethod: { Name: "BeginTransaction" or "BeginTransactionAsync" } method } invocation:
                // Extension calls (RelationalDatabaseFacadeExtensions) carry the receiver as their first parameter.
                var owner = method.IsExtensionMethod && method.Parameters.Length > 0
                    ? method.Parameters[0].Type
                    : invocation.Instance?.Type ?? method.ContainingType;
                return SymbolRelations.InheritsFrom(owner, _databaseFacade)
                    || SymbolRelations.InheritsFrom(owner, _dbConnection)
                    || TypeHierarchy.IsOrImplements(owner, _connectionInterface)
                    || IsTransaction(ResultOf(method.ReturnType));
            default:
                return false;
        }
    }

    private bool IsTransaction(ITypeSymbol? type) =>
        TypeHierarchy.IsOrImplements(type, _contextTransaction)
        || SymbolRelations.InheritsFrom(type, _dbTransaction)
        || TypeHierarchy.IsOrImplements(type, _transactionInterface);

    /// <summary>The T of <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c> (any single-argument generic), else the type itself.</summary>
    private static ITypeSymbol ResultOf(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic ? generic.TypeArguments[0] : type;
}
