using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.QueryThroughCallInLoopAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

/// <summary>Look-alikes PERF013 stays quiet on: unknown targets, conditional or deferred round trips, intended loops.</summary>
public class QueryThroughCallInLoopExemptionTests
{
    private static Task Verify(string source) => VerifyCS.VerifyAnalyzerAsync(LayeredShop.With(source));

    private static Task VerifyAlone(string source) => VerifyCS.VerifyAnalyzerAsync(LayeredShop.Alone(source));

    [Fact]
    public Task InterfaceWithTwoImplementations_NoDiagnostic() => VerifyAlone("""
        interface IPriceSource
        {
            Task<decimal> PriceAsync(int productId);
        }

        class DatabasePrices : IPriceSource
        {
            private readonly ShopContext _db;
            public DatabasePrices(ShopContext db) => _db = db;
            public Task<decimal> PriceAsync(int productId) => _db.Orders.Where(o => o.Id == productId).SumAsync(o => o.Total);
        }

        class FixedPrices : IPriceSource
        {
            public Task<decimal> PriceAsync(int productId) => Task.FromResult(1m);
        }

        class C
        {
            async Task M(IPriceSource prices, int[] ids)
            {
                foreach (var id in ids)
                {
                    await prices.PriceAsync(id);
                }
            }
        }
        """);

    [Fact]
    public Task VirtualMethodOverriddenOnce_NoDiagnostic() => VerifyAlone("""
        class Prices
        {
            protected readonly ShopContext Db;
            public Prices(ShopContext db) => Db = db;
            public virtual decimal Price(int id) => Db.Orders.Where(o => o.Id == id).Sum(o => o.Total);
        }

        class DiscountPrices : Prices
        {
            public DiscountPrices(ShopContext db) : base(db) { }
            public override decimal Price(int id) => 0m;
        }

        class C
        {
            void M(Prices prices, int[] ids)
            {
                foreach (var id in ids)
                {
                    prices.Price(id);
                }
            }
        }
        """);

    [Fact]
    public Task CalleeReturnsIQueryable_NoDiagnostic() => Verify("""
        class C
        {
            void M(ICustomerRepository repository, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    var query = repository.Active().Where(c => c.Id == order.CustomerId);
                }
            }
        }
        """);

