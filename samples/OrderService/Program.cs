using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ShopService.Api;
using ShopService.Data;
using ShopService.Import;
using ShopService.Reports;
using ShopService.Services;

namespace ShopService;

internal static class Program
{
    private const string DefaultConnectionString = "Data Source=orderservice;Mode=Memory;Cache=Shared";

    private static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        var ct = cts.Token;

        // The connection stays open for the whole run: an in-memory SQLite database lives as long as it does.
        await using var connection = new SqliteConnection(args.Length > 0 ? args[0] : DefaultConnectionString);
        await connection.OpenAsync(ct);

        var options = new DbContextOptionsBuilder<ShopContext>().UseSqlite(connection).Options;
        await using var db = new ShopContext(options);
        await db.Database.EnsureCreatedAsync(ct);
        if (!await db.Products.AnyAsync(ct))
        {
            await SeedData.SeedAsync(db, ct);
        }

        var workDirectory = Path.Combine(Path.GetTempPath(), "orderservice-sample");
        Directory.CreateDirectory(workDirectory);

        var pricing = new PricingService(db);
        var orders = new OrderService(db, pricing);
        var inventory = new InventoryService(db);
        var audit = new AdoNetAuditLog(connection);
        var queries = new DapperReportQueries(connection);
        await audit.EnsureSchemaAsync(ct);
        await queries.EnsureSummaryTablesAsync(ct);
        await audit.WriteAsync("startup", $"work directory {workDirectory}", ct);

        // Orders and pricing
        var placed = await orders.PlaceOrderAsync(new PlaceOrderRequest(1, [new PlaceOrderLine(1, 40), new PlaceOrderLine(3, 12)]), ct);
        var details = await orders.GetOrderDetailsAsync(placed.Id, "USD", ct);
        Console.WriteLine($"{details.Number}: {details.Total:N2} EUR = {details.TotalInCurrency:N2} {details.Currency}");
        Console.WriteLine($"Pending discount exposure: {await orders.GetPendingDiscountExposureAsync(ct):N2}");
        Console.WriteLine($"Open orders: {(await orders.GetOpenOrderSummariesAsync(ct)).Count}");
        Console.WriteLine($"Held: {await orders.HoldOrdersFromBlockedCustomersAsync(DateTime.UtcNow.AddDays(-7), ct)}");

        // Endpoints over the service and repository layers
        var endpoints = new OrderEndpoints(db, new CustomerDirectory(new CustomerRepository(db), db));
        Console.WriteLine($"Recent orders: {(await endpoints.ListRecentOrdersAsync(DateTime.UtcNow.AddDays(-7), ct)).Count}");
        Console.WriteLine($"Recent orders (batched): {(await endpoints.ListRecentOrdersBatchedAsync(DateTime.UtcNow.AddDays(-7), ct)).Count}");
        Console.WriteLine($"Unblocked: {await endpoints.UnblockCustomersAsync([2, 3], ct)}");
        Console.WriteLine($"Shipped: {await orders.MarkShippedAsync([2, 3, 5], ct)}, cancelled: {await orders.CancelOrderAsync(4, "customer request", ct)}");
        var confirmed = await orders.SearchAsync([new OrderFilter("status", "confirmed"), new OrderFilter("number", "SO-")], 5, ct);
        Console.WriteLine($"Confirmed: {string.Join(", ", confirmed.Select(o => o.Number))}");
        Console.WriteLine($"Discount rates: {pricing.GetDiscountRates([1, 2, 3]).Count}, USD->GBP {await pricing.GetCrossRateAsync("USD", "GBP", ct)}");
        Console.WriteLine($"CHF {await pricing.GetCachedRateAsync("CHF", ct)}, 100 EUR in USD {await pricing.ConvertWithFeeAsync(100m, "USD", ct)}");
        Console.WriteLine($"Repriced: {await pricing.RepriceCategoryAsync("Electrical", 2.5m, ct)}");

