using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.QueryInLoopAnalyzer, PerfAnalyzers.Rules.QueryInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class QueryInLoopKeyedShapesCodeFixTests
{
    [Fact]
    public Task ReversedComparisonOnNestedKey_BatchedLookup() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
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
                    var customer = db.Customers.{|PERF010:FirstOrDefault|}(c => line.Order.CustomerId == c.Id);
                    Console.WriteLine(customer?.Name);
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
                var customerIds = lines.Select(line => line.Order.CustomerId).Distinct().ToList();
                var customersById = db.Customers.Where(c => customerIds.Contains(c.Id)).ToLookup(c => c.Id);
                foreach (var line in lines)
                {
                    var customer = customersById[line.Order.CustomerId].FirstOrDefault();
                    Console.WriteLine(customer?.Name);
                }
            }
        }
        """));

    [Fact]
    public Task AnyAsyncByKeyWithToken_KeySet() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db, List<Customer> customers, CancellationToken ct)
            {
                foreach (var customer in customers)
                {
                    if (!await db.Orders.{|PERF010:AnyAsync|}(o => o.CustomerId == customer.Id, ct))
                    {
                        Console.WriteLine(customer.Name);
                    }
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
            async Task M(ShopContext db, List<Customer> customers, CancellationToken ct)
            {
                var ids = customers.Select(customer => customer.Id).Distinct().ToList();
                var customerIdsWithOrders = (await db.Orders.Where(o => ids.Contains(o.CustomerId)).Select(o => o.CustomerId).Distinct().ToListAsync(ct)).ToHashSet();
                foreach (var customer in customers)
                {
                    if (!customerIdsWithOrders.Contains(customer.Id))
                    {
                        Console.WriteLine(customer.Name);
                    }
                }
            }
        }
        """));

    [Fact]
    public Task CountByKey_GroupedCountsZeroWhenMissing() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, Customer[] customers)
            {
                foreach (var customer in customers)
                {
                    var count = db.Orders.{|PERF010:Count|}(o => o.CustomerId == customer.Id);
                    Console.WriteLine($"{customer.Name}: {count}");
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
            void M(ShopContext db, Customer[] customers)
            {
                var ids = customers.Select(customer => customer.Id).Distinct().ToList();
                var orderCountsByCustomerId = db.Orders.Where(o => ids.Contains(o.CustomerId)).GroupBy(o => o.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToLookup(g => g.Key, g => g.Count);
                foreach (var customer in customers)
                {
                    var count = orderCountsByCustomerId[customer.Id].Sum();
                    Console.WriteLine($"{customer.Name}: {count}");
                }
            }
        }
        """));

    [Fact]
    public Task NestedForeachOverWhere_LookupEnumerated() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

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
        """), EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Customer> customers)
            {
                var ids = customers.Select(c => c.Id).Distinct().ToList();
                var ordersByCustomerId = db.Orders.Where(o => ids.Contains(o.CustomerId)).ToLookup(o => o.CustomerId);
                foreach (var c in customers)
                {
                    foreach (var order in ordersByCustomerId[c.Id])
                    {
                        Console.WriteLine(order.Total);
                    }
                }
            }
        }
        """));

    [Fact]
    public Task CountInSelectLambdaMaterializedAtOnce_GroupedCountsBeforeStatement() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            List<int> M(ShopContext db, List<Customer> customers)
            {
                return customers.Select(c => db.Orders.{|PERF010:Count|}(o => o.CustomerId == c.Id)).ToList();
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            List<int> M(ShopContext db, List<Customer> customers)
            {
                var ids = customers.Select(c => c.Id).Distinct().ToList();
                var orderCountsByCustomerId = db.Orders.Where(o => ids.Contains(o.CustomerId)).GroupBy(o => o.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToLookup(g => g.Key, g => g.Count);
                return customers.Select(c => orderCountsByCustomerId[c.Id].Sum()).ToList();
            }
        }
        """));

    [Fact]
    public Task LazySelectLambdaNotMaterialized_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            IEnumerable<int> M(ShopContext db, List<Customer> customers)
            {
                var counts = customers.Select(c => db.Orders.{|PERF010:Count|}(o => o.CustomerId == c.Id));
                return counts;
            }
        }
        """));

    [Fact]
    public Task IncludeBeforeSingleOrDefault_BatchedQueryKeepsInclude() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db, List<OrderLine> lines)
            {
                foreach (var line in lines)
                {
                    var order = db.Orders.Include(o => o.Lines).AsNoTracking().{|PERF010:SingleOrDefault|}(o => o.Id == line.OrderId);
                    Console.WriteLine(order?.Lines.Count);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db, List<OrderLine> lines)
            {
                var orderIds = lines.Select(line => line.OrderId).Distinct().ToList();
                var ordersById = db.Orders.Include(o => o.Lines).AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToLookup(o => o.Id);
                foreach (var line in lines)
                {
                    var order = ordersById[line.OrderId].SingleOrDefault();
                    Console.WriteLine(order?.Lines.Count);
                }
            }
        }
        """));
}
