using Microsoft.EntityFrameworkCore;
using ShopService.Data;

namespace ShopService.Services;

public sealed record ReorderSuggestion(string Sku, int WarehouseId, int Quantity);

public sealed record StockAdjustment(int ProductId, int WarehouseId, int Delta, string Reason);

public sealed record CycleCountLine(int ProductId, int WarehouseId, int Counted);

public sealed record WarehouseLoad(string WarehouseCode, int StockLines);

public sealed record WarehouseStock(int ProductId, int WarehouseId, int OnHand, int Target)
{
    public int Surplus => OnHand - Target;

    public int Deficit => Target - OnHand;
}

public sealed record TransferSuggestion(int ProductId, int FromWarehouseId, int ToWarehouseId, int Quantity);

public sealed class InventoryService
{
    private const int MaxSaveAttempts = 3;
    private const int MinimumReorderLevel = 10;

    private readonly ShopContext _db;

    public InventoryService(ShopContext db)
    {
        _db = db;
    }

    public async Task<IReadOnlyList<ReorderSuggestion>> GetReorderSuggestionsAsync(CancellationToken ct)
    {
        var low = await _db.StockItems
            .Where(s => s.QuantityOnHand < s.ReorderLevel)
            .OrderBy(s => s.WarehouseId)
            .ToListAsync(ct);

        var suggestions = new List<ReorderSuggestion>();
        foreach (var item in low)
        {
            var product = item.Product; // PERF011
            if (product.IsDiscontinued)
            {
                continue;
            }

            suggestions.Add(new ReorderSuggestion(product.Sku, item.WarehouseId, item.ReorderLevel * 2 - item.QuantityOnHand));
        }

        return suggestions;
    }

    public async Task<IReadOnlyDictionary<string, int>> GetOnHandByWarehouseAsync(CancellationToken ct)
    {
        // Loading the warehouses first lets relationship fix-up populate StockItem.Warehouse.
        await _db.Warehouses.LoadAsync(ct);
        var stock = await _db.StockItems
            .Where(s => s.QuantityOnHand > 0)
            .ToListAsync(ct);

        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in stock)
        {
            var code = item.Warehouse.Code;
            totals.TryGetValue(code, out var current);
            totals[code] = current + item.QuantityOnHand;
        }

