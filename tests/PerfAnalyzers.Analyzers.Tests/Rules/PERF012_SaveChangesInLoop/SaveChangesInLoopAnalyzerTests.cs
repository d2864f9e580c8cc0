using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.SaveChangesInLoopAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class SaveChangesInLoopAnalyzerTests
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

    private static Task Verify(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(EfCoreModel.With(Usings + source), expected);

    [Fact]
    public Task SaveChangesInForeach_DiagnosticWithRenderedCall() => Verify("""
        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    db.Orders.Add(order);
                    db.{|#0:SaveChanges|}();
                }
            }
        }
        """, VerifyCS.Diagnostic("PERF012").WithLocation(0).WithArguments("db.SaveChanges()"));

    [Fact]
    public Task SaveChangesAsyncInForLoop_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, Order[] orders, CancellationToken ct)
            {
                for (var i = 0; i < orders.Length; i++)
                {
                    orders[i].Total = 0;
                    await db.{|PERF012:SaveChangesAsync|}(ct);
                }
            }
        }
        """);

    [Fact]
    public Task SaveUnderItemCondition_Diagnostic() => Verify("""
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
        """);

    [Fact]
    public Task SaveInListForEachLambda_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                orders.ForEach(o =>
                {
                    db.Add(o);
                    db.{|PERF012:SaveChanges|}();
                });
            }
        }
        """);

    [Fact]
    public Task SaveInLocalFunctionCalledFromLoop_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    await StoreAsync(order);
                }

                async Task StoreAsync(Order order)
                {
                    db.Orders.Add(order);
                    await db.{|PERF012:SaveChangesAsync|}();
                }
            }
        }
        """);

    [Fact]
    public Task PerItemTryCatchInForeach_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    try
                    {
                        db.Add(order);
                        db.{|PERF012:SaveChanges|}();
                    }
                    catch (DbUpdateException ex)
                    {
                        Console.WriteLine(ex.Message);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task SaveAfterLoop_NoDiagnostic() => Verify("""
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
        """);

    [Fact]
    public Task BatchedSaveEveryHundredIterations_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<Order> orders)
            {
                for (var i = 0; i < orders.Count; i++)
                {
                    db.Orders.Add(orders[i]);
                    if (i % 100 == 0)
                    {
                        await db.SaveChangesAsync();
                    }
                }
                await db.SaveChangesAsync();
            }
        }
        """);

    [Fact]
    public Task BatchedSaveOnCounter_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, IEnumerable<Order> orders, int batchSize)
            {
                var pending = 0;
                foreach (var order in orders)
                {
                    db.Orders.Add(order);
                    pending++;
                    if (pending >= batchSize)
                    {
                        db.SaveChanges();
                        pending = 0;
                    }
                }
                db.SaveChanges();
            }
        }
        """);

    [Fact]
    public Task BatchedSaveOnChangeTrackerCount_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, IEnumerable<Order> orders)
            {
                foreach (var order in orders)
                {
                    db.Orders.Add(order);
                    if (db.ChangeTracker.Entries().Count() >= 1000)
                    {
                        db.SaveChanges();
                        db.ChangeTracker.Clear();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task RetryLoopBreakingOnSuccess_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db)
            {
                while (true)
                {
                    try
                    {
                        await db.SaveChangesAsync();
                        break;
                    }
                    catch (DbUpdateConcurrencyException ex)
                    {
                        foreach (var entry in ex.Entries)
                        {
                            entry.OriginalValues.SetValues(entry.GetDatabaseValues());
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task RetryForLoopReturningOnSuccess_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                for (var attempt = 1; attempt <= 3; attempt++)
                {
                    try
                    {
                        db.SaveChanges();
                        return;
                    }
                    catch (DbUpdateException) when (attempt < 3)
                    {
                        Thread.Sleep(100 * attempt);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task RetryLoopWithSuccessFlag_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var saved = false;
                while (!saved)
                {
                    try
                    {
                        db.SaveChanges();
                        saved = true;
                    }
                    catch (DbUpdateConcurrencyException)
                    {
                    }
                }
            }
        }
        """);

    [Fact]
    public Task LoopThatRunsOnce_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    db.Add(order);
                    db.SaveChanges();
                    return;
                }
            }
        }
        """);

    [Fact]
    public Task OwnUnitOfWorkSaveChanges_NoDiagnostic() => Verify("""
        class UnitOfWork
        {
            public int SaveChanges() => 0;
        }

        class C
        {
            void M(UnitOfWork unitOfWork, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    unitOfWork.SaveChanges();
                }
            }
        }
        """);

    [Fact]
    public Task LocalFunctionNotCalledInLoop_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, Order order)
            {
                Store(order);

                void Store(Order o)
                {
                    db.Add(o);
                    db.SaveChanges();
                }
            }
        }
        """);

    [Fact]
    public Task SaveOnContextInterfaceInLoop_Diagnostic() => Verify("""
        interface IShopContext
        {
            DbSet<Order> Orders { get; }
            Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
        }

        class C
        {
            async Task M(IShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    db.Orders.Add(order);
                    await db.{|PERF012:SaveChangesAsync|}();
                }
            }
        }
        """);

    [Fact]
    public Task SaveUnderEmptinessCheck_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    if (order.Lines.Count > 3)
                    {
                        db.{|PERF012:SaveChanges|}();
                    }
                    if (orders.Count == 0)
                    {
                        db.{|PERF012:SaveChanges|}();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task SavePerChunk_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<Order> orders)
            {
                foreach (var chunk in orders.Chunk(1000))
                {
                    db.Orders.AddRange(chunk);
                    await db.SaveChangesAsync();
                }
            }
        }
        """);

    [Fact]
    public Task SaveOncePerPollInCancellationLoop_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    var pending = await db.Orders.Where(o => o.Total == 0).Take(50).ToListAsync(stoppingToken);
                    foreach (var order in pending) order.Total = 1;
                    await db.SaveChangesAsync(stoppingToken);
                    await Task.Delay(5000, stoppingToken);
                }
            }
        }
        """);

    [Fact]
    public Task SavePerChannelMessage_NoDiagnostic() => Verify("""
        using System.Threading.Channels;
        class C
        {
            async Task M(ShopContext db, Channel<Order> channel, CancellationToken ct)
            {
                await foreach (var order in channel.Reader.ReadAllAsync(ct).WithCancellation(ct))
                {
                    db.Orders.Add(order);
                    await db.SaveChangesAsync(ct);
                }
            }
        }
        """);

    [Fact]
    public Task SavePerDrainedChannelBatch_NoDiagnostic() => Verify("""
        using System.Threading.Channels;
        class C
        {
            async Task M(ShopContext db, ChannelReader<Order> reader, CancellationToken ct)
            {
                while (await reader.WaitToReadAsync(ct))
                {
                    while (reader.TryRead(out var order))
                    {
                        db.Orders.Add(order);
                    }

                    await db.SaveChangesAsync(ct);
                }
            }
        }
        """);

    [Fact]
    public Task SavePerItemOfAsyncStream_Diagnostic() => Verify("""
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
        """);

    [Fact]
    public Task SavePerPageOfKeysetPaging_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, CancellationToken ct)
            {
                var lastId = 0;
                while (true)
                {
                    var page = await db.Orders.Where(o => o.Id > lastId).OrderBy(o => o.Id).Take(500).ToListAsync(ct);
                    if (page.Count == 0) break;
                    foreach (var order in page) order.Total *= 1.1m;
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    lastId = page[^1].Id;
                }
            }
        }
        """);

    [Fact]
    public Task SaveOfContextCreatedPerConcurrentItem_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(IDbContextFactory<ShopContext> factory, IEnumerable<Order> orders)
            {
                await Task.WhenAll(orders.Select(async order =>
                {
                    await using var db = await factory.CreateDbContextAsync();
                    db.Orders.Add(order);
                    await db.SaveChangesAsync();
                }));

                await Parallel.ForEachAsync(orders, async (order, ct) =>
                {
                    await using var db = await factory.CreateDbContextAsync(ct);
                    db.Orders.Update(order);
                    await db.SaveChangesAsync(ct);
                });
            }
        }
        """);

    [Fact]
    public Task SaveOfSharedContextInLambdaOrPerItemContextInLoop_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, IDbContextFactory<ShopContext> factory, IEnumerable<Order> orders)
            {
                foreach (var order in orders)
                {
                    using var own = factory.CreateDbContext();
                    own.Orders.Update(order);
                    own.{|PERF012:SaveChanges|}();
                }

                await Parallel.ForEachAsync(orders, async (order, ct) =>
                {
                    db.Orders.Add(order);
                    await db.{|PERF012:SaveChangesAsync|}(ct);
                });
            }
        }
        """);

    [Fact]
    public Task SaveInLoopOverFewInlineValues_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var name in new[] { "Books", "Games" })
                {
                    db.Add(new Category { Name = name });
                    db.SaveChanges();
                }
            }
        }
        """);

    [Fact]
    public Task SavePerItemInOwnTransaction_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<Order> orders, CancellationToken ct)
            {
                foreach (var order in orders)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    order.Total = 0;
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
            }
        }
        """);

    [Fact]
    public Task SavePerItemInConnectionTransaction_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, System.Data.Common.DbConnection connection, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    using var transaction = connection.BeginTransaction();
                    order.Total = 0;
                    db.SaveChanges();
                    transaction.Commit();
                }
            }
        }
        """);

    [Fact]
    public Task SavePerItemInTransactionScope_NoDiagnostic() => Verify("""
        using System.Transactions;
        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    using var scope = new TransactionScope();
                    order.Total = 0;
                    db.SaveChanges();
                    scope.Complete();
                }
            }
        }
        """);

    [Fact]
    public Task SavePerItemInUnitOfWorkTransaction_NoDiagnostic() => Verify("""
        using Microsoft.EntityFrameworkCore.Storage;
        interface IUnitOfWork
        {
            Task<IDbContextTransaction> BeginTransactionAsync(CancellationToken ct);
        }

        class C
        {
            async Task M(ShopContext db, IUnitOfWork unitOfWork, List<Order> orders, CancellationToken ct)
            {
                foreach (var order in orders)
                {
                    await using var transaction = await unitOfWork.BeginTransactionAsync(ct);
                    order.Total = 0;
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
            }
        }
        """);

    [Fact]
    public Task DomainBeginTransactionIsNoDatabaseTransaction_Diagnostic() => Verify("""
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
        """);

    [Fact]
    public Task SavePerItemInsideOneOuterTransaction_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<Order> orders, CancellationToken ct)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                foreach (var order in orders)
                {
                    order.Total = 0;
                    await db.{|PERF012:SaveChangesAsync|}(ct);
                }

                await transaction.CommitAsync(ct);
            }
        }
        """);

    [Fact]
    public Task SavePerValueOfStaticGetOnlyPropertyWithOwnContext_NoDiagnostic() => Verify("""
        class C
        {
            private static string[] Providers { get; } = { "SqlServer", "Sqlite", "InMemory" };

            void M()
            {
                foreach (var provider in Providers)
                {
                    using var db = new ShopContext();
                    db.Add(new Category { Name = provider });
                    db.SaveChanges();
                }
            }
        }
        """);

    [Fact]
    public Task SavePerValueOfSettableStaticProperty_Diagnostic() => Verify("""
        class C
        {
            public static string[] Providers { get; set; } = { "SqlServer", "Sqlite", "InMemory" };

            void M()
            {
                foreach (var provider in Providers)
                {
                    using var db = new ShopContext();
                    db.Add(new Category { Name = provider });
                    db.{|PERF012:SaveChanges|}();
                }
            }
        }
        """);
}
