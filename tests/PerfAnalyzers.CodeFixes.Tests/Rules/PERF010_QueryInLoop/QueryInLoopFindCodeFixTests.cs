using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.QueryInLoopAnalyzer, PerfAnalyzers.Rules.QueryInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class QueryInLoopFindCodeFixTests
{
    [Fact]
    public Task FindByLoopVariableMember_BatchedTrackingLookup() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    var customer = db.Customers.{|PERF010:Find|}(order.CustomerId);
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
            void M(ShopContext db, List<Order> orders)
            {
                var customerIds = orders.Select(order => order.CustomerId).Distinct().ToList();
                var customersById = db.Customers.Where(c => customerIds.Contains(c.Id)).AsTracking().ToLookup(c => c.Id);
                foreach (var order in orders)
                {
                    var customer = customersById[order.CustomerId].FirstOrDefault();
                    Console.WriteLine(customer?.Name);
                }
            }
        }
        """));

    [Fact]
    public Task FindAsyncWithTokenInCountingForLoop_BatchedLookup() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            async Task<decimal> M(ShopContext db, IReadOnlyList<int> customerIds, CancellationToken ct)
            {
                var named = 0;
                for (var i = 0; i < customerIds.Count; i++)
                {
                    var customer = await db.Customers.{|PERF010:FindAsync|}(new object[] { customerIds[i] }, ct);
                    if (customer?.Name != null) named++;
                }

                return named;
            }
        }
        """), EfCoreModel.With("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task<decimal> M(ShopContext db, IReadOnlyList<int> customerIds, CancellationToken ct)
            {
                var named = 0;
                var ids = customerIds.Distinct().ToList();
                var customersById = (await db.Customers.Where(c => ids.Contains(c.Id)).AsTracking().ToListAsync(ct)).ToLookup(c => c.Id);
                for (var i = 0; i < customerIds.Count; i++)
                {
                    var customer = customersById[customerIds[i]].FirstOrDefault();
                    if (customer?.Name != null) named++;
                }

                return named;
            }
        }
        """));

    [Fact]
    public Task FindWithAddInLoopBody_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    var customer = db.Customers.{|PERF010:Find|}(order.CustomerId);
                    if (customer == null)
                    {
                        db.Customers.Add(new Customer { Id = order.CustomerId });
                    }
                }
            }
        }
        """));

    [Fact]
    public Task FindOnCompositeKey_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using Microsoft.EntityFrameworkCore;

        class Stock
        {
            [Key] public int WarehouseId { get; set; }
            [Key] public int ProductId { get; set; }
        }

        class StockContext : DbContext
        {
            public DbSet<Stock> Stock { get; set; }
        }

        class C
        {
            void M(StockContext db, List<int> productIds)
            {
                foreach (var id in productIds)
                {
                    var row = db.Stock.{|PERF010:Find|}(id);
                }
            }
        }
        """);

    [Fact]
    public Task FindOnKeyConfiguredWithHasKey_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.Collections.Generic;
        using Microsoft.EntityFrameworkCore;

        class Tag
        {
            public int Id { get; set; }
            public int Code { get; set; }
        }

        class TagContext : DbContext
        {
            public DbSet<Tag> Tags { get; set; }

            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Tag>().HasKey(t => t.Code);
        }

        class C
        {
            void M(TagContext db, List<int> codes)
            {
                foreach (var code in codes)
                {
                    var tag = db.Tags.{|PERF010:Find|}(code);
                }
            }
        }
        """);

    [Fact]
    public Task FindByKeyAttribute_BatchedOnThatProperty() => VerifyCS.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using Microsoft.EntityFrameworkCore;

        class Tag
        {
            public int Id { get; set; }
            [Key] public int Code { get; set; }
        }

        class TagContext : DbContext
        {
            public DbSet<Tag> Tags { get; set; }
        }

        class C
        {
            void M(TagContext db, int[] codes)
            {
                foreach (var code in codes)
                {
                    var tag = db.Tags.{|PERF010:Find|}(code);
                }
            }
        }
        """, """
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;

        class Tag
        {
            public int Id { get; set; }
            [Key] public int Code { get; set; }
        }

        class TagContext : DbContext
        {
            public DbSet<Tag> Tags { get; set; }
        }

        class C
        {
            void M(TagContext db, int[] codes)
            {
                var codes2 = codes.Distinct().ToList();
                var tagsByCode = db.Tags.Where(t => codes2.Contains(t.Code)).AsTracking().ToLookup(t => t.Code);
                foreach (var code in codes)
                {
                    var tag = tagsByCode[code].FirstOrDefault();
                }
            }
        }
        """);

    [Fact]
    public Task FindWithKeyOfOtherType_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System.Collections.Generic;
        using Shop;

        class C
        {
            void M(ShopContext db, List<long> ids)
            {
                foreach (var id in ids)
                {
                    var customer = db.Customers.{|PERF010:Find|}(id);
                }
            }
        }
        """));
}
