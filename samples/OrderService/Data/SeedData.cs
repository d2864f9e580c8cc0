namespace ShopService.Data;

/// <summary>Demo data for local runs against an in-memory database.</summary>
public static class SeedData
{
    public static async Task SeedAsync(ShopContext db, CancellationToken ct)
    {
        var berlin = new Address { Street = "Lindenstrasse 12", City = "Berlin", PostalCode = "10969", Country = "DE" };
        var lyon = new Address { Street = "12 Rue de la Republique", City = "Lyon", PostalCode = "69002", Country = "FR" };
        var utrecht = new Address { Street = "Oudegracht 140", City = "Utrecht", PostalCode = "3511 AZ", Country = "NL" };

        var customers = new[]
        {
            new Customer { Name = "Brandt Baumarkt", Email = "orders@brandt.example", DiscountRate = 0.05m, CreditLimit = 5_000m, Address = berlin },
            new Customer { Name = "Atelier Moreau", Email = "achats@moreau.example", DiscountRate = 0.12m, CreditLimit = 20_000m, Address = lyon },
            new Customer { Name = "De Vries Installatie", Email = "inkoop@devries.example", CreditLimit = 2_500m, Address = utrecht, IsBlocked = true },
        };

        var products = new[]
        {
            new Product { Sku = "PIPE-15", Name = "Copper pipe 15mm", Category = "Plumbing", ListPrice = 7.90m },
            new Product { Sku = "PIPE-22", Name = "Copper pipe 22mm", Category = "Plumbing", ListPrice = 11.40m },
            new Product { Sku = "VALVE-B", Name = "Ball valve 1/2\"", Category = "Plumbing", ListPrice = 14.25m },
            new Product { Sku = "CABLE-3G", Name = "Cable 3G1.5 50m", Category = "Electrical", ListPrice = 39.00m },
            new Product { Sku = "SOCKET-2", Name = "Double socket", Category = "Electrical", ListPrice = 6.75m, IsDiscontinued = true },
        };

        var warehouses = new[]
        {
            new Warehouse { Code = "BER", Name = "Berlin Sued", Address = berlin },
            new Warehouse { Code = "LYS", Name = "Lyon Est", Address = lyon },
        };

        foreach (var customer in customers)
        {
            db.Customers.Add(customer);
        }

        foreach (var warehouse in warehouses)
        {
            db.Warehouses.Add(warehouse);
        }

        var random = new Random(42);
        foreach (var product in products)
        {
            db.Products.Add(product);
            foreach (var warehouse in warehouses)
            {
                db.StockItems.Add(new StockItem
                {
                    Product = product,
                    Warehouse = warehouse,
                    QuantityOnHand = random.Next(0, 120),
                    ReorderLevel = 25,
                });
            }
        }

        var placedAt = DateTime.UtcNow.Date.AddDays(-3);
        for (var i = 0; i < 12; i++)
        {
            var customer = customers[i % customers.Length];
            var product = products[i % products.Length];
            var quantity = 1 + (i % 4);
            db.Orders.Add(new Order
            {
                Number = $"SO-{1000 + i}",
                Customer = customer,
                PlacedAtUtc = placedAt.AddHours(i * 5),
                Status = i % 3 == 0 ? OrderStatus.Pending : OrderStatus.Confirmed,
                ShippingAddress = customer.Address,
                Total = quantity * product.ListPrice,
                Lines = { new OrderLine { Product = product, Quantity = quantity, UnitPrice = product.ListPrice } },
            });
        }

        await db.SaveChangesAsync(ct);
    }
}
