using Microsoft.EntityFrameworkCore;
using ShopService.Data;

namespace ShopService.Services;

public sealed record ShipmentConfirmation(string OrderNumber, DateTime ShippedAtUtc);

/// <summary>Confirms shipments reported by the carrier, holds overdue orders and prints packing slips and labels.</summary>
public sealed class ShipmentService
{
    private readonly ShopContext _db;

    // Labels go to one printer: the lock keeps one label's bytes from interleaving with another's.
    private readonly object _printerGate = new();
    private int _labelsPrinted;

    public ShipmentService(ShopContext db)
    {
        _db = db;
    }

    public int LabelsPrinted => _labelsPrinted;

    public async Task<int> ConfirmShipmentsAsync(IReadOnlyList<ShipmentConfirmation> confirmations, CancellationToken ct)
    {
        var open = await _db.Orders
            .Where(o => o.Status == OrderStatus.Confirmed)
            .ToDictionaryAsync(o => o.Number, ct);

        var shipped = 0;
        foreach (var confirmation in confirmations)
        {
            if (!open.TryGetValue(confirmation.OrderNumber, out var order))
            {
                continue;
            }

            order.Status = OrderStatus.Shipped;
            order.ShippedAtUtc = confirmation.ShippedAtUtc;
            await _db.SaveChangesAsync(ct); // PERF012
            shipped++;
        }

        return shipped;
    }

    public void HoldOverdue(IEnumerable<Order> orders, DateTime cutoffUtc)
    {
        foreach (var order in orders)
        {
            if (order.Status == OrderStatus.Confirmed && order.PlacedAtUtc < cutoffUtc)
            {
                order.Status = OrderStatus.OnHold;
                _db.SaveChanges(); // PERF012
            }
        }
    }

    public async Task<IReadOnlyList<string>> GetPackingSlipsAsync(CancellationToken ct)
    {
        var toShip = await _db.Orders
            .Where(o => o.Status == OrderStatus.Confirmed)
            .OrderBy(o => o.PlacedAtUtc)
            .ToListAsync(ct);

        var slips = new List<string>(toShip.Count);
        for (var i = 0; i < toShip.Count; i++)
        {
            var order = toShip[i];
            var city = toShip[i].ShippingAddress?.City ?? "(collect in store)"; // PERF011
            slips.Add($"{order.Number} for {order.Customer.Name}, {city}"); // PERF011
        }

        return slips;
    }

    public async Task PrintLabelsAsync(IReadOnlyList<Order> orders, Func<Order, Task<byte[]>> render, Stream printer, CancellationToken ct)
    {
        foreach (var order in orders)
        {
            var rendering = render(order);
            lock (_printerGate)
            {
                var label = rendering.Result; // PERF002
                printer.Write(label);
                _labelsPrinted++;
            }
        }

        await printer.FlushAsync(ct);
    }
}