        // Inventory
        Console.WriteLine($"Reorder suggestions: {(await inventory.GetReorderSuggestionsAsync(ct)).Count}");
        Console.WriteLine($"Warehouses with stock: {(await inventory.GetOnHandByWarehouseAsync(ct)).Count}");
        await inventory.ApplyAdjustmentsAsync([new StockAdjustment(1, 1, -3, "DAMAGED"), new StockAdjustment(2, 2, 20, "RECEIVED")], ct);
        inventory.ApplyCycleCount([new CycleCountLine(2, 1, 40), new CycleCountLine(4, 2, 7)]);
        await inventory.ReserveAsync(2, 1, 5, ct);
        Console.WriteLine($"Written off: {await inventory.WriteOffDiscontinuedAsync(ct)} units");
        await inventory.RebuildReorderLevelsAsync(ct);
        Console.WriteLine($"Warehouse load: {string.Join(", ", inventory.GetWarehouseLoad())}");
        var transfers = inventory.PlanTransfers([new WarehouseStock(1, 1, 90, 40), new WarehouseStock(1, 2, 5, 40)]);
        Console.WriteLine($"Planned transfers: {transfers.Count}");

        // Partner webhooks are not configured in the sample run: nothing leaves the machine.
        var notifier = new PartnerNotifier(webhook: null, indentAudit: false);
        var notice = new ShipmentNotice(placed.Number, "Fast Parcel", "AB123456789DE", DateTime.UtcNow);
        Console.WriteLine($"Notice {PartnerNotifier.IsValidOrderNumber(notice.OrderNumber)}/{PartnerNotifier.IsValidTrackingCode(notice.TrackingCode)} {PartnerNotifier.NormalizeCarrier(notice.Carrier)}: {notifier.DescribeForAudit(notice).Length} / {PartnerNotifier.DescribeForSupport(notice).Length} chars");
        Console.WriteLine($"Notified: {await notifier.NotifyAsync(notice, ct)}, resent {await notifier.ResendAsync([notice], ct)}, carrier status {await notifier.FetchCarrierStatusAsync(null, ct) ?? "n/a"}");

        await RunImportExportAsync(new CsvImporter(db, pricing), new ExportWriter(db, Path.Combine(workDirectory, "exports")), workDirectory, ct);
        await RunReportsAsync(new SalesReport(db), queries, ct);
        await RunActivityReportAsync(new CustomerActivityReport(db), workDirectory, ct);

