namespace PerfAnalyzers.Testing;

/// <summary>
/// A small EF Core model (namespace <c>Shop</c>) that data-access tests append to their source: lazy-loading proxies
/// style <c>virtual</c> navigations, a non-virtual one, an <c>ILazyLoader</c> entity and an AutoInclude'd navigation.
/// </summary>
public static class EfCoreModel
{
    public const string Source = """


        namespace Shop
        {
            using System.Collections.Generic;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;

            public class Customer
            {
                public int Id { get; set; }
                public string Name { get; set; }
                public string Email { get; set; }
                public virtual Address Address { get; set; }
                public virtual ICollection<Order> Orders { get; set; } = new List<Order>();
            }

            public class Address
            {
                public int Id { get; set; }
                public string City { get; set; }
            }

            public class Order
            {
                public int Id { get; set; }
                public int CustomerId { get; set; }
                public int? ShipperId { get; set; }
                public decimal Total { get; set; }
                public virtual Customer Customer { get; set; }
                public virtual ICollection<OrderLine> Lines { get; set; } = new List<OrderLine>();
            }

            public class OrderLine
            {
                public int Id { get; set; }
                public int OrderId { get; set; }
                public int ProductId { get; set; }
                public virtual Order Order { get; set; }
                public virtual Product Product { get; set; }
            }

            public class Product
            {
                public int Id { get; set; }
                public string Name { get; set; }
                public Category Category { get; set; }
                public virtual Category Featured { get; set; }
            }

            public class Category
            {
                public int Id { get; set; }
                public string Name { get; set; }
            }

            public class Invoice
            {
                private readonly ILazyLoader _lazyLoader;
                private Customer _customer;

                public Invoice()
                {
                }

                private Invoice(ILazyLoader lazyLoader)
                {
                    _lazyLoader = lazyLoader;
                }

                public int Id { get; set; }

                public Customer Customer
                {
                    get => _lazyLoader.Load(this, ref _customer);
                    set => _customer = value;
                }
            }

            public class ShopContext : DbContext
            {
                public DbSet<Customer> Customers { get; set; }
                public DbSet<Order> Orders { get; set; }
                public DbSet<OrderLine> OrderLines { get; set; }
                public DbSet<Product> Products { get; set; }
                public DbSet<Category> Categories { get; set; }
                public DbSet<Invoice> Invoices { get; set; }

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity<Product>().Navigation(p => p.Featured).AutoInclude();
                }
            }
        }
        """;

    /// <summary>The test source followed by the model.</summary>
    public static string With(string source) => source + Source;
}
