namespace ShopService.Data;

public class StockItem
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    public virtual Product Product { get; set; } = null!;

    public int WarehouseId { get; set; }

    // Deliberately not virtual: warehouses are a handful of rows that callers load up front,
    // so this is never lazy loaded (the context is configured to ignore non-virtual navigations).
    public Warehouse Warehouse { get; set; } = null!;

    public int QuantityOnHand { get; set; }

    public int ReorderLevel { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every stock movement.</summary>
    public int Version { get; set; }
}
