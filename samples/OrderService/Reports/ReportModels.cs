namespace ShopService.Reports;

public sealed record SalesFact(string Category, int Year, int Month, decimal Amount);

public sealed record CityTotal(string City, decimal Total);

public sealed record ReceiptItem(string Sku, int Quantity);

public sealed record Receipt(DateTime At, IReadOnlyList<ReceiptItem> Items);

public sealed record StoreSales(string Code, IReadOnlyList<Receipt> Receipts);

public sealed record RegionSales(string Name, IReadOnlyList<StoreSales> Stores);

public sealed class TopProductRow
{
    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public long Units { get; set; }

    public double Revenue { get; set; }

    public double Share { get; set; }
}

public sealed class CustomerBalanceRow
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public double OpenTotal { get; set; }
}

public sealed record AuditEntry(DateTime At, string Category, string Message);