        return totals;
    }

    public async Task<int> ApplyAdjustmentsAsync(IReadOnlyList<StockAdjustment> adjustments, CancellationToken ct)
    {
        var productIds = new HashSet<int>();
        foreach (var adjustment in adjustments)
        {
            productIds.Add(adjustment.ProductId);
        }

        var stockByKey = await _db.StockItems
            .Where(s => productIds.Contains(s.ProductId))
            .ToDictionaryAsync(s => (s.ProductId, s.WarehouseId), ct);

        var applied = 0;
        foreach (var adjustment in adjustments)
        {
            if (!stockByKey.TryGetValue((adjustment.ProductId, adjustment.WarehouseId), out var item))
            {
                Console.WriteLine($"No stock row for product {adjustment.ProductId} in warehouse {adjustment.WarehouseId}");
                continue;
            }

            item.QuantityOnHand = Math.Max(0, item.QuantityOnHand + adjustment.Delta);
            item.Version++;
            applied++;

            // Commit each adjustment on its own so one bad row does not roll back the batch.
            await _db.SaveChangesAsync(ct); // PERF012
        }

        return applied;
    }

    public void ApplyCycleCount(IReadOnlyList<CycleCountLine> counts)
    {
        var stockByKey = _db.StockItems.ToDictionary(s => (s.ProductId, s.WarehouseId));
        foreach (var count in counts)
        {
            if (stockByKey.TryGetValue((count.ProductId, count.WarehouseId), out var item) && item.QuantityOnHand != count.Counted)
            {
                item.QuantityOnHand = count.Counted;
                item.Version++;
                _db.SaveChanges(); // PERF012
            }
        }
    }

    public async Task ReserveAsync(int productId, int warehouseId, int quantity, CancellationToken ct)
    {
        var item = await _db.StockItems.SingleAsync(s => s.ProductId == productId && s.WarehouseId == warehouseId, ct);
        if (item.QuantityOnHand < quantity)
        {
            throw new InvalidOperationException($"Only {item.QuantityOnHand} of product {productId} left.");
        }

        item.QuantityOnHand -= quantity;
        item.Version++;

        for (var attempt = 1; attempt <= MaxSaveAttempts; attempt++)
        {
            try
            {
                await _db.SaveChangesAsync(ct);
                break;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxSaveAttempts)
            {
                // Another picker touched the same row; back off and try again.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), ct);
            }
        }
    }

    public async Task<int> WriteOffDiscontinuedAsync(CancellationToken ct)
    {
        var discontinuedIds = await _db.Products
            .Where(p => p.IsDiscontinued)
            .Select(p => p.Id)
            .ToListAsync(ct);
        var discontinued = new HashSet<int>(discontinuedIds);

        var stock = await _db.StockItems.Where(s => s.QuantityOnHand > 0).ToListAsync(ct);
        var writtenOff = 0;
        foreach (var item in stock)
        {
            if (discontinued.Contains(item.ProductId))
            {
                writtenOff += item.QuantityOnHand;
                item.QuantityOnHand = 0;
                item.Version++;
            }
        }

        _db.SaveChanges(); // PERF001
        return writtenOff;
    }

    public async Task RebuildReorderLevelsAsync(CancellationToken ct)
    {
        var items = await _db.StockItems.ToListAsync(ct);
        foreach (var item in items)
        {
            item.ReorderLevel = Math.Max(MinimumReorderLevel, item.QuantityOnHand / 4);
        }

        await _db.SaveChangesAsync(ct);

        // Give the reporting replica a moment to catch up before the report job reads it.
        Thread.Sleep(TimeSpan.FromMilliseconds(200)); // PERF002
    }

    public IReadOnlyList<WarehouseLoad> GetWarehouseLoad()
    {
        var warehouses = _db.Warehouses.OrderBy(w => w.Code).ToList();

        // Counts stock rows per warehouse, one COUNT query per warehouse.
        return warehouses
            .Select(w => new WarehouseLoad(w.Code, _db.StockItems.Count(s => s.WarehouseId == w.Id))) // PERF010
            .ToList();
    }

    /// <summary>Cycle-count lines that no adjustment explains, checked against every stock row.</summary>
    public int CountUnexplainedCounts(IReadOnlyList<WarehouseStock> snapshot, IReadOnlyList<StockAdjustment> adjustments, IReadOnlyList<CycleCountLine> counts)
    {
        var unexplained = 0;
        foreach (var count in counts)
        {
            foreach (var adjustment in adjustments)
            {
                foreach (var row in snapshot) // PERF020
                {
                    if (row.ProductId == count.ProductId && row.WarehouseId == count.WarehouseId
                        && adjustment.ProductId == row.ProductId && row.OnHand + adjustment.Delta != count.Counted)
                    {
                        unexplained++;
                    }
                }
            }
        }

        return unexplained;
    }

    public IReadOnlyList<TransferSuggestion> PlanTransfers(IReadOnlyList<WarehouseStock> snapshot)
    {
        var suggestions = new List<TransferSuggestion>();
        var byProduct = new Dictionary<int, List<WarehouseStock>>();
        foreach (var row in snapshot)
        {
            if (!byProduct.TryGetValue(row.ProductId, out var rows))
            {
                rows = new List<WarehouseStock>();
                byProduct[row.ProductId] = rows;
            }

            rows.Add(row);
        }

        foreach (var (productId, rows) in byProduct)
        {
            foreach (var source in rows)
            {
                var available = source.Surplus;
                foreach (var target in rows) // pairs within one product's rows: not three independent levels
                {
                    if (available <= 0)
                    {
                        break;
                    }

                    if (target.WarehouseId == source.WarehouseId || target.Deficit <= 0)
                    {
                        continue;
                    }

                    var quantity = Math.Min(available, target.Deficit);
                    suggestions.Add(new TransferSuggestion(productId, source.WarehouseId, target.WarehouseId, quantity));
                    available -= quantity;
                }
            }
        }

        return suggestions;
    }
}
