using Microsoft.CodeAnalysis.Testing;
using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.LazyNavigationInLoopAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class LazyNavigationInLoopAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        """;

    private static Task Verify(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(EfCoreModel.With(Usings + source), expected);

    [Fact]
    public Task VirtualReferenceReadInLoopOverQueryLocal_DiagnosticNamingSource() => Verify("""
        class C
        {
            async Task M(ShopContext db)
            {
                var orders = await db.Orders.Where(o => o.Total > 100).ToListAsync();
                foreach (var o in orders)
                {
                    Console.WriteLine(o.{|#0:Customer|}.Name);
                }
            }
        }
        """, VerifyCS.Diagnostic("PERF011").WithLocation(0).WithArguments("Customer", "orders").WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));

    [Fact]
    public Task VirtualCollectionReadInForeachOverQuery_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.Where(o => o.Total > 0))
                {
                    Console.WriteLine(o.{|PERF011:Lines|}.Count);
                }
            }
        }
        """);

    [Fact]
    public Task NavigationReadInSelectOverMaterializedQuery_Diagnostic() => Verify("""
        class C
        {
            List<string> M(ShopContext db) =>
                db.Orders.ToList().Select(o => o.{|PERF011:Customer|}.Name).ToList();
        }
        """);

    [Fact]
    public Task NavigationReadInListForEach_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var orders = db.Orders.ToList();
                orders.ForEach(o => Console.WriteLine(o.{|PERF011:Customer|}.Name));
            }
        }
        """);

    [Fact]
    public Task NestedNavigationWithIncludedParent_DiagnosticOnChild() => Verify("""
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
        """);

    [Fact]
    public Task NestedLoopOverCollectionNavigation_DiagnosticOnInnerNavigation() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.Include(o => o.Lines).ToList())
                {
                    foreach (var line in o.Lines)
                    {
                        Console.WriteLine(line.{|PERF011:Product|}.Name);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task LazyLoaderEntityNavigation_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var invoice in db.Invoices.ToList())
                {
                    Console.WriteLine(invoice.{|PERF011:Customer|}.Name);
                }
            }
        }
        """);

    [Fact]
    public Task IncludedByLambda_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db)
            {
                var orders = await db.Orders.Include(o => o.Customer).ThenInclude(c => c.Address).ToListAsync();
                foreach (var o in orders)
                {
                    Console.WriteLine(o.Customer.Name + o.Customer.Address.City);
                }
            }
        }
        """);

    [Fact]
    public Task IncludedByStringPath_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.Include("Customer.Address").ToList())
                {
                    Console.WriteLine(o.Customer.Address.City);
                }
            }
        }
        """);

    [Fact]
    public Task FilteredInclude_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.Include(o => o.Lines.Where(l => l.ProductId > 0)).ToList())
                {
                    Console.WriteLine(o.Lines.Count);
                }
            }
        }
        """);

    [Fact]
    public Task AutoIncludedNavigation_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var p in db.Products.ToList())
                {
                    Console.WriteLine(p.Featured.Name);
                }
            }
        }
        """);

    [Fact]
    public Task AutoIncludedNavigationWithIgnoreAutoIncludes_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var p in db.Products.IgnoreAutoIncludes().ToList())
                {
                    Console.WriteLine(p.{|PERF011:Featured|}.Name);
                }
            }
        }
        """);

    [Fact]
    public Task NonVirtualNavigation_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var p in db.Products.ToList())
                {
                    Console.WriteLine(p.Category.Name);
                }
            }
        }
        """);

    [Fact]
    public Task NoTrackingQuery_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.AsNoTracking().ToList())
                {
                    Console.WriteLine(o.Customer.Name);
                }
            }
        }
        """);

    [Fact]
    public Task LoopGuardedWithIsLoaded_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var o in db.Orders.ToList())
                {
                    if (db.Entry(o).Reference(x => x.Customer).IsLoaded)
                    {
                        Console.WriteLine(o.Customer.Name);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task SourceIsNotAnEfQuery_NoDiagnostic() => Verify("""
        class C
        {
            void M(List<Order> orders)
            {
                foreach (var o in orders)
                {
                    Console.WriteLine(o.Customer.Name);
                }
            }
        }
        """);

    [Fact]
    public Task ProjectionQuery_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var c in db.Orders.Select(o => o.Customer).ToList())
                {
                    Console.WriteLine(c.Address.City);
                }
            }
        }
        """);

    [Fact]
    public Task NavigationAssignedNotRead_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, Customer customer)
            {
                foreach (var o in db.Orders.ToList())
                {
                    o.Customer = customer;
                }
            }
        }
        """);

    [Fact]
    public Task NavigationReadInsideQueryableLambda_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var names = db.Orders.Where(o => o.Customer.Name != null).Select(o => o.Customer.Name).ToList();
            }
        }
        """);

    [Fact]
    public Task ReassignedSourceLocal_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, List<Order> cached)
            {
                var orders = db.Orders.ToList();
                if (cached != null) orders = cached;
                foreach (var o in orders)
                {
                    Console.WriteLine(o.Customer.Name);
                }
            }
        }
        """);

    [Fact]
    public Task AutoIncludeInEntityTypeConfiguration_NoDiagnostic() => Verify("""
        class CustomerConfiguration : IEntityTypeConfiguration<Customer>
        {
            public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Customer> builder)
            {
                builder.Navigation(c => c.Address).AutoInclude();
            }
        }

        class C
        {
            void M(ShopContext db)
            {
                foreach (var c in db.Customers.ToList())
                {
                    Console.WriteLine(c.Address.City);
                }
            }
        }
        """);

    [Fact]
    public Task NavigationReadInAwaitForeachOverQuery_Diagnostic() => Verify("""
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
        """);

    [Fact]
    public Task NavigationOfLoopOverSetOfTLocalQuery_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db)
            {
                IQueryable<Order> query = db.Set<Order>();
                query = query.Where(o => o.Total > 0);
                var list = await query.ToListAsync();
                list.ForEach(o => Console.WriteLine(o.{|PERF011:Lines|}.Count));
            }
        }
        """);

    [Fact]
    public Task QueryLocalReassignedWithAsNoTracking_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, bool readOnly)
            {
                IQueryable<Order> query = db.Orders;
                if (readOnly) query = query.AsNoTracking();
                foreach (var o in query.ToList())
                {
                    Console.WriteLine(o.Customer.Name);
                }
            }
        }
        """);

    [Fact]
    public Task InverseNavigationOfIncludedCollection_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                foreach (var c in db.Customers.Include(c => c.Orders).ThenInclude(o => o.Lines).ToList())
                {
                    foreach (var o in c.Orders)
                    {
                        Console.WriteLine(o.Customer.Name);
                        foreach (var line in o.Lines)
                        {
                            Console.WriteLine(line.Order.Total + line.{|PERF011:Product|}.Name);
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task NotMappedNavigation_NoDiagnostic() => Verify("""
        using System.ComponentModel.DataAnnotations.Schema;
        public class Ticket
        {
            public int Id { get; set; }
            public virtual Customer Owner { get; set; }
            [NotMapped] public virtual Customer Cached { get; set; }
        }

        public class TicketContext : DbContext
        {
            public DbSet<Ticket> Tickets { get; set; }
            public DbSet<Customer> Customers { get; set; }
        }

        class C
        {
            void M(TicketContext db)
            {
                foreach (var t in db.Tickets.ToList())
                {
                    Console.WriteLine(t.Cached.Name + t.{|PERF011:Owner|}.Name);
                }
            }
        }
        """);

    [Fact]
    public Task QueryRootedInContextMemberThatIncludes_NoDiagnostic() => Verify("""
        public class DetailsContext : ShopContext
        {
            public IQueryable<Order> OrdersWithCustomer() => Orders.Include(o => o.Customer);
            public IQueryable<Order> OrdersWithCustomerView => Orders.Include(o => o.Customer);
            public IQueryable<Order> BigOrders => Orders.Where(o => o.Total > 1000);
        }

        class C
        {
            async Task M(DetailsContext db)
            {
                foreach (var o in await db.OrdersWithCustomer().ToListAsync())
                {
                    Console.WriteLine(o.Customer.Name);
                }

                foreach (var o in db.OrdersWithCustomerView.Where(o => o.Total > 0).ToList())
                {
                    Console.WriteLine(o.Customer.Name);
                }

                foreach (var o in db.BigOrders.ToList())
                {
                    Console.WriteLine(o.{|PERF011:Customer|}.Name);
                }
            }
        }
        """);

    [Fact]
    public Task ElementByIndexIntoLocalInForLoop_Diagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db)
            {
                var orders = await db.Orders.Where(o => o.Total > 100).ToListAsync();
                for (var i = 0; i < orders.Count; i++)
                {
                    var order = orders[i];
                    Console.WriteLine(order.{|PERF011:Customer|}.Name);
                }
            }
        }
        """);

    [Fact]
    public Task ElementByIndexReadDirectly_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var orders = db.Orders.ToArray();
                for (var i = 0; i < orders.Length; i++)
                {
                    Console.WriteLine(orders[i].{|PERF011:Customer|}.Name);
                }
            }
        }
        """);

    [Fact]
    public Task ElementAtCounter_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var orders = db.Orders.ToList();
                for (var i = 0; i < orders.Count; i++)
                {
                    Console.WriteLine(orders.ElementAt(i).{|PERF011:Lines|}.Count);
                }
            }
        }
        """);

    [Fact]
    public Task NavigationReadInListForEachBlockLambda_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var orders = db.Orders.ToList();
                orders.ForEach(o =>
                {
                    var name = o.{|PERF011:Customer|}.Name;
                    Console.WriteLine(name);
                });
            }
        }
        """);

    [Fact]
    public Task EnumeratorCurrentInMoveNextLoop_Diagnostic() => Verify("""
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
        """);

    [Fact]
    public Task EnumeratorCurrentReadDirectly_Diagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var orders = db.Orders.ToList();
                using var enumerator = orders.GetEnumerator();
                while (enumerator.MoveNext())
                {
                    Console.WriteLine(enumerator.Current.{|PERF011:Customer|}.Name);
                }
            }
        }
        """);

    [Fact]
    public Task ElementByIndexOfIncludedQuery_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var orders = db.Orders.Include(o => o.Customer).ToList();
                for (var i = 0; i < orders.Count; i++)
                {
                    Console.WriteLine(orders[i].Customer.Name);
                }
            }
        }
        """);

    [Fact]
    public Task SameElementByConstantIndexInLoop_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, int rounds)
            {
                var orders = db.Orders.ToList();
                for (var i = 0; i < rounds; i++)
                {
                    Console.WriteLine(orders[0].Customer.Name);
                }
            }
        }
        """);

    [Fact]
    public Task ElementByIndexOfNonQueryList_NoDiagnostic() => Verify("""
        class C
        {
            void M(List<Order> orders)
            {
                for (var i = 0; i < orders.Count; i++)
                {
                    var order = orders[i];
                    Console.WriteLine(order.Customer.Name);
                }
            }
        }
        """);

    [Fact]
    public Task ElementByIndexOfNoTrackingQuery_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var orders = db.Orders.AsNoTracking().ToList();
                for (var i = 0; i < orders.Count; i++)
                {
                    Console.WriteLine(orders[i].Customer.Name);
                }
            }
        }
        """);

    [Fact]
    public Task ElementByIndexNonVirtualNavigation_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db)
            {
                var products = db.Products.ToList();
                for (var i = 0; i < products.Count; i++)
                {
                    Console.WriteLine(products[i].Category.Name);
                }
            }
        }
        """);

    [Fact]
    public Task EnumeratorOfOtherLoopVariable_NoDiagnostic() => Verify("""
        class C
        {
            void M(ShopContext db, IEnumerator<int> ticks)
            {
                using var enumerator = db.Orders.AsEnumerable().GetEnumerator();
                enumerator.MoveNext();
                var first = enumerator.Current;
                while (ticks.MoveNext())
                {
                    Console.WriteLine(first.Customer.Name);
                }
            }
        }
        """);
}
