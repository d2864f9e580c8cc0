using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.QueryThroughCallInLoopAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

/// <summary>What PERF013 reports: the chains from a call in a loop down to a round trip.</summary>
public class QueryThroughCallInLoopAnalyzerTests
{
    private static Task Verify(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(LayeredShop.With(source), expected);

    /// <summary>PERF013 at markup #0; the hop locations are checked by the first test only.</summary>
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Reported(string call, string chain, string cacheNote = "") =>
        VerifyCS.Diagnostic("PERF013").WithLocation(0).WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments(call, chain, cacheNote);

    private static Task VerifyAlone(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected) =>
        VerifyCS.VerifyAnalyzerAsync(LayeredShop.Alone(source), expected);

    [Fact]
    public Task ServiceThenRepositoryInForeach_DiagnosticWithChainAndHopLocations() => Verify("""
        class OrdersController
        {
            async Task M(ICustomerService customers, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    var customer = await customers.{|#0:GetCustomerAsync|}(order.CustomerId);
                }
            }
        }
        """, VerifyCS.Diagnostic("PERF013").WithLocation(0).WithLocation(1).WithLocation(2).WithLocation(3)
            .WithArguments("GetCustomerAsync", LayeredShop.ServiceChain, ""));

    [Fact]
    public Task ConcreteRepositoryInForLoop_Diagnostic() => Verify("""
        class C
        {
            async Task M(CustomerRepository repository, int[] ids)
            {
                for (var i = 0; i < ids.Length; i++)
                {
                    await repository.{|#0:FindAsync|}(ids[i]);
                }
            }
        }
        """, Reported("FindAsync", "CustomerRepository.FindAsync → Customers.FirstOrDefaultAsync", ""));

    [Fact]
    public Task InterfaceWithOneImplementationInWhileLoop_Diagnostic() => Verify("""
        class C
        {
            async Task M(ICustomerRepository repository, Queue<int> pending)
            {
                while (pending.Count > 0)
                {
                    await repository.{|#0:FindAsync|}(pending.Dequeue());
                }
            }
        }
        """, Reported("FindAsync", "CustomerRepository.FindAsync → Customers.FirstOrDefaultAsync"));

    [Fact]
    public Task GenericRepositoryGetById_Diagnostic() => VerifyAlone("""
        interface IRepository<T> where T : class
        {
            ValueTask<T> GetByIdAsync(int id);
        }

        class Repository<T> : IRepository<T> where T : class
        {
            private readonly ShopContext _db;
            public Repository(ShopContext db) => _db = db;
            public ValueTask<T> GetByIdAsync(int id) => _db.Set<T>().FindAsync(id);
        }

        class C
        {
            async Task M(IRepository<Product> products, List<OrderLine> lines)
            {
                foreach (var line in lines)
                {
                    var product = await products.{|#0:GetByIdAsync|}(line.ProductId);
                }
            }
        }
        """, Reported("GetByIdAsync", "Repository.GetByIdAsync → _db.Set<T>().FindAsync", ""));

    [Fact]
    public Task SaveChangesThroughService_Diagnostic() => VerifyAlone("""
        class OrderService
        {
            private readonly ShopContext _db;
            public OrderService(ShopContext db) => _db = db;

            public async Task PlaceAsync(Order order)
            {
                _db.Orders.Add(order);
                await _db.SaveChangesAsync();
            }
        }

        class C
        {
            async Task M(OrderService service, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    await service.{|#0:PlaceAsync|}(order);
                }
            }
        }
        """, Reported("PlaceAsync", "OrderService.PlaceAsync → _db.SaveChangesAsync", ""));

    [Fact]
    public Task DapperQueryThroughRepository_Diagnostic() => VerifyAlone("""
        class CustomerReader
        {
            private readonly IDbConnection _connection;
            public CustomerReader(IDbConnection connection) => _connection = connection;

            public Task<Customer> ReadAsync(int id) =>
                _connection.QuerySingleOrDefaultAsync<Customer>("select * from Customers where Id = @id", new { id });
        }

        class C
        {
            async Task M(CustomerReader reader, int[] ids)
            {
                foreach (var id in ids)
                {
                    await reader.{|#0:ReadAsync|}(id);
                }
            }
        }
        """, Reported("ReadAsync", "CustomerReader.ReadAsync → _connection.QuerySingleOrDefaultAsync<Customer>"));

    [Fact]
    public Task AdoNetScalarThroughHelper_Diagnostic() => VerifyAlone("""
        class Counter
        {
            public static object CountLines(DbConnection connection, int orderId)
            {
                using var command = connection.CreateCommand();
                command.CommandText = "select count(*) from OrderLines where OrderId = " + orderId;
                return command.ExecuteScalar();
            }
        }

        class C
        {
            void M(DbConnection connection, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    Counter.{|#0:CountLines|}(connection, order.Id);
                }
            }
        }
        """, Reported("CountLines", "Counter.CountLines → command.ExecuteScalar"));

    [Fact]
    public Task PerElementSelectLambda_Diagnostic() => Verify("""
        class C
        {
            Task<Customer[]> M(ICustomerService customers, List<Order> orders) =>
                Task.WhenAll(orders.Select(o => customers.{|#0:GetCustomerAsync|}(o.CustomerId)));
        }
        """, Reported("GetCustomerAsync", LayeredShop.ServiceChain));

    [Fact]
    public Task ParallelForEachAsync_Diagnostic() => Verify("""
        class C
        {
            Task M(ICustomerService customers, List<Order> orders) =>
                Parallel.ForEachAsync(orders, async (o, ct) => await customers.{|#0:GetCustomerAsync|}(o.CustomerId));
        }
        """, Reported("GetCustomerAsync", LayeredShop.ServiceChain));

    [Fact]
    public Task AbstractMethodWithOneOverride_Diagnostic() => VerifyAlone("""
        abstract class Lookup
        {
            public abstract Task<Order> LoadAsync(int id);
        }

        sealed class OrderLookup : Lookup
        {
            private readonly ShopContext _db;
            public OrderLookup(ShopContext db) => _db = db;
            public override Task<Order> LoadAsync(int id) => _db.Orders.SingleAsync(o => o.Id == id);
        }

        class C
        {
            async Task M(Lookup lookup, int[] ids)
            {
                foreach (var id in ids)
                {
                    await lookup.{|#0:LoadAsync|}(id);
                }
            }
        }
        """, Reported("LoadAsync", "OrderLookup.LoadAsync → Orders.SingleAsync"));

    [Fact]
    public Task QueryOnBothBranches_Diagnostic() => VerifyAlone("""
        class Finder
        {
            private readonly ShopContext _db;
            public Finder(ShopContext db) => _db = db;

            public async Task<Customer> FindAsync(int id, bool byEmail)
            {
                if (byEmail)
                {
                    return await _db.Customers.FirstOrDefaultAsync(c => c.Email == id.ToString());
                }
                else
                {
                    return await _db.Customers.FindAsync(id);
                }
            }
        }

        class C
        {
            async Task M(Finder finder, int[] ids)
            {
                foreach (var id in ids)
                {
                    await finder.{|#0:FindAsync|}(id, false);
                }
            }
        }
        """, Reported("FindAsync", "Finder.FindAsync → Customers.FirstOrDefaultAsync"));

    [Fact]
    public Task ThrowGuardBeforeQuery_Diagnostic() => VerifyAlone("""
        class Finder
        {
            private readonly ShopContext _db;
            public Finder(ShopContext db) => _db = db;

            public Task<Customer> FindAsync(int id)
            {
                if (id <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(id));
                }

                return _db.Customers.FirstAsync(c => c.Id == id);
            }
        }

        class C
        {
            async Task M(Finder finder, int[] ids)
            {
                foreach (var id in ids)
                {
                    await finder.{|#0:FindAsync|}(id);
                }
            }
        }
        """, Reported("FindAsync", "Finder.FindAsync → Customers.FirstAsync"));

    [Fact]
    public Task QueryBeforeConditionalReturn_Diagnostic() => VerifyAlone("""
        class Finder
        {
            private readonly ShopContext _db;
            public Finder(ShopContext db) => _db = db;

            public async Task<string> NameAsync(int id)
            {
                var customer = await _db.Customers.FindAsync(id);
                if (customer is null)
                {
                    return "";
                }

                return customer.Name;
            }
        }

        class C
        {
            async Task M(Finder finder, int[] ids)
            {
                foreach (var id in ids)
                {
                    await finder.{|#0:NameAsync|}(id);
                }
            }
        }
        """, Reported("NameAsync", "Finder.NameAsync → Customers.FindAsync"));

    [Fact]
    public Task MemoryCacheTryGetValueThenQuery_DiagnosticOnColdCache() => VerifyAlone("""
        class CachedCustomers
        {
            private readonly IMemoryCache _cache;
            private readonly ShopContext _db;
            public CachedCustomers(IMemoryCache cache, ShopContext db) { _cache = cache; _db = db; }

            public async Task<Customer> GetAsync(int id)
            {
                if (_cache.TryGetValue(id, out Customer cached))
                {
                    return cached;
                }

                var customer = await _db.Customers.FindAsync(id);
                _cache.Set(id, customer);
                return customer;
            }
        }

        class C
        {
            async Task M(CachedCustomers customers, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    await customers.{|#0:GetAsync|}(order.CustomerId);
                }
            }
        }
        """, Reported("GetAsync", "CachedCustomers.GetAsync → Customers.FindAsync", " while its cache is cold"));

    [Fact]
    public Task GetOrCreateAsyncFactoryQuery_DiagnosticOnColdCache() => VerifyAlone("""
        class CachedCustomers
        {
            private readonly IMemoryCache _cache;
            private readonly ShopContext _db;
            public CachedCustomers(IMemoryCache cache, ShopContext db) { _cache = cache; _db = db; }

            public Task<Customer> GetAsync(int id) =>
                _cache.GetOrCreateAsync(id, _ => _db.Customers.FirstAsync(c => c.Id == id));
        }

        class C
        {
            async Task M(CachedCustomers customers, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    await customers.{|#0:GetAsync|}(order.CustomerId);
                }
            }
        }
        """, Reported("GetAsync", "CachedCustomers.GetAsync → Customers.FirstAsync", " while its cache is cold"));

    [Fact]
    public Task SelfRecursiveMethodWithQuery_DiagnosticAndTerminates() => VerifyAlone("""
        class Tree
        {
            private readonly ShopContext _db;
            public Tree(ShopContext db) => _db = db;

            public int Depth(int categoryId)
            {
                var category = _db.Categories.Find(categoryId);
                return Depth(categoryId - 1) + (category is null ? 0 : 1);
            }
        }

        class C
        {
            void M(Tree tree, int[] ids)
            {
                foreach (var id in ids)
                {
                    tree.{|#0:Depth|}(id);
                }
            }
        }
        """, Reported("Depth", "Tree.Depth → Categories.Find"));

    [Fact]
    public Task MutuallyRecursiveMethodsWithQuery_DiagnosticAndTerminates() => VerifyAlone("""
        class Walker
        {
            private readonly ShopContext _db;
            public Walker(ShopContext db) => _db = db;

            public int Ping(int n) => Pong(n - 1) + _db.Orders.Count();

            public int Pong(int n) => Ping(n - 1);
        }

        class C
        {
            void M(Walker walker, int[] ids)
            {
                foreach (var id in ids)
                {
                    walker.{|#0:Pong|}(id);
                }
            }
        }
        """, Reported("Pong", "Walker.Pong → Walker.Ping → Orders.Count", ""));

    [Fact]
    public Task ChainOfFiveMethods_Diagnostic() => VerifyAlone("""
        class Layers5
        {
            private readonly ShopContext _db;
            public Layers5(ShopContext db) => _db = db;
            public Order A(int id) => B(id);
            public Order B(int id) => C(id);
            public Order C(int id) => D(id);
            public Order D(int id) => E(id);
            public Order E(int id) => _db.Orders.Find(id);
        }

        class Caller
        {
            void M(Layers5 layers, int[] ids)
            {
                foreach (var id in ids)
                {
                    layers.{|#0:A|}(id);
                }
            }
        }
        """, Reported("A", "Layers5.A → Layers5.B → Layers5.C → Layers5.D → Layers5.E → Orders.Find", ""));
}
