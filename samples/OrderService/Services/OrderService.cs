using Microsoft.EntityFrameworkCore;
using ShopService.Data;

namespace ShopService.Services;

public sealed record PlaceOrderLine(int ProductId, int Quantity);

public sealed record PlaceOrderRequest(int CustomerId, IReadOnlyList<PlaceOrderLine> Lines, string Currency = PricingService.BaseCurrency);

public sealed record OrderSummary(string Number, string CustomerName, decimal Total, int LineCount);

public sealed record OrderDetails(string Number, string CustomerName, decimal Total, decimal TotalInCurrency, string Currency);

public sealed record OrderFilter(string Field, string Value);

public sealed class OrderService
{
    private readonly ShopContext _db;
    private readonly PricingService _pricing;

    public OrderService(ShopContext db, PricingService pricing)
    {
        _db = db;
        _pricing = pricing;
    }

    public async Task<Order> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken ct)
    {
        var customer = await _db.Customers.FirstOrDefaultAsync(c => c.Id == request.CustomerId, ct)
            ?? throw new InvalidOperationException($"Unknown customer {request.CustomerId}.");
        if (customer.IsBlocked)
        {
            throw new InvalidOperationException($"Customer {customer.Id} is blocked.");
        }

        var order = new Order
        {
            Number = $"SO-{DateTime.UtcNow:yyMMddHHmmssfff}",
            Customer = customer,
            PlacedAtUtc = DateTime.UtcNow,
            Status = OrderStatus.Pending,
            ShippingAddressId = customer.AddressId,
        };

        foreach (var item in request.Lines)
        {
            // One round trip per requested line.
            var product = await _db.Products.FirstOrDefaultAsync(p => p.Id == item.ProductId, ct); // PERF010
            if (product is null || product.IsDiscontinued)
            {
                throw new InvalidOperationException($"Product {item.ProductId} cannot be ordered.");
            }

            order.Lines.Add(new OrderLine { Product = product, Quantity = item.Quantity, UnitPrice = product.ListPrice });
        }

        order.Total = _pricing.PriceOrder(order, customer);
        if (order.Total > customer.CreditLimit)
        {
            order.Status = OrderStatus.OnHold;
        }

        _db.Orders.Add(order);
        await _db.SaveChangesAsync(ct);
        Console.WriteLine($"Placed {order.Number} for {customer.Name}: {order.Total:N2} ({order.Status})");
        return order;
    }

    public async Task<OrderDetails> GetOrderDetailsAsync(int orderId, string currency, CancellationToken ct)
    {
        // Kick off the rate lookup while the order loads.
        var rateTask = _pricing.GetExchangeRateAsync(currency, ct);
        var order = await _db.Orders
            .Include(o => o.Customer)
            .SingleAsync(o => o.Id == orderId, ct);

        var rate = rateTask.Result; // PERF002
        return new OrderDetails(order.Number, order.Customer.Name, order.Total, Math.Round(order.Total * rate, 2), currency);
    }

    public async Task<decimal> GetPendingDiscountExposureAsync(CancellationToken ct)
    {
        var pending = await _db.Orders
            .Where(o => o.Status == OrderStatus.Pending)
            .ToListAsync(ct);

        decimal exposure = 0;
        foreach (var order in pending)
        {
            // Customer is lazy loaded here, once per order.
            exposure += order.Total * order.Customer.DiscountRate; // PERF011
        }

        return exposure;
    }

    public async Task<IReadOnlyList<OrderSummary>> GetOpenOrderSummariesAsync(CancellationToken ct)
    {
        var open = await _db.Orders
            .Include(o => o.Customer)
            .Where(o => o.Status != OrderStatus.Shipped && o.Status != OrderStatus.Cancelled)
            .OrderBy(o => o.PlacedAtUtc)
            .ToListAsync(ct);

        var summaries = new List<OrderSummary>(open.Count);
        foreach (var order in open)
        {
            summaries.Add(new OrderSummary(order.Number, order.Customer.Name, order.Total, order.Lines.Count));
        }

        return summaries;
    }

    public async Task<int> HoldOrdersFromBlockedCustomersAsync(DateTime sinceUtc, CancellationToken ct)
    {
        var blockedIds = await _db.Customers
            .Where(c => c.IsBlocked)
            .Select(c => c.Id)
            .ToListAsync(ct);
        var recent = await _db.Orders
            .Where(o => o.PlacedAtUtc >= sinceUtc && o.Status == OrderStatus.Pending)
            .ToListAsync(ct);

        var held = 0;
        foreach (var order in recent)
        {
            if (blockedIds.Contains(order.CustomerId)) // PERF021
            {
                order.Status = OrderStatus.OnHold;
                held++;
            }
        }

        await _db.SaveChangesAsync(ct);
        return held;
    }

    public async Task<int> MarkShippedAsync(int[] orderIds, CancellationToken ct)
    {
        var orders = await _db.Orders
            .Where(o => orderIds.Contains(o.Id) && o.Status == OrderStatus.Confirmed)
            .ToListAsync(ct);

        var now = DateTime.UtcNow;
        foreach (var order in orders)
        {
            order.Status = OrderStatus.Shipped;
            order.ShippedAtUtc = now;
        }

        await _db.SaveChangesAsync(ct);
        return orders.Count;
    }

    public async Task<bool> CancelOrderAsync(int orderId, string reason, CancellationToken ct)
    {
        var order = _db.Orders.Find(orderId); // PERF001
        if (order is null || order.Status == OrderStatus.Shipped)
        {
            return false;
        }

        order.Status = OrderStatus.Cancelled;
        order.CancellationReason = reason;
        await _db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<IReadOnlyList<Order>> SearchAsync(IEnumerable<OrderFilter> filters, int pageSize, CancellationToken ct)
    {
        IQueryable<Order> query = _db.Orders;
        foreach (var filter in filters)
        {
            // Only composes the query; it runs once below.
            if (filter.Field == "status")
            {
                var status = Enum.Parse<OrderStatus>(filter.Value, ignoreCase: true);
                query = query.Where(o => o.Status == status);
            }
            else if (filter.Field == "customer")
            {
                var customerId = int.Parse(filter.Value);
                query = query.Where(o => o.CustomerId == customerId);
            }
            else if (filter.Field == "number")
            {
                var prefix = filter.Value;
                query = query.Where(o => o.Number.StartsWith(prefix));
            }
        }

        return await query
            .OrderByDescending(o => o.PlacedAtUtc)
            .Take(pageSize)
            .ToListAsync(ct);
    }
}
