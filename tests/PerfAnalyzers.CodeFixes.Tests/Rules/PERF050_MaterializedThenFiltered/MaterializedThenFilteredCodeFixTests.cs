using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.MaterializedThenFilteredAnalyzer, PerfAnalyzers.Rules.MaterializedThenFilteredCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class MaterializedThenFilteredCodeFixTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        """;

    private static Task Verify(string source, string fixedSource) =>
        VerifyCS.VerifyCodeFixAsync(EfCoreModel.With(Usings + source), EfCoreModel.With(Usings + fixedSource));

    [Fact]
    public Task ToListThenWhere_WhereMovedBeforeToList() => Verify("""
        class C
        {
            IEnumerable<Order> M(ShopContext db, decimal min) => db.Orders.{|PERF050:ToList|}().Where(o => o.Total > min);
        }
        """, """
        class C
        {
            IEnumerable<Order> M(ShopContext db, decimal min) => db.Orders.Where(o => o.Total > min).ToList();
        }
        """);

    [Fact]
    public Task ToListWhereToList_OneToList() => Verify("""
        class C
        {
            List<Order> M(ShopContext db, decimal min)
            {
                return db.Orders
                    .AsNoTracking()
                    .{|PERF050:ToList|}()
                    .Where(o => o.Total > min)
                    .ToList();
            }
        }
        """, """
        class C
        {
            List<Order> M(ShopContext db, decimal min)
            {
                return db.Orders
                    .AsNoTracking()
                    .Where(o => o.Total > min)
                    .ToList();
            }
        }
        """);

    [Fact]
    public Task ToListThenCount_CountInQuery() => Verify("""
        class C
        {
            int M(ShopContext db, int id) => db.Orders.{|PERF050:ToList|}().Count(o => o.CustomerId == id);
        }
        """, """
        class C
        {
            int M(ShopContext db, int id) => db.Orders.Count(o => o.CustomerId == id);
        }
        """);

    [Fact]
    public Task AwaitedToListAsyncThenCount_CountAsyncWithToken() => Verify("""
        class C
        {
            async Task<int> M(ShopContext db, int id, CancellationToken ct)
            {
                var n = (await db.Orders.{|PERF050:ToListAsync|}(ct)).Count(o => o.CustomerId == id);
                return n;
            }
        }
        """, """
        class C
        {
            async Task<int> M(ShopContext db, int id, CancellationToken ct)
            {
                var n = await db.Orders.CountAsync(o => o.CustomerId == id, ct);
                return n;
            }
        }
        """);

    [Fact]
    public Task AwaitedWithoutTokenThenAny_TokenInScopeForwarded() => Verify("""
        class C
        {
            async Task<bool> M(ShopContext db, string name, CancellationToken cancellationToken) =>
                (await db.Customers.{|PERF050:ToListAsync|}().ConfigureAwait(false)).Any(c => c.Name == name);
        }
        """, """
        class C
        {
            async Task<bool> M(ShopContext db, string name, CancellationToken cancellationToken) =>
                await db.Customers.AnyAsync(c => c.Name == name, cancellationToken).ConfigureAwait(false);
        }
        """);

    [Fact]
    public Task AwaitedToListThenWhereToList_WhereBeforeToListAsync() => Verify("""
        class C
        {
            async Task<List<Order>> M(ShopContext db, CancellationToken ct) =>
                (await db.Orders.{|PERF050:ToListAsync|}(ct)).Where(o => o.ShipperId == null).ToList();
        }
        """, """
        class C
        {
            async Task<List<Order>> M(ShopContext db, CancellationToken ct) =>
                await db.Orders.Where(o => o.ShipperId == null).ToListAsync(ct);
        }
        """);

    [Fact]
    public Task FixAll_SyncAndAsyncInOneDocument() => Verify("""
        class C
        {
            decimal Total(ShopContext db) => db.Orders.{|PERF050:ToArray|}().Sum(o => o.Total);

            async Task<Order> Newest(ShopContext db) => (await db.Orders.OrderByDescending(o => o.Id).{|PERF050:ToListAsync|}()).First();

            List<string> Emails(ShopContext db) => db.Customers.{|PERF050:AsEnumerable|}().Select(c => c.Email).ToList();
        }
        """, """
        class C
        {
            decimal Total(ShopContext db) => db.Orders.Sum(o => o.Total);

            async Task<Order> Newest(ShopContext db) => await db.Orders.OrderByDescending(o => o.Id).FirstAsync();

            List<string> Emails(ShopContext db) => db.Customers.Select(c => c.Email).ToList();
        }
        """);

    [Fact]
    public Task FirstOnUnorderedQuery_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With(Usings + """
        class C
        {
            Order M(ShopContext db) => db.Orders.{|PERF050:ToList|}().First(o => o.Total > 0);
        }
        """));

    [Fact]
    public Task ThroughLocal_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With(Usings + """
        class C
        {
            int M(ShopContext db)
            {
                var orders = db.Orders.{|PERF050:ToList|}();
                return orders.Count(o => o.Total > 0);
            }
        }
        """));

    [Fact]
    public Task WhereResultInVar_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With(Usings + """
        class C
        {
            int M(ShopContext db)
            {
                var big = db.Orders.{|PERF050:ToList|}().Where(o => o.Total > 100);
                return big.Count() + big.Count();
            }
        }
        """));

    [Fact]
    public Task OrderByThenByInMemory_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With(Usings + """
        class C
        {
            List<Order> M(ShopContext db) => db.Orders.{|PERF050:ToList|}().OrderBy(o => o.Total).ThenBy(o => o.Id).ToList();
        }
        """));
}
