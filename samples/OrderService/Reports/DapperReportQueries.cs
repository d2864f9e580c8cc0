using System.Data;
using Dapper;

namespace ShopService.Reports;

/// <summary>Hand-written SQL for the reporting screens, where EF's generated SQL was too slow.</summary>
public sealed class DapperReportQueries
{
    private const string RevenueSql = """
        SELECT COALESCE(SUM(l.Quantity * l.UnitPrice), 0)
        FROM OrderLines l
        JOIN Orders o ON o.Id = l.OrderId
        WHERE o.PlacedAtUtc >= @sinceUtc AND o.Status <> 4
        """;

    private const string TopProductsSql = """
        SELECT p.Sku, p.Name, SUM(l.Quantity) AS Units, SUM(l.Quantity * l.UnitPrice) AS Revenue
        FROM OrderLines l
        JOIN Orders o ON o.Id = l.OrderId
        JOIN Products p ON p.Id = l.ProductId
        WHERE o.PlacedAtUtc >= @sinceUtc AND o.Status <> 4
        GROUP BY p.Sku, p.Name
        ORDER BY Revenue DESC
        LIMIT @top
        """;

    private const string BalanceSql = """
        SELECT c.Id, c.Name, COALESCE(SUM(o.Total), 0) AS OpenTotal
        FROM Customers c
        LEFT JOIN Orders o ON o.CustomerId = c.Id AND o.Status IN (0, 1, 2)
        WHERE c.Id = @id
        GROUP BY c.Id, c.Name
        """;

    private const string BalancesSql = """
        SELECT c.Id, c.Name, COALESCE(SUM(o.Total), 0) AS OpenTotal
        FROM Customers c
        LEFT JOIN Orders o ON o.CustomerId = c.Id AND o.Status IN (0, 1, 2)
        WHERE c.Id IN @ids
        GROUP BY c.Id, c.Name
        """;

    private const string WarehouseByCodeSql = "SELECT Name FROM Warehouses WHERE Code = @code";

    private const string SummarySchemaSql = """
        CREATE TABLE IF NOT EXISTS DailySales (Day TEXT PRIMARY KEY, Orders INTEGER NOT NULL, Revenue REAL NOT NULL);
        CREATE TABLE IF NOT EXISTS CustomerSales (CustomerId INTEGER PRIMARY KEY, Orders INTEGER NOT NULL, Revenue REAL NOT NULL);
        """;

    private const string RefreshDailySql = """
        DELETE FROM DailySales;
        INSERT INTO DailySales (Day, Orders, Revenue)
        SELECT date(PlacedAtUtc), COUNT(*), SUM(Total) FROM Orders WHERE Status <> 4 GROUP BY date(PlacedAtUtc);
        """;

    private const string RefreshCustomerSql = """
        DELETE FROM CustomerSales;
        INSERT INTO CustomerSales (CustomerId, Orders, Revenue)
        SELECT CustomerId, COUNT(*), SUM(Total) FROM Orders WHERE Status <> 4 GROUP BY CustomerId;
        """;

    private readonly IDbConnection _connection;

    public DapperReportQueries(IDbConnection connection)
    {
        _connection = connection;
    }

    public async Task EnsureSummaryTablesAsync(CancellationToken ct)
    {
        await _connection.ExecuteAsync(new CommandDefinition(SummarySchemaSql, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<TopProductRow>> GetTopProductsAsync(DateTime sinceUtc, int top, CancellationToken ct)
    {
        var revenue = await _connection.ExecuteScalarAsync<double>(
            new CommandDefinition(RevenueSql, new { sinceUtc }, cancellationToken: ct));

        var rows = _connection.Query<TopProductRow>(TopProductsSql, new { sinceUtc, top }).AsList(); // PERF001
        foreach (var row in rows)
        {
            row.Share = revenue == 0 ? 0 : row.Revenue / revenue;
        }

        return rows;
    }

    public IReadOnlyList<CustomerBalanceRow> GetBalances(IEnumerable<int> customerIds)
    {
        var balances = new List<CustomerBalanceRow>();
        foreach (var id in customerIds)
        {
            // One round trip per customer.
            var balance = _connection.QuerySingle<CustomerBalanceRow>(BalanceSql, new { id }); // PERF010
            balances.Add(balance);
        }

        return balances;
    }

    public IReadOnlyList<CustomerBalanceRow> GetBalancesBatched(IReadOnlyCollection<int> customerIds)
    {
        var balances = _connection.Query<CustomerBalanceRow>(BalancesSql, new { ids = customerIds }).AsList();
        foreach (var balance in balances)
        {
            balance.OpenTotal = Math.Round(balance.OpenTotal, 2);
        }

        return balances;
    }

    public IReadOnlyList<string> GetWarehouseNames(IReadOnlyList<string> codes)
    {
        var names = new List<string>(codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            // Same N+1 shape with the first-or-default flavour.
            var name = _connection.QuerySingleOrDefault<string>(WarehouseByCodeSql, new { code = codes[i] }); // PERF010
            if (name is not null)
            {
                names.Add(name);
            }
        }

        return names;
    }

    public async Task<string?> FindPrimaryWarehouseNameAsync(IEnumerable<string> preferredCodes, CancellationToken ct)
    {
        foreach (var code in preferredCodes)
        {
            // Only the first preference is honoured until multi-site picking ships.
            return await _connection.QueryFirstOrDefaultAsync<string>(
                new CommandDefinition(WarehouseByCodeSql, new { code }, cancellationToken: ct));
        }

        return null;
    }

    public async Task<long> RefreshSummaryTablesAsync(CancellationToken ct)
    {
        var daily = _connection.ExecuteAsync(new CommandDefinition(RefreshDailySql, cancellationToken: ct));
        var perCustomer = _connection.ExecuteAsync(new CommandDefinition(RefreshCustomerSql, cancellationToken: ct));
        Task.WaitAll(daily, perCustomer); // PERF002

        return await _connection.ExecuteScalarAsync<long>(
            new CommandDefinition("SELECT COUNT(*) FROM DailySales", cancellationToken: ct));
    }
}