    [Fact]
    public Task QueryWrittenInLoop_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    await db.Customers.FirstOrDefaultAsync(c => c.Id == order.CustomerId);
                }
            }
        }
        """);

    [Fact]
    public Task SaveChangesOverrideCalledInLoop_NoDiagnostic() => VerifyAlone("""
        class AuditedContext : ShopContext
        {
            public override int SaveChanges() => base.SaveChanges();
        }

        class C
        {
            void M(AuditedContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    db.Orders.Add(order);
                    db.SaveChanges();
                }
            }
        }
        """);

    [Fact]
    public Task SaveInLocalFunctionCalledInLoop_NoDiagnostic() => VerifyAlone("""
        class C
        {
            void M(ShopContext db, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    Save(order);
                }

                void Save(Order order)
                {
                    db.Orders.Add(order);
                    db.SaveChanges();
                }
            }
        }
        """);

    [Fact]
    public Task QueryUnderConditionOtherThanCache_NoDiagnostic() => VerifyAlone("""
        class Refresher
        {
            private readonly ShopContext _db;
            public Refresher(ShopContext db) => _db = db;

            public async Task RefreshAsync(Order order)
            {
                if (order.Total > 100)
                {
                    order.Customer = await _db.Customers.FindAsync(order.CustomerId);
                }
            }
        }

        class C
        {
            async Task M(Refresher refresher, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    await refresher.RefreshAsync(order);
                }
            }
        }
        """);

    [Fact]
    public Task QueryAfterGuardReturn_NoDiagnostic() => VerifyAlone("""
        class Finder
        {
            private readonly ShopContext _db;
            public Finder(ShopContext db) => _db = db;

            public async Task<Customer> FindAsync(Order order)
            {
                if (order.Customer is not null)
                {
                    return order.Customer;
                }

                return await _db.Customers.FindAsync(order.CustomerId);
            }
        }

        class C
        {
            async Task M(Finder finder, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    await finder.FindAsync(order);
                }
            }
        }
        """);

    [Fact]
    public Task QueryInsideCalleeLoopOnly_NoDiagnostic() => VerifyAlone("""
        class Loader
        {
            private readonly ShopContext _db;
            public Loader(ShopContext db) => _db = db;

            public void Load(List<int> ids)
            {
                foreach (var id in ids)
                {
                    _db.Orders.Find(id);
                }
            }
        }

        class C
        {
            void M(Loader loader, List<List<int>> groups)
            {
                foreach (var group in groups)
                {
                    loader.Load(group);
                }
            }
        }
        """);

    [Fact]
    public Task CachedCalleeWithLoopInvariantKey_NoDiagnostic() => VerifyAlone("""
        class Settings
        {
            private readonly IMemoryCache _cache;
            private readonly ShopContext _db;
            public Settings(IMemoryCache cache, ShopContext db) { _cache = cache; _db = db; }

            public async Task<Category> DefaultCategoryAsync(string name)
            {
                if (_cache.TryGetValue(name, out Category cached))
                {
                    return cached;
                }

                var category = await _db.Categories.FirstAsync(c => c.Name == name);
                _cache.Set(name, category);
                return category;
            }
        }

        class C
        {
            async Task M(Settings settings, List<Product> products)
            {
                foreach (var product in products)
                {
                    product.Category = await settings.DefaultCategoryAsync("general");
                }
            }
        }
        """);

    [Fact]
    public Task MutualRecursionWithoutQuery_NoDiagnosticAndTerminates() => VerifyAlone("""
        class Walker
        {
            private readonly ShopContext _db;
            public Walker(ShopContext db) => _db = db;
            public int Ping(int n) => Pong(n - 1) + 1;
            public int Pong(int n) => Ping(n - 1) + 1;
        }

        class C
        {
            void M(Walker walker, int[] ids)
            {
                foreach (var id in ids)
                {
                    walker.Ping(id);
                }
            }
        }
        """);

    [Fact]
    public Task ChainOfSixMethods_NoDiagnostic() => VerifyAlone("""
        class Layers6
        {
            private readonly ShopContext _db;
            public Layers6(ShopContext db) => _db = db;
            public Order A(int id) => B(id);
            public Order B(int id) => C(id);
            public Order C(int id) => D(id);
            public Order D(int id) => E(id);
            public Order E(int id) => F(id);
            public Order F(int id) => _db.Orders.Find(id);
        }

        class Caller
        {
            void M(Layers6 layers, int[] ids)
            {
                foreach (var id in ids)
                {
                    layers.A(id);
                }
            }
        }
        """);

    [Fact]
    public Task IteratorCallee_NoDiagnostic() => VerifyAlone("""
        class Reader
        {
            private readonly ShopContext _db;
            public Reader(ShopContext db) => _db = db;

            public IEnumerable<Order> Read(int id)
            {
                yield return _db.Orders.Find(id);
            }
        }

        class C
        {
            void M(Reader reader, int[] ids)
            {
                foreach (var id in ids)
                {
                    var orders = reader.Read(id);
                }
            }
        }
        """);

    [Fact]
    public Task CalleeWithoutDatabase_NoDiagnostic() => VerifyAlone("""
        class Formatter
        {
            public string Format(Order order) => order.Id + ": " + order.Total;
        }

        class C
        {
            void M(Formatter formatter, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    formatter.Format(order);
                }
            }
        }
        """);

    [Fact]
    public Task CallOutsideLoop_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ICustomerService customers, List<Order> orders)
            {
                var first = await customers.GetCustomerAsync(orders[0].CustomerId);
                foreach (var order in orders)
                {
                    order.Customer = first;
                }
            }
        }
        """);

    [Fact]
    public Task LoopLeavesAfterCall_NoDiagnostic() => Verify("""
        class C
        {
            async Task<Customer> M(ICustomerService customers, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    return await customers.GetCustomerAsync(order.CustomerId);
                }

                return null;
            }
        }
        """);

    [Fact]
    public Task LoopOverChunks_NoDiagnostic() => VerifyAlone("""
        class Importer
        {
            private readonly ShopContext _db;
            public Importer(ShopContext db) => _db = db;
            public Task<int> ImportAsync(Order[] batch) { _db.Orders.AddRange(batch); return _db.SaveChangesAsync(); }
        }

        class C
        {
            async Task M(Importer importer, List<Order> orders)
            {
                foreach (var batch in orders.Chunk(500))
                {
                    await importer.ImportAsync(batch);
                }
            }
        }
        """);

    [Fact]
    public Task FewFixedIterations_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ICustomerService customers)
            {
                foreach (var id in new[] { 1, 2 })
                {
                    await customers.GetCustomerAsync(id);
                }
            }
        }
        """);

    [Fact]
    public Task PollingLoop_NoDiagnostic() => Verify("""
        class C
        {
            async Task M(ICustomerService customers, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    await customers.GetCustomerAsync(1);
                    await Task.Delay(1000, ct);
                }
            }
        }
        """);

    [Fact]
    public Task TransactionPerItem_NoDiagnostic() => VerifyAlone("""
        class OrderService
        {
            private readonly ShopContext _db;
            public OrderService(ShopContext db) => _db = db;
            public Task<int> PlaceAsync(Order order) { _db.Orders.Add(order); return _db.SaveChangesAsync(); }
        }

        class C
        {
            async Task M(ShopContext db, OrderService service, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await service.PlaceAsync(order);
                    await transaction.CommitAsync();
                }
            }
        }
        """);

    [Fact]
    public Task ContextCreatedPerItem_NoDiagnostic() => VerifyAlone("""
        class OrderWriter
        {
            public Task<int> WriteAsync(ShopContext db, Order order) { db.Orders.Add(order); return db.SaveChangesAsync(); }
        }

        class C
        {
            async Task M(IDbContextFactory<ShopContext> factory, OrderWriter writer, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    await using var db = factory.CreateDbContext();
                    await writer.WriteAsync(db, order);
                }
            }
        }
        """);

    [Fact]
    public Task CalleeMemoisesWithCoalesceAssignment_NoDiagnostic() => VerifyAlone("""
        class Catalog
        {
            private readonly ShopContext _db;
            private List<Category> _categories;
            public Catalog(ShopContext db) => _db = db;

            public async Task<Category> CategoryAsync(int id)
            {
                _categories ??= await _db.Categories.ToListAsync();
                return _categories.Find(c => c.Id == id);
            }
        }

        class C
        {
            async Task M(Catalog catalog, List<Product> products)
            {
                foreach (var product in products)
                {
                    product.Category = await catalog.CategoryAsync(product.Id);
                }
            }
        }
        """);
}
