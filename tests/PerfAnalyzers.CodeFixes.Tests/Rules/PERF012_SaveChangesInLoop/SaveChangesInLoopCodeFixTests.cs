using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.SaveChangesInLoopAnalyzer, PerfAnalyzers.Rules.SaveChangesInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class SaveChangesInLoopCodeFixTests
{
    [Fact]
    public Task SaveLastInForeachBody_MovedAfterLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    db.Orders.Add(order);
                    db.{|PERF012:SaveChanges|}();
                }
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    db.Orders.Add(order);
                }
                db.SaveChanges();
            }
        }
        """));

    [Fact]
    public Task AwaitedSaveWithTokenInForLoop_MovedAfterLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Threading;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            async Task M(ShopContext db, Order[] orders, CancellationToken ct)
            {
                for (var i = 0; i < orders.Length; i++)
                {
                    orders[i].Total = 0;
                    await db.{|PERF012:SaveChangesAsync|}(ct).ConfigureAwait(false);
                }

                return;
            }
        }
        """), EfCoreModel.With("""
        using System.Threading;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            async Task M(ShopContext db, Order[] orders, CancellationToken ct)
            {
                for (var i = 0; i < orders.Length; i++)
                {
                    orders[i].Total = 0;
                }
                await db.SaveChangesAsync(ct).ConfigureAwait(false);

                return;
            }
        }
        """));

    [Fact]
    public Task SaveNotLastStatement_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    db.Orders.Add(order);
                    db.{|PERF012:SaveChanges|}();
                    Console.WriteLine(order.Id);
                }
            }
        }
        """));

    [Fact]
    public Task LoopWithContinue_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    if (order.Total == 0) continue;
                    db.Orders.Add(order);
                    db.{|PERF012:SaveChanges|}();
                }
            }
        }
        """));

    [Fact]
    public Task ContextCreatedInsideLoop_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(List<Order> orders)
            {
                foreach (var order in orders)
                {
                    using var db = new ShopContext();
                    db.Orders.Add(order);
                    db.{|PERF012:SaveChanges|}();
                }
            }
        }
        """));

    [Fact]
    public Task SaveInsideIf_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    if (order.Total > 0)
                    {
                        db.{|PERF012:SaveChanges|}();
                    }
                }
            }
        }
        """));
}
