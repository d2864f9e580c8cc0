using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

/// <summary>The test source, then a service and a repository layer over the Shop model (namespace <c>Layers</c>).</summary>
internal static class LayeredShop
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Data.Common;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Caching.Memory;
        using Shop;

        """;

    public const string Layers = """


        namespace Layers
        {
            using System.Linq;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            using Shop;

            public interface ICustomerRepository
            {
                Task<Customer> FindAsync(int id);
                IQueryable<Customer> Active();
            }

            public class CustomerRepository : ICustomerRepository
            {
                private readonly ShopContext _db;

                public CustomerRepository(ShopContext db) => _db = db;

                public async Task<Customer> {|#2:FindAsync|}(int id) => await _db.Customers.{|#3:FirstOrDefaultAsync|}(c => c.Id == id);

                public IQueryable<Customer> Active() => _db.Customers.Where(c => c.Email != null);
            }

            public interface ICustomerService
            {
                Task<Customer> GetCustomerAsync(int id);
            }

            public class CustomerService : ICustomerService
            {
                private readonly ICustomerRepository _repository;

                public CustomerService(ICustomerRepository repository) => _repository = repository;

                public Task<Customer> {|#1:GetCustomerAsync|}(int id) => _repository.FindAsync(id);
            }
        }
        """;

    public const string ServiceChain = "CustomerService.GetCustomerAsync → CustomerRepository.FindAsync → Customers.FirstOrDefaultAsync";

    /// <summary>Usings, the test source, the layers and the Shop model.</summary>
    public static string With(string source) => EfCoreModel.With("using Layers;\n" + Usings + source + Layers);

    /// <summary>Usings, the test source and the Shop model, without the layers (a test that declares its own).</summary>
    public static string Alone(string source) => EfCoreModel.With(Usings + source);
}
