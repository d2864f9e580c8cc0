using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.MaterializedThenFilteredAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class MaterializedThenFilteredAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        """;

    private static Task Verify(string source) => VerifyCS.VerifyAnalyzerAsync(EfCoreModel.With(Usings + source));

    [Fact]
    public Task ToListThenWhere_Diagnostic() => Verify("""
        class C
        {
            List<Order> M(ShopContext db, decimal min) => db.Orders.{|PERF050:ToList|}().Where(o => o.Total > min).ToList();
        }
        """);

    [Fact]
    public Task AwaitedToListAsyncThenCount_Diagnostic() => Verify("""
        class C
        {
            async Task<int> M(ShopContext db, int customerId, CancellationToken ct) =>
                (await db.Orders.{|PERF050:ToListAsync|}(ct)).Count(o => o.CustomerId == customerId);
        }
        """);

    [Fact]
    public Task AsEnumerableThenAnyWithStringMethod_Diagnostic() => Verify("""
        class C
        {
            bool M(ShopContext db, string name) => db.Customers.{|PERF050:AsEnumerable|}().Any(c => c.Name.ToLower().StartsWith(name));
        }
        """);

    [Fact]
    public Task ToArrayThenSumWithQueryOperatorsBefore_Diagnostic() => Verify("""
        class C
        {
            decimal M(ShopContext db) => db.Orders.AsNoTracking().Where(o => o.ShipperId != null).{|PERF050:ToArray|}().Sum(o => o.Total);
        }
        """);

    [Fact]
    public Task LocalUsedOnlyByCount_Diagnostic() => Verify("""
        class C
        {
            async Task<int> M(ShopContext db, List<int> ids)
            {
                var orders = await db.Orders.{|PERF050:ToListAsync|}();
                return orders.Count(o => ids.Contains(o.CustomerId));
            }
        }
        """);

    [Fact]
    public Task SelectOfColumns_Diagnostic() => Verify("""
        class C
        {
            List<string> M(ShopContext db) => db.Customers.{|PERF050:ToList|}().Select(c => c.Email).ToList();
        }
        """);

    [Fact]
    public Task LambdaCallsApplicationMethod_NoDiagnostic() => Verify("""
        class C
        {
            static bool IsVip(Customer c) => c.Name.Length > 10;
            List<Customer> M(ShopContext db) => db.Customers.AsEnumerable().Where(c => IsVip(c)).ToList();
        }
        """);

    [Fact]
    public Task MethodGroupPredicate_NoDiagnostic() => Verify("""
        class C
        {
            static bool IsVip(Customer c) => c.Name.Length > 10;
            List<Customer> M(ShopContext db) => db.Customers.AsEnumerable().Where(IsVip).ToList();
        }
        """);

    [Fact]
    public Task NavigationInLambda_NoDiagnostic() => Verify("""
        class C
        {
            List<Order> M(ShopContext db) => db.Orders.Include(o => o.Customer).ToList().Where(o => o.Customer.Name == "x").ToList();
        }
        """);

    [Fact]
    public Task StringComparisonOverload_NoDiagnostic() => Verify("""
        class C
        {
            int M(ShopContext db, string s) => db.Customers.ToList().Count(c => c.Name.Contains(s, StringComparison.OrdinalIgnoreCase));
        }
        """);

    [Fact]
    public Task ListUsedAgain_NoDiagnostic() => Verify("""
        class C
        {
            List<Order> M(ShopContext db, out int big)
            {
                var orders = db.Orders.ToList();
                big = orders.Count(o => o.Total > 100);
                return orders;
            }
        }
        """);

    [Fact]
    public Task OperatorInsideLoop_NoDiagnostic() => Verify("""
        class C
        {
            int M(ShopContext db, int[] customerIds)
            {
                var orders = db.Orders.ToList();
                var n = 0;
                foreach (var id in customerIds)
                {
                    n += orders.Count(o => o.CustomerId == id);
                }

                return n;
            }
        }
        """);

    [Fact]
    public Task OperatorInsideLambda_NoDiagnostic() => Verify("""
        class C
        {
            List<int> M(ShopContext db, int[] customerIds)
            {
                var orders = db.Orders.ToList();
                return customerIds.Select(id => orders.Count(o => o.CustomerId == id)).ToList();
            }
        }
        """);

    [Fact]
    public Task LastWithoutOrdering_NoDiagnostic() => Verify("""
        class C
        {
            Order M(ShopContext db) => db.Orders.ToList().Last(o => o.Total > 0);
        }
        """);

    [Fact]
    public Task InMemoryList_NoDiagnostic() => Verify("""
        class C
        {
            int M(List<Order> orders) => orders.ToList().Count(o => o.Total > 0);
        }
        """);

    [Fact]
    public Task ProjectedQuery_NoDiagnostic() => Verify("""
        class C
        {
            int M(ShopContext db) => db.Orders.Select(o => new { o.Id, o.Total }).ToList().Count(x => x.Total > 0);
        }
        """);

    [Fact]
    public Task ComputedProperty_NoDiagnostic() => Verify("""
        class Row { public int Id { get; set; } public string First { get; set; } public string Last { get; set; } public string Full => First + " " + Last; }
        class RowContext : DbContext { public DbSet<Row> Rows { get; set; } }
        class C
        {
            int M(RowContext db) => db.Rows.ToList().Count(r => r.Full == "a b");
        }
        """);

    [Fact]
    public Task StatementLambda_NoDiagnostic() => Verify("""
        class C
        {
            int M(ShopContext db) => db.Orders.ToList().Count(o => { return o.Total > 0; });
        }
        """);

    [Fact]
    public Task ToListThenForeachOnly_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.ToList())
                {
                    Console.WriteLine(o.Id);
                }
            }
        }
        """);
}
