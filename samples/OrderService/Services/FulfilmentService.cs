using Microsoft.EntityFrameworkCore;
using ShopService.Data;

namespace ShopService.Services;

public sealed record OrderRef(int Id, string Number);

public sealed record WarehouseRef(int Id);

public sealed record Shipment(string Carrier, OrderRef Order, WarehouseRef From);

public sealed record PickRequest(int ProductId, int Quantity);

public sealed record CustomerRef(int Id, string Name);

public sealed record ProductStock(string Sku, int StockLines);

public sealed record PickList(string OrderNumber, int Lines, int Warehouses);

/// <summary>
/// Fulfilment steps written item by item: each loop below runs one query per item (PERF010), in the shapes the
/// code fix batches into one query before the loop.
/// </summary>
public sealed class FulfilmentService
{
    private readonly ShopContext _db;

    public FulfilmentService(ShopContext db)
    {
        _db = db;
    }

    public async Task<int> CountPickableAsync(IReadOnlyList<PickRequest> requests, CancellationToken ct)
    {
        var pickable = 0;
        foreach (var request in requests)
        {
            var product = await _db.Products.FindAsync(new object[] { request.ProductId }, ct); // PERF010
            if (product is { IsDiscontinued: false })
            {
                pickable += request.Quantity;
            }
        }

        return pickable;
    }

    public IReadOnlyList<string> GetShipmentNumbers(IReadOnlyList<Shipment> shipments)
    {
        var numbers = new List<string>(shipments.Count);
        foreach (var shipment in shipments)
        {
            var order = _db.Orders.Find(shipment.Order.Id); // PERF010
            numbers.Add(order?.Number ?? shipment.Order.Number);
        }

        return numbers;
    }

    public async Task<IReadOnlyList<string>> GetCarrierLabelsAsync(IReadOnlyList<Shipment> shipments, CancellationToken ct)
    {
        var labels = new List<string>(shipments.Count);
        foreach (var shipment in shipments)
        {
            var order = await _db.Orders.FirstOrDefaultAsync(o => shipment.Order.Id == o.Id, ct); // PERF010
            labels.Add($"{shipment.Carrier}: {order?.Number ?? "unknown"}");
        }

        return labels;
    }

    public async Task<decimal> SumLineTotalsAsync(IReadOnlyList<OrderRef> orders, CancellationToken ct)
    {
        var total = 0m;
        foreach (var order in orders)
        {
            var lines = await _db.OrderLines.Where(l => l.OrderId == order.Id).ToListAsync(ct); // PERF010
            total += lines.Sum(l => l.Quantity * l.UnitPrice);
        }

        return total;
    }

    public async Task<IReadOnlyList<string>> GetFirstTimeCustomersAsync(IReadOnlyList<CustomerRef> customers, CancellationToken ct)
    {
        var firstTimers = new List<string>();
        foreach (var customer in customers)
        {
            if (!await _db.Orders.AnyAsync(o => o.CustomerId == customer.Id, ct)) // PERF010
            {
                firstTimers.Add(customer.Name);
            }
        }

        return firstTimers;
    }

    public IReadOnlyDictionary<int, int> CountStockLines(int[] productIds)
    {
        var counts = new Dictionary<int, int>(productIds.Length);
        for (var i = 0; i < productIds.Length; i++)
        {
            counts[productIds[i]] = _db.StockItems.Count(s => s.ProductId == productIds[i]); // PERF010
        }

        return counts;
    }

    public async Task<IReadOnlyList<PickList>> BuildPickListsAsync(IReadOnlyList<OrderRef> orders, CancellationToken ct)
    {
        var pickLists = new List<PickList>(orders.Count);
        foreach (var order in orders)
        {
            var lines = await _db.OrderLines.CountAsync(l => l.OrderId == order.Id, ct); // PERF010
            var warehouses = await _db.Warehouses.CountAsync(ct); // PERF010
            pickLists.Add(new PickList(order.Number, lines, warehouses));
        }

        return pickLists;
    }

    public IReadOnlyList<ProductStock> GetProductStock(IReadOnlyList<Product> products)
    {
        return products
            .Select(p => new ProductStock(p.Sku, _db.StockItems.Count(s => s.ProductId == p.Id))) // PERF010
            .ToList();
    }

    public int CountOpenLines(IReadOnlyList<OrderRef> orders)
    {
        var open = 0;
        foreach (var order in orders)
        {
            foreach (var line in _db.OrderLines.Where(l => l.OrderId == order.Id)) // PERF010
            {
                open += line.Quantity;
            }
        }

        return open;
    }

    public IReadOnlyList<string> GetDispatchCodes(IReadOnlyList<Shipment> shipments)
    {
        var codes = new List<string>(shipments.Count);
        foreach (var shipment in shipments)
        {
            var warehouse = _db.Warehouses.SingleOrDefault(w => w.Id == shipment.From.Id); // PERF010
            codes.Add($"{warehouse?.Code ?? "?"}-{shipment.Order.Number}");
        }

        return codes;
    }
}