        await audit.WriteBatchAsync([new AuditEntry(DateTime.UtcNow, "import", "feeds processed"), new AuditEntry(DateTime.UtcNow, "export", "orders exported")], ct);
        Console.WriteLine($"Audit: {string.Join(", ", audit.CountByCategory(["startup", "import", "export"]))}");
        return 0;
    }

    private static async Task RunImportExportAsync(CsvImporter importer, ExportWriter exporter, string workDirectory, CancellationToken ct)
    {
        var priceList = Path.Combine(workDirectory, "pricelist.csv");
        await File.WriteAllTextAsync(priceList, "sku;name;category;price\nPIPE-15;Copper pipe 15mm;Plumbing;8.10\nFIT-90;Elbow 90 15mm;Plumbing;1.20\nDEMO-1;Demo;Demo;0\n", ct);
        Console.WriteLine($"Price list: {await importer.ImportProductsAsync(priceList, ct)}");

        var orderFeed = Path.Combine(workDirectory, "marketplace-orders.csv");
        await File.WriteAllTextAsync(
            orderFeed,
            "number;email;sku;qty;tags;notes\nMP-1;orders@brandt.example;PIPE-15;5;fragile|bulk;Gift\nMP-1;orders@brandt.example;VALVE-B;2;;\nMP-2;achats@moreau.example;CABLE-3G;1;;\n",
            ct);
        Console.WriteLine($"Marketplace orders: {await importer.ImportOrdersAsync(orderFeed, ct)}");
        var rows = (await File.ReadAllLinesAsync(orderFeed, ct)).Skip(1).Select(CsvImporter.ParseOrderRow).ToList();
        Console.WriteLine($"Resolved lines: {importer.ResolveOrderLines(rows).Count}");

        var customerFile = Path.Combine(workDirectory, "customers.csv");
        await File.WriteAllTextAsync(customerFile, "name;email;city;country\nKowalski;biuro@kowalski.example;Krakow;PL\nShort;line\n", ct);
        Console.WriteLine($"Customer file problems: {importer.ValidateCustomerFile(customerFile)}");

        var ordersExport = await exporter.ExportOrdersCsvAsync(DateTime.UtcNow.AddDays(-30), ct);
        await exporter.WriteStockSnapshotAsync([new StockSnapshotRow("PIPE-15", "BER", 12)], "stock.csv", ct);
        var templatePath = Path.Combine(workDirectory, "mail.txt");
        await File.WriteAllTextAsync(templatePath, "Hello {{name}}, your export {{file}} is ready.\n", ct);
        var values = new Dictionary<string, string> { ["name"] = "Finance", ["file"] = Path.GetFileName(ordersExport) };
        Console.Write(await exporter.RenderTemplateAsync(templatePath, values, ct));
        await exporter.ArchiveAsync(ordersExport, ct);
    }

    private static async Task RunReportsAsync(SalesReport report, DapperReportQueries queries, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Console.Write(await report.BuildDailySummaryAsync(today.AddDays(-2), ct));
        Console.WriteLine(await report.BuildHeadlineAsync(DateTime.UtcNow.AddDays(-7), ct));
        Console.WriteLine($"By city: {string.Join(", ", await report.GetSalesByCityAsync(DateTime.UtcNow.AddDays(-30), ct))}");
        Console.WriteLine($"Mailing labels: {(await report.GetMailingLabelsAsync(ct)).Count}");
        Console.Write(report.BuildCategoryMatrix([new("Plumbing", today.Year, 1, 1200m), new("Electrical", today.Year, 2, 400m)], today.Year));
        RegionSales[] regions = [new("North", [new StoreSales("BER-1", [new Receipt(DateTime.UtcNow, [new ReceiptItem("PIPE-15", 3)])])])];
        Console.WriteLine($"Units by region: {string.Join(", ", report.CountUnitsByRegion(regions))}");

        var top = await queries.GetTopProductsAsync(DateTime.UtcNow.AddDays(-30), 3, ct);
        Console.WriteLine($"Top products: {string.Join(", ", top.Select(t => $"{t.Sku} {t.Share:P0}"))}");
        Console.WriteLine($"Balances: {queries.GetBalances([1, 2]).Count} one by one, {queries.GetBalancesBatched([1, 2, 3]).Count} batched");
        Console.WriteLine($"Warehouses: {string.Join(", ", queries.GetWarehouseNames(["BER", "LYS", "HAM"]))}");
        Console.WriteLine($"Primary warehouse: {await queries.FindPrimaryWarehouseNameAsync(["LYS", "BER"], ct)}");
        Console.WriteLine($"Summary days: {await queries.RefreshSummaryTablesAsync(ct)}");
    }

    private static async Task RunActivityReportAsync(CustomerActivityReport activity, string workDirectory, CancellationToken ct)
    {
        var crmExport = Path.Combine(workDirectory, "crm.txt");
        await File.WriteAllTextAsync(crmExport, "email\norders@brandt.example\nnobody@example.com\nchecksum\n", ct);
        Console.WriteLine($"Partners: {activity.GetPartnerCustomers(".example").Count}, shipped: {await activity.CountShippedAsync(ct)}, open: {activity.GetOpenOrderValue():N2}");
        Console.WriteLine($"Blocked: {(await activity.GetBlockedCustomersAsync(ct)).Count}, known: {activity.CountKnownEmails(crmExport)}, frame: {activity.ReadExportFrame(crmExport)}");
        Console.WriteLine($"CRM XML: {activity.ToXml([new CustomerActivity { Email = "a@b.example", Orders = 2 }], "activity").Length + activity.ToCrmXml([]).Length} chars, {activity.ToXmlEach([new CustomerActivity()]).Count} documents, {activity.CountAddressLines(crmExport)} addresses");
    }
}
