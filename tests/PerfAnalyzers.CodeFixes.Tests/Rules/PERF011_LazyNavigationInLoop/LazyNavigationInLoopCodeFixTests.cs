using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.LazyNavigationInLoopAnalyzer, PerfAnalyzers.Rules.LazyNavigationInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class LazyNavigationInLoopCodeFixTests
{
    [Fact]
    public Task QueryAssignedToLocalBeforeLoop_IncludeAddedInPlace() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db)
            {
                var orders = await db.Orders
                    .Where(o => o.Total > 100)
                    .ToListAsync();
                foreach (var order in orders)
                {
                    Console.WriteLine(order.{|PERF011:Customer|}.Name);
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
            async Task M(ShopContext db)
            {
                var orders = await db.Orders.Include(o => o.Customer)
                    .Where(o => o.Total > 100)
                    .ToListAsync();
                foreach (var order in orders)
                {
                    Console.WriteLine(order.Customer.Name);
                }
            }
        }
        """));

    [Fact]
    public Task MissingUsing_AddedWithInclude() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                foreach (var order in db.Orders.Where(o => o.Total > 0))
                {
                    Console.WriteLine(order.{|PERF011:Lines|}.Count);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                foreach (var order in db.Orders.Include(o => o.Lines).Where(o => o.Total > 0))
                {
                    Console.WriteLine(order.Lines.Count);
                }
            }
        }
        """));

    [Fact]
    public Task NestedNavigation_ThenIncludeAdded() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.Include(o => o.Customer).ToList())
                {
                    Console.WriteLine(o.Customer.{|PERF011:Address|}.City);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.Include(o => o.Customer).ThenInclude(c => c.Address).ToList())
                {
                    Console.WriteLine(o.Customer.Address.City);
                }
            }
        }
        """));

    [Fact]
    public Task TwoNavigationsOfOneQuery_FixAllAddsBoth() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                var orders = db.Orders.ToList();
                foreach (var o in orders)
                {
                    Console.WriteLine(o.{|PERF011:Customer|}.Name + o.{|PERF011:Lines|}.Count);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                var orders = db.Orders.Include(o => o.Customer).Include(o => o.Lines).ToList();
                foreach (var o in orders)
                {
                    Console.WriteLine(o.Customer.Name + o.Lines.Count);
                }
            }
        }
        """));

    [Fact]
    public Task FromSqlQuery_IncludeAfterFromSql() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.FromSqlRaw("select * from Orders").ToList())
                {
                    Console.WriteLine(o.{|PERF011:Customer|}.Name);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.FromSqlRaw("select * from Orders").Include(o => o.Customer).ToList())
                {
                    Console.WriteLine(o.Customer.Name);
                }
            }
        }
        """));

    [Fact]
    public Task DbSetAssignedToVarLocal_NoFix() => VerifyCS.VerifyNoCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                var set = db.Orders;
                foreach (var o in set)
                {
                    Console.WriteLine(o.{|PERF011:Customer|}.Name);
                }
                set.Add(new Order());
            }
        }
        """));

    [Fact]
    public Task AwaitForeachOverSet_IncludeBeforeAsAsyncEnumerable() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Threading.Tasks;
        using Shop;

        class C
        {
            async Task M(ShopContext db)
            {
                await foreach (var o in db.Orders.AsAsyncEnumerable())
                {
                    Console.WriteLine(o.{|PERF011:Customer|}.Name);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db)
            {
                await foreach (var o in db.Orders.Include(o => o.Customer).AsAsyncEnumerable())
                {
                    Console.WriteLine(o.Customer.Name);
                }
            }
        }
        """));

    [Fact]
    public Task QueryableLocalInitializedWithSet_IncludeAdded() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db, bool big)
            {
                IQueryable<Order> query = db.Orders;
                if (big) query = query.Where(o => o.Total > 100);
                foreach (var o in query.ToList())
                {
                    Console.WriteLine(o.{|PERF011:Customer|}.Name);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db, bool big)
            {
                IQueryable<Order> query = db.Orders.Include(o => o.Customer);
                if (big) query = query.Where(o => o.Total > 100);
                foreach (var o in query.ToList())
                {
                    Console.WriteLine(o.Customer.Name);
                }
            }
        }
        """));

    [Fact]
    public Task ElementsByIndexAndElementAt_FixAllIncludesEachOnce() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            async Task M(ShopContext db)
            {
                var orders = await db.Orders.Where(o => o.Total > 100).ToListAsync();
                for (var i = 0; i < orders.Count; i++)
                {
                    var order = orders[i];
                    Console.WriteLine(order.{|PERF011:Customer|}.Name);
                    Console.WriteLine(orders.ElementAt(i).{|PERF011:Lines|}.Count);
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
            async Task M(ShopContext db)
            {
                var orders = await db.Orders.Include(o => o.Customer).Include(o => o.Lines).Where(o => o.Total > 100).ToListAsync();
                for (var i = 0; i < orders.Count; i++)
                {
                    var order = orders[i];
                    Console.WriteLine(order.Customer.Name);
                    Console.WriteLine(orders.ElementAt(i).Lines.Count);
                }
            }
        }
        """));

    [Fact]
    public Task EnumeratorCurrentInMoveNextLoop_IncludeAdded() => VerifyCS.VerifyCodeFixAsync(EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                using var enumerator = db.Orders.Where(o => o.Total > 0).GetEnumerator();
                while (enumerator.MoveNext())
                {
                    var order = enumerator.Current;
                    Console.WriteLine(order.{|PERF011:Customer|}.Name);
                }
            }
        }
        """), EfCoreModel.With("""
        using System;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        class C
        {
            void M(ShopContext db)
            {
                using var enumerator = db.Orders.Include(o => o.Customer).Where(o => o.Total > 0).GetEnumerator();
                while (enumerator.MoveNext())
                {
                    var order = enumerator.Current;
                    Console.WriteLine(order.Customer.Name);
                }
            }
        }
        """));
}
