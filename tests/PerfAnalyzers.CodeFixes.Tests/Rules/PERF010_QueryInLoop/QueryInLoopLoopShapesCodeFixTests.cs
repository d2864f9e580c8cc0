using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.QueryInLoopAnalyzer, PerfAnalyzers.Rules.QueryInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

/// <summary>Which loops the batched fix reads keys from, how it names what it adds, and the loops it leaves alone.</summary>
public class QueryInLoopLoopShapesCodeFixTests
{
    [Fact]
    public Task WhereToListAsyncInCountingForLoop_LookupToList() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
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
                for (var i = 0; i < customers.Count; i++)
                {
                    List<Order> orders = await db.Orders.Where(o => o.CustomerId == customers[i].Id).{|PERF010:ToListAsync|}(ct);
                    Console.WriteLine(orders.Count);
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
                var ids = customers.Select(item => item.Id).Distinct().ToList();
                var ordersByCustomerId = (await db.Orders.Where(o => ids.Contains(o.CustomerId)).ToListAsync(ct)).ToLookup(o => o.CustomerId);
                for (var i = 0; i < customers.Count; i++)
                {
                    List<Order> orders = ordersByCustomerId[customers[i].Id].ToList();
                    Console.WriteLine(orders.Count);
                }
            }
        }
        """));

    [Fact]
    public Task NullableKey_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders, List<Order> others)
            {
                foreach (var order in orders)
                {
                    var sameShipper = db.Orders.Where(o => o.ShipperId == order.ShipperId).{|PERF010:ToList|}();
                }
            }
        }
        """));

    [Fact]
    public Task DeconstructingForeach_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<(int CustomerId, string Note)> notes)
            {
                foreach (var (customerId, note) in notes)
                {
                    var customer = db.Customers.{|PERF010:FirstOrDefault|}(c => c.Id == customerId);
                }
            }
        }
        """));

    [Fact]
    public Task IndexChangedInForBody_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<int> ids)
            {
                for (var i = 0; i < ids.Count; i++)
                {
                    var customer = db.Customers.{|PERF010:FirstOrDefault|}(c => c.Id == ids[i]);
                    if (customer == null) i++;
                }
            }
        }
        """));

    [Fact]
    public Task LookupInsideTryCatchInLoop_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    try
                    {
                        var customer = db.Customers.{|PERF010:Single|}(c => c.Id == order.CustomerId);
                    }
                    catch (InvalidOperationException)
                    {
                        Console.WriteLine(order.Id);
                    }
                }
            }
        }
        """));

    [Fact]
    public Task TwoLoopsInOneMethod_FixAllPicksDistinctNames() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders, List<Invoice> invoices)
            {
                foreach (var order in orders)
                {
                    var customer = db.Customers.{|PERF010:FirstOrDefault|}(c => c.Id == order.CustomerId);
                    Console.WriteLine(customer?.Name);
                }

                foreach (var invoice in invoices)
                {
                    var customer = db.Customers.{|PERF010:Find|}(invoice.Customer.Id);
                    Console.WriteLine(customer?.Name);
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
            void M(ShopContext db, List<Order> orders, List<Invoice> invoices)
            {
                var customerIds = orders.Select(order => order.CustomerId).Distinct().ToList();
                var customersById = db.Customers.Where(c => customerIds.Contains(c.Id)).ToLookup(c => c.Id);
                foreach (var order in orders)
                {
                    var customer = customersById[order.CustomerId].FirstOrDefault();
                    Console.WriteLine(customer?.Name);
                }

                var ids = invoices.Select(invoice => invoice.Customer.Id).Distinct().ToList();
                var customersById2 = db.Customers.Where(c => ids.Contains(c.Id)).AsTracking().ToLookup(c => c.Id);
                foreach (var invoice in invoices)
                {
                    var customer = customersById2[invoice.Customer.Id].FirstOrDefault();
                    Console.WriteLine(customer?.Name);
                }
            }
        }
        """));

    [Fact]
    public Task ForeachOverAwaitedList_ListStoredOnceThenBatched() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db, CancellationToken ct)
            {
                // Big orders only.
                foreach (var order in await db.Orders.Where(o => o.Total > 100).ToListAsync(ct))
                {
                    var customer = await db.Customers.{|PERF010:SingleAsync|}(c => c.Id == order.CustomerId, ct);
                    Console.WriteLine(customer.Name);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db, CancellationToken ct)
            {
                // Big orders only.
                var orders = await db.Orders.Where(o => o.Total > 100).ToListAsync(ct);
                var customerIds = orders.Select(order => order.CustomerId).Distinct().ToList();
                var customersById = (await db.Customers.Where(c => customerIds.Contains(c.Id)).ToListAsync(ct)).ToLookup(c => c.Id);
                foreach (var order in orders)
                {
                    var customer = customersById[order.CustomerId].Single();
                    Console.WriteLine(customer.Name);
                }
            }
        }
        """));

    [Fact]
    public Task ForeachOverLazySequenceCall_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders.Where(o => o.Total > 100))
                {
                    var customer = db.Customers.{|PERF010:FirstOrDefault|}(c => c.Id == order.CustomerId);
                }
            }
        }
        """));
}
