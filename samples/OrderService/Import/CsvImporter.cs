using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShopService.Data;
using ShopService.Services;

namespace ShopService.Import;

public sealed record ImportSummary(int Created, int Updated, int Skipped);

public sealed record CsvProductRow(string Sku, string Name, string Category, decimal ListPrice);

public sealed record CsvOrderRow(string OrderNumber, string CustomerEmail, string Sku, int Quantity, string Tags, string Notes);

public sealed record ResolvedOrderLine(string OrderNumber, int ProductId, int Quantity, decimal UnitPrice, bool Fragile, bool GiftWrap);

/// <summary>Imports the supplier price list and the marketplace order feed.</summary>
public sealed class CsvImporter
{
    private const char Separator = ';';
    private const string SupportedCountries = "DE,FR,NL,BE,AT,CH";

    private readonly ShopContext _db;
    private readonly PricingService _pricing;

    public CsvImporter(ShopContext db, PricingService pricing)
    {
        _db = db;
        _pricing = pricing;
    }

    public async Task<ImportSummary> ImportProductsAsync(string path, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        var header = await reader.ReadLineAsync(ct);
        if (header is null || !header.StartsWith("sku;", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"{path} is not a product price list.");
        }

        // Every known product, fetched once.
        var existingBySku = await _db.Products.ToDictionaryAsync(p => p.Sku, StringComparer.OrdinalIgnoreCase, ct);

        int created = 0, updated = 0, skipped = 0;
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) != null) // PERF001
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = ParseProductRow(line, lineNumber);
            if (new[] { "TEST", "SAMPLE", "DEMO" }.Contains(row.Category.ToUpperInvariant()))
            {
                skipped++;
                continue;
            }

            if (existingBySku.ContainsKey(row.Sku))
            {
                var product = existingBySku[row.Sku];
                product.Name = row.Name;
                product.ListPrice = row.ListPrice;
                updated++;
            }
            else
            {
                _db.Products.Add(new Product { Sku = row.Sku, Name = row.Name, Category = row.Category, ListPrice = row.ListPrice });
                created++;
            }

            // One round trip per imported row.
            await _db.SaveChangesAsync(ct); // PERF012
        }

        return new ImportSummary(created, updated, skipped);
    }

    public async Task<int> ImportOrdersAsync(string path, CancellationToken ct)
    {
        var text = await File.ReadAllTextAsync(path, ct);
        var customers = await _db.Customers.ToDictionaryAsync(c => c.Email, StringComparer.OrdinalIgnoreCase, ct);
        var products = await _db.Products.ToDictionaryAsync(p => p.Sku, StringComparer.OrdinalIgnoreCase, ct);

        var pending = new List<Order>();
        var byNumber = new Dictionary<string, Order>(StringComparer.Ordinal);
        using var reader = new StringReader(text);
        _ = reader.ReadLine(); // header
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            var row = ParseOrderRow(line);
            if (!customers.TryGetValue(row.CustomerEmail, out var customer) || !products.TryGetValue(row.Sku, out var product))
            {
                Console.WriteLine($"Skipping {row.OrderNumber}: unknown customer or SKU");
                continue;
            }

            if (!byNumber.TryGetValue(row.OrderNumber, out var order))
            {
                order = new Order
                {
                    Number = row.OrderNumber,
                    Customer = customer,
                    PlacedAtUtc = DateTime.UtcNow,
                    Status = OrderStatus.Pending,
                };
                byNumber.Add(row.OrderNumber, order);
                pending.Add(order);
            }

            order.Lines.Add(new OrderLine { Product = product, Quantity = row.Quantity, UnitPrice = product.ListPrice });
        }

        foreach (var draft in pending)
        {
            // Plain objects built above; nothing is lazy loaded here.
            draft.Total = _pricing.PriceOrder(draft, draft.Customer);
            _db.Orders.Add(draft);
        }

        await _db.SaveChangesAsync(ct);
        return pending.Count;
    }

    public IReadOnlyList<ResolvedOrderLine> ResolveOrderLines(IReadOnlyList<CsvOrderRow> rows)
    {
        var products = _db.Products.AsNoTracking().Where(p => !p.IsDiscontinued).ToList();
        var resolved = new List<ResolvedOrderLine>(rows.Count);
        foreach (var row in rows)
        {
            // Linear scan of the whole catalogue for every row.
            var product = products.FirstOrDefault(p => p.Sku == row.Sku); // PERF021
            if (product is null)
            {
                continue;
            }

            var tags = row.Tags.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var fragile = tags.Contains("fragile");
            var giftWrap = row.Notes.Contains("gift", StringComparison.OrdinalIgnoreCase);
            resolved.Add(new ResolvedOrderLine(row.OrderNumber, product.Id, row.Quantity, product.ListPrice, fragile, giftWrap));
        }

        return resolved;
    }

    public string ValidateCustomerFile(string path)
    {
        var lines = File.ReadAllLines(path);
        var problems = "";
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(Separator);
            var problem = fields.Length < 4
                ? "expected 4 fields"
                : SupportedCountries.Contains(fields[3].Trim().ToUpperInvariant()) ? null : $"unsupported country '{fields[3]}'";
            if (problem is not null)
            {
                problems = $"{problems}line {i + 1}: {problem}; "; // PERF030
            }
        }

        return problems;
    }

    private static CsvProductRow ParseProductRow(string line, int lineNumber)
    {
        var fields = line.Split(Separator);
        if (fields.Length < 4 || !decimal.TryParse(fields[3], NumberStyles.Number, CultureInfo.InvariantCulture, out var price))
        {
            throw new InvalidDataException($"Line {lineNumber}: cannot parse '{line}'.");
        }

        return new CsvProductRow(fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), price);
    }

    public static CsvOrderRow ParseOrderRow(string line)
    {
        var fields = line.Split(Separator);
        return new CsvOrderRow(
            fields[0].Trim(),
            fields[1].Trim(),
            fields[2].Trim(),
            int.Parse(fields[3], CultureInfo.InvariantCulture),
            fields.Length > 4 ? fields[4] : "",
            fields.Length > 5 ? fields[5] : "");
    }
}
