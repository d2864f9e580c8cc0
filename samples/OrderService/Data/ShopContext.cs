using Microsoft.EntityFrameworkCore;

namespace ShopService.Data;

public class ShopContext : DbContext
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

    public DbSet<Warehouse> Warehouses => Set<Warehouse>();

    public DbSet<StockItem> StockItems => Set<StockItem>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // Navigations load on first access; the few that are always needed are auto-included below.
        optionsBuilder.UseLazyLoadingProxies(proxies => proxies.IgnoreNonVirtualNavigations());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no decimal type; store money as REAL so comparisons and sums run in the database.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(customer =>
        {
            customer.Property(c => c.Name).HasMaxLength(200);
            customer.Property(c => c.Email).HasMaxLength(320);
            customer.HasIndex(c => c.Email).IsUnique();
            customer.HasOne(c => c.Address).WithMany().HasForeignKey(c => c.AddressId);
            customer.Navigation(c => c.Address).AutoInclude();
        });

        modelBuilder.Entity<Order>(order =>
        {
            order.Property(o => o.Number).HasMaxLength(32);
            order.HasIndex(o => o.Number).IsUnique();
            order.HasIndex(o => new { o.Status, o.PlacedAtUtc });
            order.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId);
            order.HasOne(o => o.ShippingAddress).WithMany().HasForeignKey(o => o.ShippingAddressId);
            order.HasMany(o => o.Lines).WithOne(l => l.Order).HasForeignKey(l => l.OrderId);

            // Lines are part of the order aggregate and are read together with it everywhere.
            order.Navigation(o => o.Lines).AutoInclude();
        });

        modelBuilder.Entity<OrderLine>()
            .HasOne(l => l.Product)
            .WithMany()
            .HasForeignKey(l => l.ProductId);

        modelBuilder.Entity<Product>(product =>
        {
            product.Property(p => p.Sku).HasMaxLength(64);
            product.HasIndex(p => p.Sku).IsUnique();
            product.HasMany(p => p.StockItems).WithOne(s => s.Product).HasForeignKey(s => s.ProductId);
        });

        modelBuilder.Entity<Warehouse>(warehouse =>
        {
            warehouse.HasIndex(w => w.Code).IsUnique();
            warehouse.HasOne(w => w.Address).WithMany().HasForeignKey(w => w.AddressId);
            warehouse.HasMany(w => w.StockItems).WithOne(s => s.Warehouse).HasForeignKey(s => s.WarehouseId);
        });

        modelBuilder.Entity<StockItem>(stock =>
        {
            stock.HasIndex(s => new { s.ProductId, s.WarehouseId }).IsUnique();
            stock.Property(s => s.Version).IsConcurrencyToken();
        });
    }
}
