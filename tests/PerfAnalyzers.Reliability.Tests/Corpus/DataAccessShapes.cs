// Odd but valid: data access and async code in the shapes services use, with the smells the rules look for.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Data;

public sealed class Customer
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<Order> Orders { get; set; } = [];
}

public sealed class Order
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public Customer Customer { get; set; } = null!;

    public decimal Total { get; set; }
}

public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();
}

public sealed class Repository(ShopContext db, System.Data.IDbConnection connection)
{
    public async Task<string> ReportAsync(int[] ids, CancellationToken cancellationToken)
    {
        var report = "";
        foreach (var id in ids)
        {
            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            var orders = db.Orders.Where(o => o.CustomerId == id).ToList();
            report += customer?.Name + orders.Count;
        }

        foreach (var order in db.Orders)
        {
            report += order.Customer.Name;
        }

        return report;
    }

    public decimal Blocking(int[] ids)
    {
        decimal total = 0;
        foreach (var id in ids)
        {
            total += db.Orders.Where(o => o.Id == id).SumAsync(o => o.Total).Result;
            total += connection.Query<decimal>("select total from orders where id = @id", new { id }).Sum();
        }

        return total;
    }

    public async Task<int> MixedAsync(string[] paths)
    {
        var count = 0;
        foreach (var path in paths)
        {
            count += File.ReadAllText(path).Length;
            count += (await File.ReadAllTextAsync(path)).Length;
            Thread.Sleep(1);
            Task.Delay(1).Wait();
            count += Task.FromResult(1).GetAwaiter().GetResult();
        }

        return count;
    }

    public Task<int> ExpressionBodiedAsync(int id) => Task.FromResult(db.Customers.Count(c => c.Id == id));

    public IEnumerable<string> Nested(int[][] grid)
    {
        foreach (var row in grid)
        {
            foreach (var cell in row)
            {
                foreach (var other in row)
                {
                    foreach (var last in grid[cell % grid.Length])
                    {
                        yield return (cell + other + last).ToString();
                    }
                }
            }
        }
    }
}
