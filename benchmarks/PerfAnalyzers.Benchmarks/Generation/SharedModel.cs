namespace PerfAnalyzers.Benchmarks.Generation;

/// <summary>The application's shared types: the EF Core model, DTOs and a tiny controller base (no ASP.NET Core reference is needed).</summary>
internal static class SharedModel
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    public const string DataUsings = """
        using System.Data.Common;
        using Dapper;
        using Microsoft.EntityFrameworkCore;

        """;

    /// <summary>Types every module uses; compiles without any data-access reference.</summary>
    public const string Common = """
        namespace Synthetic.App;

        public sealed class OperationResult<T>
        {
            public OperationResult(T result, bool succeeded)
            {
                Result = result;
                Succeeded = succeeded;
            }

            public T Result { get; }

            public bool Succeeded { get; }
        }

        public sealed record ApiResponse<T>(int StatusCode, T? Value);

        public abstract class ApiController
        {
            protected static ApiResponse<T> Ok<T>(T value) => new(200, value);

            protected static ApiResponse<T> NotFound<T>() => new(404, default);
        }

        public sealed record OrderSummary(int Id, decimal Total, int Status);

        public sealed record ProductDto(string Sku, string Name, decimal Price);

        public sealed record PriceChange(int ProductId, decimal NewPrice);

        public sealed class LineItem
        {
            public int Id { get; set; }
            public int CustomerId { get; set; }
            public int ProductId { get; set; }
            public int Quantity { get; set; }
            public decimal UnitPrice { get; set; }
            public string Sku { get; set; } = "";
            public string Label { get; set; } = "";
        }
        """;

    /// <summary>The EF Core model: navigations are virtual, as with lazy-loading proxies.</summary>
    public const string Model = """
        namespace Synthetic.App;

        public class Customer
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public string Email { get; set; } = "";
            public bool IsActive { get; set; }
            public int? AddressId { get; set; }
            public virtual Address? Address { get; set; }
            public virtual ICollection<Order> Orders { get; set; } = new List<Order>();
        }

        public class Address
        {
            public int Id { get; set; }
            public string Street { get; set; } = "";
            public string City { get; set; } = "";
            public string Country { get; set; } = "";
        }

        public class Order
        {
            public int Id { get; set; }
            public int CustomerId { get; set; }
            public int Status { get; set; }
            public decimal Total { get; set; }
            public DateTime CreatedAt { get; set; }
            public virtual Customer Customer { get; set; } = null!;
            public virtual ICollection<OrderLine> Lines { get; set; } = new List<OrderLine>();
        }

        public class OrderLine
        {
            public int Id { get; set; }
            public int OrderId { get; set; }
            public int ProductId { get; set; }
            public int Quantity { get; set; }
            public decimal UnitPrice { get; set; }
            public virtual Order Order { get; set; } = null!;
            public virtual Product Product { get; set; } = null!;
        }

        public class Product
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public string Sku { get; set; } = "";
            public decimal Price { get; set; }
            public int Stock { get; set; }
            public int SupplierId { get; set; }
            public virtual Supplier Supplier { get; set; } = null!;
        }

        public class Supplier
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
            public string Country { get; set; } = "";
        }

        public sealed class ShopContext : DbContext
        {
            public ShopContext(DbContextOptions<ShopContext> options)
                : base(options)
            {
            }

            public DbSet<Customer> Customers => Set<Customer>();
            public DbSet<Address> Addresses => Set<Address>();
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<OrderLine> OrderLines => Set<OrderLine>();
            public DbSet<Product> Products => Set<Product>();
            public DbSet<Supplier> Suppliers => Set<Supplier>();

            protected override void OnModelCreating(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity<Order>().HasIndex(o => o.CreatedAt);
                modelBuilder.Entity<Product>().HasIndex(p => p.Sku).IsUnique();
                modelBuilder.Entity<OrderLine>().Property(l => l.UnitPrice).HasPrecision(18, 2);
            }
        }
        """;
}
