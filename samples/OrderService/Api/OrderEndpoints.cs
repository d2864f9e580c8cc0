using Microsoft.EntityFrameworkCore;
using ShopService.Data;
using ShopService.Services;

namespace ShopService.Api;

/// <summary>The HTTP-facing layer: each method is one endpoint, calling the service layer for customer data.</summary>
public sealed class OrderEndpoints
{
    private readonly ShopContext _db;
    private readonly ICustomerDirectory _customers;

    public OrderEndpoints(ShopContext db, ICustomerDirectory customers)
    {
        _db = db;
        _customers = customers;
    }

    /// <summary>GET /orders/recent: each order with its customer's display name.</summary>
    public async Task<List<string>> ListRecentOrdersAsync(DateTime sinceUtc, CancellationToken ct)
    {
        var orders = await _db.Orders.AsNoTracking().Where(o => o.PlacedAtUtc >= sinceUtc).ToListAsync(ct);
        var lines = new List<string>();
        foreach (var order in orders)
        {
            // Endpoint → CustomerDirectory → CustomerRepository → FirstOrDefaultAsync: one query per order.
            var name = await _customers.GetDisplayNameAsync(order.CustomerId, ct); // PERF013
            lines.Add($"{order.Number} {name}");
        }

        return lines;
    }

    /// <summary>GET /orders/recent, batched: one customer query for the whole page.</summary>
    public async Task<List<string>> ListRecentOrdersBatchedAsync(DateTime sinceUtc, CancellationToken ct)
    {
        var orders = await _db.Orders.AsNoTracking().Where(o => o.PlacedAtUtc >= sinceUtc).ToListAsync(ct);
        var names = await _customers.GetDisplayNamesAsync(orders.Select(o => o.CustomerId).Distinct().ToList(), ct);
        var lines = new List<string>();
        foreach (var order in orders)
        {
            lines.Add($"{order.Number} {names.GetValueOrDefault(order.CustomerId, "(unknown customer)")}");
        }

        return lines;
    }

    /// <summary>POST /customers/unblock: one load and one save per customer.</summary>
    public async Task<int> UnblockCustomersAsync(IReadOnlyList<int> customerIds, CancellationToken ct)
    {
        var unblocked = 0;
        foreach (var customerId in customerIds)
        {
            if (await _customers.SetBlockedAsync(customerId, false, ct)) // PERF013
            {
                unblocked++;
            }
        }

        return unblocked;
    }
}
