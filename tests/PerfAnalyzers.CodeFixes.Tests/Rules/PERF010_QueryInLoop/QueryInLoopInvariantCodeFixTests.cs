using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.QueryInLoopAnalyzer, PerfAnalyzers.Rules.QueryInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class QueryInLoopInvariantCodeFixTests
{
    [Fact]
    public Task CountAsyncNotDependingOnLoop_RunOnceBeforeLoopWithToken() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db, List<Customer> customers, decimal threshold, CancellationToken ct)
            {
                foreach (var customer in customers)
                {
                    var bigOrders = await db.Orders.{|PERF010:CountAsync|}(o => o.Total > threshold, ct);
                    Console.WriteLine($"{customer.Name}: {bigOrders}");
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
            async Task M(ShopContext db, List<Customer> customers, decimal threshold, CancellationToken ct)
            {
                var ordersCount = await db.Orders.CountAsync(o => o.Total > threshold, ct);
                foreach (var customer in customers)
                {
                    var bigOrders = ordersCount;
                    Console.WriteLine($"{customer.Name}: {bigOrders}");
                }
            }
        }
        """));

    [Fact]
    public Task InvariantAnyInNestedLoops_RunOnceBeforeOuterLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Customer> customers, int[] days)
            {
                foreach (var customer in customers)
                {
                    for (var d = 0; d < days.Length; d++)
                    {
                        if (db.Products.{|PERF010:Any|}(p => p.Name == "gift"))
                        {
                            Console.WriteLine(customer.Name + days[d]);
                        }
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
            void M(ShopContext db, List<Customer> customers, int[] days)
            {
                var anyProducts = db.Products.Any(p => p.Name == "gift");
                foreach (var customer in customers)
                {
                    for (var d = 0; d < days.Length; d++)
                    {
                        if (anyProducts)
                        {
                            Console.WriteLine(customer.Name + days[d]);
                        }
                    }
                }
            }
        }
        """));

    [Fact]
    public Task InvariantQueryWithSaveChangesInLoop_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names)
            {
                foreach (var name in names)
                {
                    var count = db.Customers.{|PERF010:Count|}();
                    db.Customers.Add(new Customer { Name = name + count });
                    db.SaveChanges();
                }
            }
        }
        """));

    [Fact]
    public Task QueryReadsVariableAssignedInLoop_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<decimal> steps)
            {
                var floor = 0m;
                foreach (var step in steps)
                {
                    floor += step;
                    Console.WriteLine(db.Orders.{|PERF010:Count|}(o => o.Total > floor));
                }
            }
        }
        """));

    [Fact]
    public Task LoopCallsOwnMethod_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names)
            {
                foreach (var name in names)
                {
                    var count = db.Customers.{|PERF010:Count|}();
                    Import(name, count);
                }
            }

            void Import(string name, int count) { }
        }
        """));

    [Fact]
    public Task InvariantFirstThatThrowsWhenEmpty_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names)
            {
                foreach (var name in names)
                {
                    var first = db.Products.{|PERF010:First|}();
                    Console.WriteLine(name + first.Name);
                }
            }
        }
        """));
}
