using System.Threading;
using Microsoft.CodeAnalysis.Testing;
using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.QueryThroughCallInLoopAnalyzer, PerfAnalyzers.Rules.QueryThroughCallInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class QueryThroughCallInLoopCodeFixTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        """;

    private const string Repository = """

        interface ICustomerRepository
        {
            Task<Customer> FindAsync(int id, CancellationToken ct);
            Task<List<Customer>> FindManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct);
        }

        class CustomerRepository : ICustomerRepository
        {
            private readonly ShopContext _db;
            public CustomerRepository(ShopContext db) => _db = db;
            public Task<Customer> FindAsync(int id, CancellationToken ct) => _db.Customers.FirstOrDefaultAsync(c => c.Id == id, ct);
            public Task<List<Customer>> FindManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct) => _db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        }
        """;

    private static DiagnosticResult Reported(int markup) =>
        VerifyCS.Diagnostic("PERF013").WithLocation(markup).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("FindAsync", "CustomerRepository.FindAsync → Customers.FirstOrDefaultAsync", "");

    private static Task Verify(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new VerifyCS.Test { TestCode = EfCoreModel.With(source), FixedCode = EfCoreModel.With(fixedSource) };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task FindByLoopVariableMember_BatchedCallBeforeLoop() => Verify(Usings + """
        class C
        {
            async Task M(ICustomerRepository repository, List<Order> orders, CancellationToken ct)
            {
                foreach (var order in orders)
                {
                    // the customer of each order
                    var customer = await repository.{|#0:FindAsync|}(order.CustomerId, ct);
                    order.Customer = customer;
                }
            }
        }
        """ + Repository, Usings + """
        class C
        {
            async Task M(ICustomerRepository repository, List<Order> orders, CancellationToken ct)
            {
                var customerIds = orders.Select(order => order.CustomerId).Distinct().ToList();
                var customersById = (await repository.FindManyAsync(customerIds, ct)).ToLookup(c => c.Id);
                foreach (var order in orders)
                {
                    // the customer of each order
                    var customer = customersById[order.CustomerId].FirstOrDefault();
                    order.Customer = customer;
                }
            }
        }
        """ + Repository, Reported(0));

    [Fact]
    public Task TwoLoops_FixAllBatchesEach() => Verify(Usings + """
        class C
        {
            async Task M(ICustomerRepository repository, List<Order> orders, Order[] archived, CancellationToken ct)
            {
                foreach (var order in orders)
                {
                    var customer = await repository.{|#0:FindAsync|}(order.CustomerId, ct);
                    order.Customer = customer;
                }

                foreach (var old in archived)
                {
                    var customer = await repository.{|#1:FindAsync|}(old.CustomerId, ct);
                    old.Customer = customer;
                }
            }
        }
        """ + Repository, Usings + """
        class C
        {
            async Task M(ICustomerRepository repository, List<Order> orders, Order[] archived, CancellationToken ct)
            {
                var customerIds = orders.Select(order => order.CustomerId).Distinct().ToList();
                var customersById = (await repository.FindManyAsync(customerIds, ct)).ToLookup(c => c.Id);
                foreach (var order in orders)
                {
                    var customer = customersById[order.CustomerId].FirstOrDefault();
                    order.Customer = customer;
                }

                var customerIds2 = archived.Select(old => old.CustomerId).Distinct().ToList();
                var customersById2 = (await repository.FindManyAsync(customerIds2, ct)).ToLookup(c => c.Id);
                foreach (var old in archived)
                {
                    var customer = customersById2[old.CustomerId].FirstOrDefault();
                    old.Customer = customer;
                }
            }
        }
        """ + Repository, Reported(0), Reported(1));

    [Fact]
    public Task SynchronousByIdsOverArray_BatchedCallWithArray() => Verify(Usings + """
        class Products
        {
            private readonly ShopContext _db;
            public Products(ShopContext db) => _db = db;
            public Product GetById(int id) => _db.Products.SingleOrDefault(p => p.Id == id);
            public Product[] GetByIds(int[] ids) => _db.Products.Where(p => ids.Contains(p.Id)).ToArray();
        }

        class C
        {
            void M(Products products, OrderLine[] lines)
            {
                foreach (var line in lines)
                {
                    var product = products.{|#0:GetById|}(line.ProductId);
                    line.Product = product;
                }
            }
        }
        """, Usings + """
        class Products
        {
            private readonly ShopContext _db;
            public Products(ShopContext db) => _db = db;
            public Product GetById(int id) => _db.Products.SingleOrDefault(p => p.Id == id);
            public Product[] GetByIds(int[] ids) => _db.Products.Where(p => ids.Contains(p.Id)).ToArray();
        }

        class C
        {
            void M(Products products, OrderLine[] lines)
            {
                var productIds = lines.Select(line => line.ProductId).Distinct().ToArray();
                var productsById = products.GetByIds(productIds).ToLookup(p => p.Id);
                foreach (var line in lines)
                {
                    var product = productsById[line.ProductId].FirstOrDefault();
                    line.Product = product;
                }
            }
        }
        """, VerifyCS.Diagnostic("PERF013").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("GetById", "Products.GetById → Products.SingleOrDefault", ""));

    [Fact]
    public Task BatchedMethodSelectsByAnotherKey_NoFix()
    {
        var source = Usings + """
            class Products
            {
                private readonly ShopContext _db;
                public Products(ShopContext db) => _db = db;
                public Product GetById(int id) => _db.Products.SingleOrDefault(p => p.Id == id);
                public Product[] GetByIds(int[] ids) => _db.Products.Where(p => ids.Contains(p.Category.Id)).ToArray();
            }

            class C
            {
                void M(Products products, OrderLine[] lines)
                {
                    foreach (var line in lines)
                    {
                        var product = products.{|#0:GetById|}(line.ProductId);
                        line.Product = product;
                    }
                }
            }
            """;
        return Verify(source, source, VerifyCS.Diagnostic("PERF013").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("GetById", "Products.GetById → Products.SingleOrDefault", ""));
    }

    [Fact]
    public Task NoBatchedCounterpart_NoFix()
    {
        var source = Usings + """
            class Products
            {
                private readonly ShopContext _db;
                public Products(ShopContext db) => _db = db;
                public Product GetById(int id) => _db.Products.SingleOrDefault(p => p.Id == id);
            }

            class C
            {
                void M(Products products, OrderLine[] lines)
                {
                    foreach (var line in lines)
                    {
                        var product = products.{|#0:GetById|}(line.ProductId);
                        line.Product = product;
                    }
                }
            }
            """;
        return Verify(source, source, VerifyCS.Diagnostic("PERF013").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("GetById", "Products.GetById → Products.SingleOrDefault", ""));
    }

    [Fact]
    public Task LoopBodySavesThroughAnotherCall_NoFix()
    {
        var source = Usings + """
            class C
            {
                async Task M(ICustomerRepository repository, ShopContext db, List<Order> orders, CancellationToken ct)
                {
                    foreach (var order in orders)
                    {
                        var customer = await repository.{|#0:FindAsync|}(order.CustomerId, ct);
                        customer.Name = "x";
                        await db.SaveChangesAsync(ct);
                    }
                }
            }
            """ + Repository;
        return Verify(source, source, Reported(0));
    }
}
