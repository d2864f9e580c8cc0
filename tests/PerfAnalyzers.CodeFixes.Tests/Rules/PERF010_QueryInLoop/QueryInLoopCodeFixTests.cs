using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.QueryInLoopAnalyzer, PerfAnalyzers.Rules.QueryInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class QueryInLoopCodeFixTests
{
    [Fact]
    public Task FirstOrDefaultAsyncByLoopVariableMember_BatchedLookup() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db, List<Order> orders, CancellationToken ct)
            {
                foreach (var order in orders)
                {
                    var customer = await db.Customers.{|PERF010:FirstOrDefaultAsync|}(c => c.Id == order.CustomerId, ct);
                    Console.WriteLine(customer?.Name);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db, List<Order> orders, CancellationToken ct)
            {
                var customerIds = orders.Select(order => order.CustomerId).Distinct().ToList();
                var customersById = (await db.Customers.Where(c => customerIds.Contains(c.Id)).ToListAsync(ct)).ToLookup(c => c.Id);
                foreach (var order in orders)
                {
                    var customer = customersById[order.CustomerId].FirstOrDefault();
                    Console.WriteLine(customer?.Name);
                }
            }
        }
        """));

    [Fact]
    public Task LookupByLoopVariableWithoutLinqUsing_UsingAdded() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db, int[] ids)
            {
                foreach (var id in ids)
                {
                    var customer = await db.Customers.{|PERF010:SingleOrDefaultAsync|}(c => c.Id == id);
                    Console.WriteLine(customer.Name);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db, int[] ids)
            {
                var ids2 = ids.Distinct().ToList();
                var customersById = (await db.Customers.Where(c => ids2.Contains(c.Id)).ToListAsync()).ToLookup(c => c.Id);
                foreach (var id in ids)
                {
                    var customer = customersById[id].SingleOrDefault();
                    Console.WriteLine(customer.Name);
                }
            }
        }
        """));

    [Fact]
    public Task WhereToListByLoopVariable_BatchedLookup() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, int[] customerIds)
            {
                foreach (var id in customerIds)
                {
                    var orders = db.Orders.Where(o => o.CustomerId == id).{|PERF010:ToList|}();
                    Console.WriteLine(orders.Count);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, int[] customerIds)
            {
                var customerIds2 = customerIds.Distinct().ToList();
                var ordersByCustomerId = db.Orders.Where(o => customerIds2.Contains(o.CustomerId)).ToLookup(o => o.CustomerId);
                foreach (var id in customerIds)
                {
                    var orders = ordersByCustomerId[id].ToList();
                    Console.WriteLine(orders.Count);
                }
            }
        }
        """));

    [Fact]
    public Task TwoLookupsInOneLoop_FixAllHoistsBoth() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<OrderLine> lines)
            {
                foreach (var line in lines)
                {
                    var order = db.Orders.{|PERF010:Single|}(o => o.Id == line.OrderId);
                    var product = db.Products.{|PERF010:FirstOrDefault|}(p => line.ProductId == p.Id);
                    Console.WriteLine(order.Total + product.Name);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<OrderLine> lines)
            {
                var orderIds = lines.Select(line => line.OrderId).Distinct().ToList();
                var ordersById = db.Orders.Where(o => orderIds.Contains(o.Id)).ToLookup(o => o.Id);
                var productIds = lines.Select(line => line.ProductId).Distinct().ToList();
                var productsById = db.Products.Where(p => productIds.Contains(p.Id)).ToLookup(p => p.Id);
                foreach (var line in lines)
                {
                    var order = ordersById[line.OrderId].Single();
                    var product = productsById[line.ProductId].FirstOrDefault();
                    Console.WriteLine(order.Total + product.Name);
                }
            }
        }
        """));

    [Fact]
    public Task StringKey_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> emails)
            {
                foreach (var email in emails)
                {
                    var customer = db.Customers.{|PERF010:FirstOrDefault|}(c => c.Email == email);
                }
            }
        }
        """));

    [Fact]
    public Task SaveInLoopBody_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    var customer = db.Customers.{|PERF010:FirstOrDefault|}(c => c.Id == order.CustomerId);
                    customer.Name = "x";
                    db.SaveChanges();
                }
            }
        }
        """));

    [Fact]
    public Task LazyEnumerableSource_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, IEnumerable<Order> orders)
            {
                foreach (var order in orders)
                {
                    var customer = db.Customers.{|PERF010:FirstOrDefault|}(c => c.Id == order.CustomerId);
                }
            }
        }
        """));

    [Fact]
    public Task FilterNotOnLoopVariable_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    var big = db.Orders.Where(o => o.Total > order.Total).{|PERF010:ToList|}();
                }
            }
        }
        """));

    [Fact]
    public Task DapperQuery_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.Data;
        using Dapper;

        class C
        {
            void M(IDbConnection connection, int[] ids)
            {
                foreach (var id in ids)
                {
                    connection.{|PERF010:Execute|}("delete from Orders where Id = @id", new { id });
                }
            }
        }
        """);

    [Fact]
    public Task KeyChangedInLoopBody_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders, int fallback)
            {
                foreach (var order in orders)
                {
                    if (order.CustomerId == 0) order.CustomerId = fallback;
                    var customer = db.Customers.{|PERF010:FirstOrDefault|}(c => c.Id == order.CustomerId);
                }
            }
        }
        """));
}
