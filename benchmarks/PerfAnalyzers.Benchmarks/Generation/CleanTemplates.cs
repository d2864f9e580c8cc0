namespace PerfAnalyzers.Benchmarks.Generation;

/// <summary>
/// Methods of ordinary, well-written application code. None of them may trigger a PerfAnalyzers rule: async code
/// awaits the asynchronous APIs, loops use sets and dictionaries, strings are built with StringBuilder, and the
/// look-alikes (the shapes next to each smell that must stay quiet) are spelled out in <see cref="SmellTemplates.LookAlikes"/>.
/// <c>$K$</c> is replaced by a suffix unique in the class.
/// </summary>
internal static partial class CleanTemplates
{
    public static readonly MethodTemplate[] Repository =
    [
        new(NeedsData: true, """
            public async Task<List<Order>> GetRecentOrders$K$Async(int customerId, int take, CancellationToken ct)
            {
                return await db.Orders
                    .Where(o => o.CustomerId == customerId)
                    .OrderByDescending(o => o.CreatedAt)
                    .Take(take)
                    .ToListAsync(ct);
            }
            """),
        new(NeedsData: true, """
            public async Task<Customer?> FindCustomer$K$Async(string email, CancellationToken ct)
            {
                var normalized = email.Trim().ToLowerInvariant();
                return await db.Customers
                    .Include(c => c.Address)
                    .FirstOrDefaultAsync(c => c.Email == normalized, ct);
            }
            """),
        new(NeedsData: true, """
            public async Task<int> CountActiveCustomers$K$Async(CancellationToken ct)
            {
                return await db.Customers.CountAsync(c => c.IsActive, ct);
            }
            """),
        new(NeedsData: true, """
            public async Task<List<Product>> GetProductsBySupplier$K$Async(int supplierId)
            {
                const string sql = "SELECT Id, Name, Sku, Price, Stock, SupplierId FROM Products WHERE SupplierId = @SupplierId";
                var rows = await connection.QueryAsync<Product>(sql, new { SupplierId = supplierId });
                return rows.AsList();
            }
            """),
        new(NeedsData: true, """
            public async Task<List<OrderSummary>> GetOrderSummaries$K$Async(int status, CancellationToken ct)
            {
                return await db.Orders
                    .Where(o => o.Status == status)
                    .Select(o => new OrderSummary(o.Id, o.Total, o.Status))
                    .ToListAsync(ct);
            }
            """),
        new(NeedsData: true, """
            public async Task<Dictionary<int, Product>> GetProductsById$K$Async(IEnumerable<int> ids, CancellationToken ct)
            {
                var wanted = ids.Distinct().ToList();
                return await db.Products.Where(p => wanted.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
            }
            """),
        new(NeedsData: true, """
            public async Task<bool> UpdatePrice$K$Async(int productId, decimal price, CancellationToken ct)
            {
                var product = await db.Products.FindAsync(new object[] { productId }, ct);
                if (product is null)
                {
                    return false;
                }

                product.Price = price;
                await db.SaveChangesAsync(ct);
                return true;
            }
            """),
        new(NeedsData: true, """
            public List<Supplier> GetSuppliersByCountry$K$(string country)
            {
                return db.Suppliers
                    .Where(s => s.Country == country)
                    .OrderBy(s => s.Name)
                    .ToList();
            }
            """),
        new(NeedsData: true, """
            public async Task<decimal> GetRevenue$K$Async(DateTime from, DateTime to, CancellationToken ct)
            {
                return await db.Orders
                    .Where(o => o.CreatedAt >= from && o.CreatedAt < to && o.Status != 9)
                    .SumAsync(o => o.Total, ct);
            }
            """),
        new(NeedsData: true, """
            public async Task<int> ArchiveOrders$K$Async(DateTime before, CancellationToken ct)
            {
                const string sql = "UPDATE Orders SET Status = 9 WHERE CreatedAt < @Before AND Status = 3";
                await connection.OpenAsync(ct);
                return await connection.ExecuteAsync(sql, new { Before = before });
            }
            """),
    ];

    public static readonly MethodTemplate[] Controller =
    [
        new(NeedsData: true, """
            public async Task<ApiResponse<List<OrderSummary>>> GetOrders$K$(int customerId, CancellationToken ct)
            {
                var orders = await db.Orders
                    .Where(o => o.CustomerId == customerId)
                    .OrderBy(o => o.Id)
                    .Select(o => new OrderSummary(o.Id, o.Total, o.Status))
                    .ToListAsync(ct);
                return Ok(orders);
            }
            """),
        new(NeedsData: true, """
            public async Task<ApiResponse<Product>> GetProduct$K$(string sku, CancellationToken ct)
            {
                var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Sku == sku, ct);
                return product is null ? NotFound<Product>() : Ok(product);
            }
            """),
        new(NeedsData: true, """
            public async Task<ApiResponse<int>> ChangePrices$K$(IReadOnlyList<PriceChange> changes, CancellationToken ct)
            {
                var ids = changes.Select(c => c.ProductId).ToList();
                var products = await db.Products.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
                var changed = 0;
                foreach (var change in changes)
                {
                    if (products.TryGetValue(change.ProductId, out var product))
                    {
                        product.Price = change.NewPrice;
                        changed++;
                    }
                }

                await db.SaveChangesAsync(ct);
                return Ok(changed);
            }
            """),
        new(NeedsData: true, """
            public async Task<ApiResponse<string>> Rename$K$(int customerId, string name, CancellationToken ct)
            {
                var outcome = ValidateName$K$(name);
                if (!outcome.Succeeded)
                {
                    return NotFound<string>();
                }

                var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct);
                if (customer is null)
                {
                    return NotFound<string>();
                }

                customer.Name = outcome.Result;
                await db.SaveChangesAsync(ct);
                return Ok(outcome.Result);
            }

            private static OperationResult<string> ValidateName$K$(string name)
            {
                var trimmed = name.Trim();
                return new OperationResult<string>(trimmed, trimmed.Length is > 0 and <= 200);
            }
            """),
        new(NeedsData: true, """
            public async Task<ApiResponse<List<string>>> CustomerLabels$K$(int take, CancellationToken ct)
            {
                var customers = await db.Customers
                    .Include(c => c.Address)
                    .OrderBy(c => c.Name)
                    .Take(take)
                    .ToListAsync(ct);
                var labels = new List<string>(customers.Count);
                foreach (var customer in customers)
                {
                    labels.Add(customer.Name + " (" + (customer.Address?.City ?? "unknown") + ")");
                }

                return Ok(labels);
            }
            """),
    ];
}

/// <summary>A method body to paste into a generated class.</summary>
internal sealed record MethodTemplate(bool NeedsData, string Code);
