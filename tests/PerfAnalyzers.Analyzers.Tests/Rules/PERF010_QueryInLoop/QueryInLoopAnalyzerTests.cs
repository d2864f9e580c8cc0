using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.QueryInLoopAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class QueryInLoopAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Data.Common;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        """;

    private static Task Verify(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(EfCoreModel.With(Usings + source), expected);

    [Fact]
    public Task ToListAsyncInForeach_DiagnosticWithRenderedQuery() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<Customer> customers)
            {
                foreach (var c in customers)
                {
                    var orders = await db.Orders.Where(o => o.CustomerId == c.Id).{|#0:ToListAsync|}();
                }
            }
        }
        """, VerifyCS.Diagnostic("PERF010").WithLocation(0).WithArguments("Orders.Where(...).ToListAsync()"));

    [Fact]
    public Task FirstOrDefaultAsyncInForLoop_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, int[] ids, CancellationToken ct)
            {
                for (var i = 0; i < ids.Length; i++)
                {
                    var customer = await db.Customers.{|PERF010:FirstOrDefaultAsync|}(c => c.Id == ids[i], ct);
                }
            }
        }
        """);

    [Fact]
    public Task FindInWhileLoopOverQueue_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, Queue<int> pending)
            {
                while (pending.Count > 0)
                {
                    var customer = db.Customers.{|PERF010:Find|}(pending.Dequeue());
                }
            }
        }
        """);

    [Fact]
    public Task CountOnQueryLocalInDoLoop_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, Func<bool> more)
            {
                var big = db.Orders.Where(o => o.Total > 100);
                do
                {
                    Console.WriteLine(big.{|PERF010:Count|}());
                }
                while (more());
            }
        }
        """);

    [Fact]
    public Task LoopOverMaterializedQueryWithQueryInBody_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var order in db.Orders.ToList())
                {
                    var customer = db.Customers.{|PERF010:Single|}(c => c.Id == order.CustomerId);
                }
            }
        }
        """);

    [Fact]
    public Task NestedForeachOverQuery_DiagnosticOnCollection() => Verify("""
        class C
        {
            void M(ShopContext db, List<Customer> customers)
            {
                foreach (var c in customers)
                {
                    foreach (var order in {|PERF010:db.Orders.Where(o => o.CustomerId == c.Id)|})
                    {
                        Console.WriteLine(order.Total);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task AnyAsyncOnSetOfT_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, string[] emails)
            {
                foreach (var email in emails)
                {
                    if (await db.Set<Customer>().{|PERF010:AnyAsync|}(c => c.Email == email))
                    {
                        Console.WriteLine(email);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task DapperQueryFirstOrDefaultInForeach_Diagnostic() => Verify("""
        class C
        {
            void M(IDbConnection connection, int[] ids)
            {
                foreach (var id in ids)
                {
                    var name = connection.{|PERF010:QueryFirstOrDefault|}<string>("select Name from Customers where Id = @id", new { id });
                }
            }
        }
        """);

    [Fact]
    public Task DapperExecuteAsyncInForeach_Diagnostic() => Verify("""
        class C
        {
            async Task M(DbConnection connection, int[] ids)
            {
                foreach (var id in ids)
                {
                    await connection.{|PERF010:ExecuteAsync|}("delete from Orders where Id = @id", new { id });
                }
            }
        }
        """);

    [Fact]
    public Task AdoNetExecuteScalarInForeach_Diagnostic() => Verify("""
        class C
        {
            void M(DbCommand command, int[] ids)
            {
                foreach (var id in ids)
                {
                    command.Parameters[0].Value = id;
                    var total = command.{|PERF010:ExecuteScalar|}();
                }
            }
        }
        """);

    [Fact]
    public Task AdoNetInterfaceExecuteReaderInForeach_Diagnostic() => Verify("""
        class C
        {
            void M(IDbCommand command, int[] ids)
            {
                foreach (var id in ids)
                {
                    using var reader = command.{|PERF010:ExecuteReader|}();
                }
            }
        }
        """);

    [Fact]
    public Task FindInListForEachLambda_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, List<int> ids)
            {
                ids.ForEach(id => Console.WriteLine(db.Customers.{|PERF010:Find|}(id).Name));
            }
        }
        """);

    [Fact]
    public Task QueryInEnumerableSelectLambda_Diagnostic() => Verify("""
        class C
        {
            List<int> M(ShopContext db, List<Customer> customers) =>
                customers.Select(c => db.Orders.{|PERF010:Count|}(o => o.CustomerId == c.Id)).ToList();
        }
        """);

    [Fact]
    public Task FindAsyncInParallelForEachAsync_Diagnostic() => Verify("""
        class C
        {
            Task M(ShopContext db, int[] ids) =>
                Parallel.ForEachAsync(ids, async (id, ct) => await db.Customers.{|PERF010:FindAsync|}(new object[] { id }, ct));
        }
        """);

    [Fact]
    public Task ExplicitCollectionLoadInLoop_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    db.Entry(order).Collection(o => o.Lines).{|PERF010:Load|}();
                }
            }
        }
        """);

    [Fact]
    public Task ExecuteDeleteAsyncInLoop_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, int[] customerIds)
            {
                foreach (var id in customerIds)
                {
                    await db.Orders.Where(o => o.CustomerId == id).{|PERF010:ExecuteDeleteAsync|}();
                }
            }
        }
        """);

    [Fact]
    public Task FromSqlQueryInLoop_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, int[] ids)
            {
                foreach (var id in ids)
                {
                    var orders = db.Orders.FromSqlInterpolated($"select * from Orders where CustomerId = {id}").{|PERF010:ToList|}();
                }
            }
        }
        """);

    [Fact]
    public Task ConditionalLookupThatDoesNotLeave_Diagnostic() => Verify("""
        class C
        {
            async Task<Customer> M(ShopContext db, int[] ids)
            {
                foreach (var id in ids)
                {
                    var customer = await db.Customers.{|PERF010:FindAsync|}(id);
                    if (customer != null)
                    {
                        return customer;
                    }
                }
                return null;
            }
        }
        """);

    [Fact]
    public Task QueryComposedInLoopExecutedAfter_NoDiagnostic() => Verify("""
        class C
        {
            Task<List<Order>> M(ShopContext db, List<Func<Order, bool>> unused, decimal[] thresholds)
            {
                IQueryable<Order> query = db.Orders;
                foreach (var t in thresholds)
                {
                    query = query.Where(o => o.Total > t);
                }
                return query.ToListAsync();
            }
        }
        """);

    [Fact]
    public Task QueryExecutedBeforeLoop_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<int> ids)
            {
                var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
                foreach (var id in ids)
                {
                    Console.WriteLine(customers[id].Name);
                }
            }
        }
        """);

    [Fact]
    public Task AwaitForeachOverQuery_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db)
            {
                await foreach (var order in db.Orders.Where(o => o.Total > 0).AsAsyncEnumerable())
                {
                    Console.WriteLine(order.Total);
                }
                foreach (var order in db.Orders)
                {
                    Console.WriteLine(order.Total);
                }
            }
        }
        """);

    [Fact]
    public Task SubqueryInsideQueryableSelect_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var summary = db.Customers
                    .Select(c => new { c.Name, Count = db.Orders.Count(o => o.CustomerId == c.Id), Any = c.Orders.Any() })
                    .ToList();
            }
        }
        """);

    [Fact]
    public Task InMemoryLinqInLoop_NoDiagnostic() => Verify("""
        class C
        {
            void M(List<Order> orders, List<Customer> customers)
            {
                foreach (var c in customers)
                {
                    var mine = orders.Where(o => o.CustomerId == c.Id).ToList();
                    var first = orders.FirstOrDefault(o => o.CustomerId == c.Id);
                    var count = orders.AsQueryable().Count();
                }
            }
        }
        """);

    [Fact]
    public Task LoopThatReturnsOnFirstIteration_NoDiagnostic() => Verify("""
        class C
        {
            async Task<Customer> M(ShopContext db, int[] ids)
            {
                foreach (var id in ids)
                {
                    var customer = await db.Customers.FindAsync(id);
                    return customer;
                }
                return null;
            }
        }
        """);

    [Fact]
    public Task QueryFollowedByBreak_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, int[] ids)
            {
                foreach (var id in ids)
                {
                    if (id > 0)
                    {
                        Console.WriteLine(db.Customers.Find(id).Name);
                        break;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task PollingWorkerLoop_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    var pending = await db.Orders.Where(o => o.Total == 0).ToListAsync(stoppingToken);
                    await Task.Delay(1000, stoppingToken);
                }
            }
        }
        """);

    [Fact]
    public Task PollingLoopWithDelay_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db)
            {
                while (true)
                {
                    if (await db.Orders.AnyAsync(o => o.Total == 0)) return;
                    await Task.Delay(500);
                }
            }
        }
        """);

    [Fact]
    public Task KeysetPagingLoop_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db)
            {
                var lastId = 0;
                while (true)
                {
                    var page = await db.Orders.Where(o => o.Id > lastId).OrderBy(o => o.Id).Take(500).ToListAsync();
                    if (page.Count == 0) break;
                    lastId = page[page.Count - 1].Id;
                }
            }
        }
        """);

    [Fact]
    public Task BatchedDapperExecuteEveryHundredItems_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(IDbConnection connection, IEnumerable<Order> orders)
            {
                var buffer = new List<Order>();
                foreach (var order in orders)
                {
                    buffer.Add(order);
                    if (buffer.Count >= 100)
                    {
                        await connection.ExecuteAsync("insert into Orders values (@Id)", buffer);
                        buffer.Clear();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task QueryInLambdaPassedToTaskRun_NoDiagnostic() => Verify("""
        class C
        {
            Task<List<Order>> M(ShopContext db) => Task.Run(() => db.Orders.ToList());
        }
        """);

    [Fact]
    public Task LookalikeMethodsOnOwnTypes_NoDiagnostic() => Verify("""
        class Repository
        {
            public Customer Find(int id) => null;
            public Task<List<Order>> ToListAsync() => null;
            public int ExecuteScalar() => 0;
        }

        class C
        {
            async Task M(Repository repository, int[] ids)
            {
                foreach (var id in ids)
                {
                    repository.Find(id);
                    await repository.ToListAsync();
                    repository.ExecuteScalar();
                }
            }
        }
        """);

    [Fact]
    public Task NoDataAccessLibraries_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;

        class C
        {
            void M(List<int> ids, List<int> values)
            {
                foreach (var id in ids)
                {
                    var first = values.First(v => v == id);
                }
            }
        }
        """, TestReferences.Net80);

    [Fact]
    public Task QueryPerChunkOfKeys_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<int> ids)
            {
                foreach (var chunk in ids.Chunk(500))
                {
                    var orders = await db.Orders.Where(o => chunk.Contains(o.Id)).ToListAsync();
                }
            }
        }
        """);

    [Fact]
    public Task QueryInRetryLoopBreakingOnSuccess_NoDiagnostic() => Verify("""
        class C
        {
            async Task<List<Order>> M(ShopContext db)
            {
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return await db.Orders.ToListAsync();
                    }
                    catch (TimeoutException) when (attempt < 3)
                    {
                    }
                }
            }
        }
        """);

    [Fact]
    public Task QueryInAwaitForeachBody_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db)
            {
                await foreach (var order in db.Orders.AsAsyncEnumerable())
                {
                    var customer = await db.Customers.{|PERF010:FindAsync|}(order.CustomerId);
                }
            }
        }
        """);

    [Fact]
    public Task QueryInParallelForEachBody_Diagnostic() => Verify("""
        class C
        {
            void M(IDbConnection connection, int[] ids)
            {
                Parallel.ForEach(ids, id => connection.{|PERF010:Execute|}("update Orders set Total = 0 where Id = @id", new { id }));
            }
        }
        """);

    [Fact]
    public Task QueryInWhileConditionOnly_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, Queue<Order> work)
            {
                while (await db.Orders.AnyAsync(o => o.Total == 0) && work.Count > 0)
                {
                    work.Dequeue().Total = 1;
                }
            }
        }
        """);

    [Fact]
    public Task NestedAwaitForeachOverSet_DiagnosticOnCollection() => Verify("""
        class C
        {
            async Task M(ShopContext db, int[] ids)
            {
                foreach (var id in ids)
                {
                    await foreach (var order in {|PERF010:db.Orders.AsAsyncEnumerable()|})
                    {
                        Console.WriteLine(order.Id + id);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task QueryPerChannelMessage_NoDiagnostic() => Verify("""
        using System.Threading.Channels;
        class C
        {
            async Task M(ShopContext db, ChannelReader<int> reader, CancellationToken ct)
            {
                await foreach (var id in reader.ReadAllAsync(ct))
                {
                    var order = await db.Orders.FirstOrDefaultAsync(o => o.Id == id, ct);
                }
            }
        }
        """);

    [Fact]
    public Task QueryPerBlockingCollectionItem_NoDiagnostic() => Verify("""
        using System.Collections.Concurrent;
        class C
        {
            void M(ShopContext db, BlockingCollection<int> queue)
            {
                foreach (var id in queue.GetConsumingEnumerable())
                {
                    var order = db.Orders.Find(id);
                }
            }
        }
        """);

    [Fact]
    public Task MigrationScriptPerIteration_NoDiagnostic() => Verify("""
        using System.IO;
        record Migration(string Name, string Sql);
        class C
        {
            async Task M(IDbConnection connection, DbCommand command, ShopContext db, string[] scripts, string[] files, List<Migration> migrations)
            {
                foreach (var script in scripts)
                {
                    await connection.ExecuteAsync(script);
                }

                foreach (var file in files)
                {
                    var sql = await File.ReadAllTextAsync(file);
                    connection.Execute(sql);
                    db.Database.ExecuteSqlRaw(File.ReadAllText(file));
                }

                foreach (var migration in migrations)
                {
                    command.CommandText = migration.Sql;
                    await command.ExecuteNonQueryAsync();
                }
            }
        }
        """);

    [Fact]
    public Task QueryTemplateWithItemSplicedIn_Diagnostic() => Verify("""
        class C
        {
            static string BuildSql(int id) => "select * from orders where id = " + id;

            void M(IDbConnection connection, DbCommand command, int[] ids)
            {
                foreach (var id in ids)
                {
                    connection.{|PERF010:Query|}<Order>($"select * from orders where id = {id}");
                    connection.{|PERF010:Execute|}(string.Format("delete from orders where id = {0}", id));
                    connection.{|PERF010:QueryFirst|}<Order>(BuildSql(id));
                    command.CommandText = "select count(*) from lines where order_id = " + id;
                    command.{|PERF010:ExecuteScalar|}();
                }
            }
        }
        """);

    [Fact]
    public Task QueryInLoopWithFewFixedIterations_NoDiagnostic() => Verify("""
        enum Status { New, Paid, Shipped }
        class C
        {
            async Task M(ShopContext db, CancellationToken ct)
            {
                foreach (var total in new[] { 0m, 100m })
                {
                    _ = await db.Orders.CountAsync(o => o.Total > total, ct);
                }

                for (var i = 0; i < 2; i++)
                {
                    _ = await db.Orders.AnyAsync(ct);
                }

                foreach (var status in Enum.GetValues<Status>())
                {
                    _ = await db.Orders.CountAsync(o => o.Id == (int)status, ct);
                }

                foreach (var table in new[] { "orders", "lines" })
                {
                    await db.Database.ExecuteSqlRawAsync("TRUNCATE TABLE " + table, ct);
                }
            }
        }
        """);

    [Fact]
    public Task QueryInLoopOverValuesOfLargeEnum_Diagnostic() => Verify("""
        enum Code { A, B, C, D, E, F, G, H, I, J }
        class C
        {
            async Task M(ShopContext db, CancellationToken ct)
            {
                foreach (Code code in Enum.GetValues(typeof(Code)))
                {
                    _ = await db.Orders.{|PERF010:CountAsync|}(o => o.Id == (int)code, ct);
                }
            }
        }
        """);

    [Fact]
    public Task QueryPerValueOfStaticGetOnlyPropertyWithFewValues_NoDiagnostic() => Verify("""
        class C
        {
            private static string[] Tables { get; } = { "orders", "lines", "customers" };

            async Task M(ShopContext db, CancellationToken ct)
            {
                foreach (var table in Tables)
                {
                    await db.Database.ExecuteSqlRawAsync("TRUNCATE TABLE " + table, ct);
                }
            }
        }
        """);

    [Fact]
    public Task QueryPerValueOfSettableStaticProperty_Diagnostic() => Verify("""
        class C
        {
            public static string[] Tables { get; set; } = { "orders", "lines", "customers" };

            async Task M(ShopContext db, CancellationToken ct)
            {
                foreach (var table in Tables)
                {
                    await db.Database.{|PERF010:ExecuteSqlRawAsync|}("TRUNCATE TABLE " + table, ct);
                }
            }
        }
        """);

    [Fact]
    public Task LoadPerNavigationOfOneEntity_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, Order order, CancellationToken ct)
            {
                foreach (var navigation in db.Entry(order).Navigations)
                {
                    if (!navigation.IsLoaded) await navigation.LoadAsync(ct);
                }
            }
        }
        """);

    [Fact]
    public Task LoadPerEntityOfACollection_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<Order> orders, CancellationToken ct)
            {
                foreach (var order in orders)
                {
                    await db.Entry(order).Collection(o => o.Lines).{|PERF010:LoadAsync|}(ct);
                }
            }
        }
        """);

    [Fact]
    public Task QueryCachedInLocalThatGuardsIt_NoDiagnostic() => Verify("""
        class C
        {
            private List<Order>? _recent;

            async Task M(ShopContext db, List<Customer> customers, CancellationToken ct)
            {
                Order? first = null;
                foreach (var c in customers)
                {
                    if (first == null)
                    {
                        first = await db.Orders.FirstOrDefaultAsync(ct);
                    }

                    _recent ??= await db.Orders.Take(10).ToListAsync(ct);
                    if (_recent is null) _recent = await db.Orders.ToListAsync(ct);
                }
            }
        }
        """);

    [Fact]
    public Task QueryAssignedToLocalWithoutNullGuard_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<Customer> customers, CancellationToken ct)
            {
                Order? last = null;
                foreach (var c in customers)
                {
                    if (c.Id > 0)
                    {
                        last = await db.Orders.{|PERF010:FirstOrDefaultAsync|}(o => o.CustomerId == c.Id, ct);
                    }
                }
            }
        }
        """);
}
