using System.Text;
using Microsoft.EntityFrameworkCore;
using ShopService.Data;

namespace ShopService.Reports;

/// <summary>Plain-text reports mailed to the sales team.</summary>
public sealed class SalesReport
{
    private const decimal VipDiscountRate = 0.10m;

    private readonly ShopContext _db;

    public SalesReport(ShopContext db)
    {
        _db = db;
    }

    public async Task<string> BuildDailySummaryAsync(DateOnly day, CancellationToken ct)
    {
        var from = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = from.AddDays(1);
        var orders = await _db.Orders
            .Include(o => o.Customer)
            .Where(o => o.PlacedAtUtc >= from && o.PlacedAtUtc < to && o.Status != OrderStatus.Cancelled)
            .OrderBy(o => o.PlacedAtUtc)
            .ToListAsync(ct);
        var vipIds = await _db.Customers
            .Where(c => c.DiscountRate >= VipDiscountRate)
            .Select(c => c.Id)
            .ToListAsync(ct);

        var body = $"Sales for {day:yyyy-MM-dd}\n";
        foreach (var order in orders)
        {
            var flag = vipIds.Contains(order.CustomerId) ? "*" : " "; // PERF021
            body += $"{flag} {order.Number,-18} {order.Customer.Name,-24} {order.Total,12:N2}\n"; // PERF030
        }

        body += $"{orders.Count} orders, {orders.Sum(o => o.Total):N2} total\n";
        return body;
    }

    public async Task<string> BuildHeadlineAsync(DateTime sinceUtc, CancellationToken ct)
    {
        var orders = await _db.Orders
            .Where(o => o.PlacedAtUtc >= sinceUtc)
            .OrderByDescending(o => o.Total)
            .Take(10)
            .ToListAsync(ct);

        var headline = $"{orders.Count} large orders since {sinceUtc:d}";
        foreach (var order in orders)
        {
            headline += $", biggest {order.Number} at {order.Total:N2}";
            break;
        }

        return headline;
    }

    public async Task<IReadOnlyList<CityTotal>> GetSalesByCityAsync(DateTime sinceUtc, CancellationToken ct)
    {
        var orders = await _db.Orders
            .Where(o => o.PlacedAtUtc >= sinceUtc && o.ShippingAddressId != null)
            .ToListAsync(ct);

        var totals = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var order in orders)
        {
            var city = order.ShippingAddress!.City; // PERF011
            totals[city] = totals.TryGetValue(city, out var sum) ? sum + order.Total : order.Total;
        }

        var result = new List<CityTotal>(totals.Count);
        foreach (var (city, total) in totals.OrderByDescending(kv => kv.Value))
        {
            result.Add(new CityTotal(city, total));
        }

        return result;
    }

    public async Task<IReadOnlyList<string>> GetMailingLabelsAsync(CancellationToken ct)
    {
        var customers = await _db.Customers
            .Where(c => !c.IsBlocked)
            .OrderBy(c => c.Name)
            .ToListAsync(ct);

        var labels = new List<string>(customers.Count);
        foreach (var customer in customers)
        {
            var address = customer.Address;
            var label = customer.Name.ToUpperInvariant();
            label += $"\n{address.Street}\n{address.PostalCode} {address.City}\n{address.Country}";
            labels.Add(label);
        }

        return labels;
    }

    public string BuildCategoryMatrix(IReadOnlyList<SalesFact> facts, int year)
    {
        var categories = facts.Select(f => f.Category).Distinct().OrderBy(c => c).ToList();
        var builder = new StringBuilder();
        builder.Append("Category".PadRight(16));
        for (var month = 1; month <= 12; month++)
        {
            builder.Append(new DateTime(year, month, 1).ToString("MMM").PadLeft(10));
        }

        builder.AppendLine();
        foreach (var category in categories)
        {
            builder.Append(category.PadRight(16));
            for (var month = 1; month <= 12; month++)
            {
                decimal sum = 0;
                foreach (var fact in facts) // PERF020
                {
                    if (fact.Year == year && fact.Month == month && fact.Category == category)
                    {
                        sum += fact.Amount;
                    }
                }

                builder.Append(sum.ToString("N0").PadLeft(10));
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }

    public IReadOnlyDictionary<string, int> CountUnitsByRegion(IReadOnlyList<RegionSales> regions)
    {
        var unitsByRegion = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var region in regions)
        {
            foreach (var store in region.Stores)
            {
                var units = store.Receipts.Sum(receipt =>
                {
                    var count = 0;
                    foreach (var item in receipt.Items)
                    {
                        count += item.Quantity;
                    }

                    return count;
                });

                unitsByRegion.TryGetValue(region.Name, out var current);
                unitsByRegion[region.Name] = current + units;
            }
        }

        return unitsByRegion;
    }
}
