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
    public Task ContinueBeforeAnyChange_MovedAfterLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
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
        """), EfCoreModel.With("""
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
                }
                db.SaveChanges();
            }
        }
        """));

    [Fact]
    public Task StatementsAfterSaveReadNoEntity_MovedAfterLoopWithItsComment() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            private readonly ShopContext _db = new();

            async Task<int> M(IEnumerable<string> names, CancellationToken ct)
            {
                var imported = 0;
                foreach (var name in names)
                {
                    _db.Categories.Add(new Category { Name = name });

                    // One row at a time.
                    await _db.{|PERF012:SaveChangesAsync|}(ct);
                    imported++;
                    Console.WriteLine($"Imported {name}");
                }

                return imported;
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            private readonly ShopContext _db = new();

            async Task<int> M(IEnumerable<string> names, CancellationToken ct)
            {
                var imported = 0;
                foreach (var name in names)
                {
                    _db.Categories.Add(new Category { Name = name });
                    imported++;
                    Console.WriteLine($"Imported {name}");
                }

                // One row at a time.
                await _db.SaveChangesAsync(ct);

                return imported;
            }
        }
        """));

    [Fact]
    public Task SaveInIfWithTheChanges_MovedAfterLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    if (order.Total > 100)
                    {
                        order.Total -= 10;
                        db.{|PERF012:SaveChanges|}();
                    }
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
                    if (order.Total > 100)
                    {
                        order.Total -= 10;
                    }
                }
                db.SaveChanges();
            }
        }
        """));

    [Fact]
    public Task SaveAloneInIf_IfRemoved() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders, List<string> names)
            {
                foreach (var name in names)
                {
                    db.Categories.Add(new Category { Name = name });
                    if (name.Length > 3)
                    {
                        db.{|PERF012:SaveChanges|}();
                    }

                    db.{|PERF012:SaveChanges|}();
                }
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders, List<string> names)
            {
                foreach (var name in names)
                {
                    db.Categories.Add(new Category { Name = name });
                }
                db.SaveChanges();
            }
        }
        """));

    [Fact]
    public Task TwoSavesInOneIteration_OneSaveAfterLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
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
                    db.Categories.Add(new Category { Name = "Imported" });
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
                    db.Categories.Add(new Category { Name = "Imported" });
                }
                db.SaveChanges();
            }
        }
        """));

    [Fact]
    public Task AwaitForeachOverAsyncStream_MovedAfterLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            async Task M(ShopContext db, IAsyncEnumerable<Order> orders, CancellationToken ct)
            {
                await foreach (var order in orders)
                {
                    db.Orders.Add(order);
                    await db.{|PERF012:SaveChangesAsync|}(ct);
                }
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            async Task M(ShopContext db, IAsyncEnumerable<Order> orders, CancellationToken ct)
            {
                await foreach (var order in orders)
                {
                    db.Orders.Add(order);
                }
                await db.SaveChangesAsync(ct);
            }
        }
        """));

    [Fact]
    public Task ListForEachLambda_MovedAfterCall() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                orders.ForEach(o =>
                {
                    if (o.Total == 0) return;
                    db.Add(o);
                    db.{|PERF012:SaveChanges|}();
                });
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                orders.ForEach(o =>
                {
                    if (o.Total == 0) return;
                    db.Add(o);
                });
                db.SaveChanges();
            }
        }
        """));

    [Fact]
    public Task SaveAlreadyAfterLoop_OnlyRemovedFromLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
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
                db.SaveChanges();
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
    public Task DomainTransactionPerItem_MovedAfterLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class Ledger
        {
            public void BeginTransaction(decimal amount) { }
        }

        class C
        {
            void M(ShopContext db, Ledger ledger, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    ledger.BeginTransaction(order.Total);
                    order.Total = 0;
                    db.{|PERF012:SaveChanges|}();
                }
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class Ledger
        {
            public void BeginTransaction(decimal amount) { }
        }

        class C
        {
            void M(ShopContext db, Ledger ledger, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    ledger.BeginTransaction(order.Total);
                    order.Total = 0;
                }
                db.SaveChanges();
            }
        }
        """));

    [Fact]
    public Task FixAll_TwoLoops_EachSavesOnceAfterIt() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            async Task M(ShopContext db, List<Order> orders, List<Product> products)
            {
                foreach (var order in orders)
                {
                    order.Total = 0;
                    await db.{|PERF012:SaveChangesAsync|}();
                }

                for (var i = 0; i < products.Count; i++)
                {
                    products[i].Name = products[i].Name.Trim();
                    db.{|PERF012:SaveChanges|}();
                }
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            async Task M(ShopContext db, List<Order> orders, List<Product> products)
            {
                foreach (var order in orders)
                {
                    order.Total = 0;
                }
                await db.SaveChangesAsync();

                for (var i = 0; i < products.Count; i++)
                {
                    products[i].Name = products[i].Name.Trim();
                }
                db.SaveChanges();
            }
        }
        """));

    [Fact]
    public Task BreakAfterSave_MovedAfterLoop() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names, int limit)
            {
                var count = 0;
                foreach (var name in names)
                {
                    db.Categories.Add(new Category { Name = name });
                    db.{|PERF012:SaveChanges|}();
                    if (++count == limit)
                    {
                        break;
                    }
                }
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names, int limit)
            {
                var count = 0;
                foreach (var name in names)
                {
                    db.Categories.Add(new Category { Name = name });
                    if (++count == limit)
                    {
                        break;
                    }
                }
                db.SaveChanges();
            }
        }
        """));

    [Fact]
    public Task EntityReadAfterSave_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
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
    public Task GeneratedKeyOfNewEntityCollected_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            List<int> M(ShopContext db, List<string> names)
            {
                var ids = new List<int>();
                foreach (var name in names)
                {
                    var category = new Category { Name = name };
                    db.Categories.Add(category);
                    db.{|PERF012:SaveChanges|}();
                    ids.Add(category.Id);
                }

                return ids;
            }
        }
        """));

    [Fact]
    public Task TryCatchAroundSavePerItem_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names)
            {
                foreach (var name in names)
                {
                    db.Categories.Add(new Category { Name = name });
                    try
                    {
                        db.{|PERF012:SaveChanges|}();
                    }
                    catch (DbUpdateException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
        }
        """));

    [Fact]
    public Task TryCatchAroundWholeBody_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names)
            {
                foreach (var name in names)
                {
                    try
                    {
                        db.Categories.Add(new Category { Name = name });
                        db.{|PERF012:SaveChanges|}();
                    }
                    catch (InvalidOperationException)
                    {
                        Console.WriteLine("skipped " + name);
                    }
                }
            }
        }
        """));

    [Fact]
    public Task ReturnAfterSave_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names, int limit)
            {
                var count = 0;
                foreach (var name in names)
                {
                    db.Categories.Add(new Category { Name = name });
                    db.{|PERF012:SaveChanges|}();
                    if (++count == limit)
                    {
                        return;
                    }
                }
            }
        }
        """));

    [Fact]
    public Task ContinueAfterUnsavedChange_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    order.Total = 0;
                    if (order.CustomerId == 0) continue;
                    db.{|PERF012:SaveChanges|}();
                }
            }
        }
        """));

    [Fact]
    public Task UnconditionalChangeConditionalSave_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    order.Total = 0;
                    if (order.Lines.Count > 3)
                    {
                        db.{|PERF012:SaveChanges|}();
                    }
                }
            }
        }
        """));

    [Fact]
    public Task ChangeThroughCollectionNavigationThenConditionalSave_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders, int productId)
            {
                foreach (var order in orders)
                {
                    order.Lines.Add(new OrderLine { ProductId = productId });
                    if (order.Total > 100)
                    {
                        db.{|PERF012:SaveChanges|}();
                    }
                }
            }
        }
        """));

    [Fact]
    public Task QueryBeforeSaveSeesEarlierItems_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names)
            {
                foreach (var name in names)
                {
                    if (!db.Categories.Any(c => c.Name == name))
                    {
                        db.Categories.Add(new Category { Name = name });
                    }

                    db.{|PERF012:SaveChanges|}();
                }
            }
        }
        """));

    [Fact]
    public Task ThrowInIteration_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<string> names)
            {
                foreach (var name in names)
                {
                    if (name.Length == 0) throw new FormatException("empty name");
                    db.Categories.Add(new Category { Name = name });
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
}
