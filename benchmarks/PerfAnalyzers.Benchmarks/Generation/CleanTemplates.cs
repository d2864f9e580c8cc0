namespace PerfAnalyzers.Benchmarks.Generation;

/// <summary>
/// Methods of ordinary, well-written application code. None of them may trigger a PerfAnalyzers rule: async code
/// awaits the asynchronous APIs, loops use sets and dictionaries, strings are built with StringBuilder, and the
/// look-alikes (the shapes next to each smell that must stay quiet) are spelled out in <see cref="SmellTemplates.LookAlikes"/>.
/// <c>$K$</c> is replaced by a suffix unique in the class.
/// </summary>
internal static class CleanTemplates
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

    public static readonly MethodTemplate[] Service =
    [
        new(NeedsData: false, """
            public decimal TotalOf$K$(IReadOnlyList<LineItem> items)
            {
                var total = 0m;
                foreach (var item in items)
                {
                    if (item.Quantity <= 0)
                    {
                        continue;
                    }

                    total += item.Quantity * item.UnitPrice;
                }

                return Math.Round(total, 2, MidpointRounding.AwayFromZero);
            }
            """),
        new(NeedsData: false, """
            public Dictionary<int, decimal> TotalsByCustomer$K$(IEnumerable<LineItem> items)
            {
                var totals = new Dictionary<int, decimal>();
                foreach (var item in items)
                {
                    totals.TryGetValue(item.CustomerId, out var sum);
                    totals[item.CustomerId] = sum + item.Quantity * item.UnitPrice;
                }

                return totals;
            }
            """),
        new(NeedsData: false, """
            public List<LineItem> WithoutBlocked$K$(IReadOnlyList<LineItem> items, IEnumerable<int> blockedCustomerIds)
            {
                var blocked = new HashSet<int>(blockedCustomerIds);
                var result = new List<LineItem>();
                foreach (var item in items)
                {
                    if (!blocked.Contains(item.CustomerId))
                    {
                        result.Add(item);
                    }
                }

                return result;
            }
            """),
        new(NeedsData: false, """
            public decimal[,] Multiply$K$(decimal[,] left, decimal[,] right)
            {
                var rows = left.GetLength(0);
                var columns = right.GetLength(1);
                var result = new decimal[rows, columns];
                for (var i = 0; i < rows; i++)
                {
                    for (var j = 0; j < columns; j++)
                    {
                        result[i, j] = left[i, 0] * right[0, j];
                    }
                }

                return result;
            }
            """),
        new(NeedsData: false, """
            public List<int> TopCustomers$K$(IEnumerable<LineItem> items, int count)
            {
                return items
                    .GroupBy(i => i.CustomerId)
                    .Select(g => new { CustomerId = g.Key, Total = g.Sum(i => i.UnitPrice * i.Quantity) })
                    .OrderByDescending(x => x.Total)
                    .Take(count)
                    .Select(x => x.CustomerId)
                    .ToList();
            }
            """),
        new(NeedsData: false, """
            public List<string> Validate$K$(IReadOnlyList<LineItem> items)
            {
                var errors = new List<string>();
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (string.IsNullOrWhiteSpace(item.Sku))
                    {
                        errors.Add($"Line {i + 1}: SKU is required.");
                    }
                    else if (item.Sku.Contains(' '))
                    {
                        errors.Add($"Line {i + 1}: SKU '{item.Sku}' contains a space.");
                    }

                    if (item.Quantity is < 1 or > 10_000)
                    {
                        errors.Add($"Line {i + 1}: quantity {item.Quantity} is out of range.");
                    }
                }

                return errors;
            }
            """),
        new(NeedsData: false, """
            public int[] Page$K$(int totalCount, int pageSize, int page)
            {
                if (pageSize <= 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(pageSize));
                }

                var pages = (totalCount + pageSize - 1) / pageSize;
                var current = Math.Clamp(page, 1, Math.Max(1, pages));
                var first = (current - 1) * pageSize;
                var last = Math.Min(totalCount, first + pageSize);
                return new[] { pages, current, first, last };
            }
            """),
        new(NeedsData: false, """
            public async Task<bool> WaitForFile$K$Async(string name, CancellationToken ct)
            {
                var path = Path.Combine(root, name);
                for (var attempt = 1; attempt <= 5; attempt++)
                {
                    if (File.Exists(path))
                    {
                        return true;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
                }

                return false;
            }
            """),
        new(NeedsData: false, """
            public List<LineItem> SortForPicking$K$(IEnumerable<LineItem> items)
            {
                var sorted = new List<LineItem>(items);
                sorted.Sort((a, b) =>
                {
                    var bySku = string.CompareOrdinal(a.Sku, b.Sku);
                    return bySku != 0 ? bySku : b.Quantity.CompareTo(a.Quantity);
                });
                return sorted;
            }
            """),
        new(NeedsData: false, """
            public Dictionary<string, List<LineItem>> GroupBySkuPrefix$K$(IEnumerable<LineItem> items, int prefixLength)
            {
                var groups = new Dictionary<string, List<LineItem>>(StringComparer.OrdinalIgnoreCase);
                foreach (var item in items)
                {
                    var prefix = item.Sku.Length <= prefixLength ? item.Sku : item.Sku.Substring(0, prefixLength);
                    if (!groups.TryGetValue(prefix, out var list))
                    {
                        list = new List<LineItem>();
                        groups.Add(prefix, list);
                    }

                    list.Add(item);
                }

                return groups;
            }
            """),
        new(NeedsData: false, """
            public async Task<int> SumQuantities$K$Async(IReadOnlyList<LineItem> items, CancellationToken ct)
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                var sum = 0;
                var index = 0;
                while (index < items.Count)
                {
                    sum += items[index].Quantity;
                    index++;
                }

                return sum;
            }
            """),
    ];

    public static readonly MethodTemplate[] FileStore =
    [
        new(NeedsData: false, """
            public async Task<string> LoadTemplate$K$Async(string name, CancellationToken ct)
            {
                var path = Path.Combine(root, name + ".txt");
                if (!File.Exists(path))
                {
                    return "";
                }

                return await File.ReadAllTextAsync(path, ct);
            }
            """),
        new(NeedsData: false, """
            public async Task SaveLines$K$Async(string name, IEnumerable<string> lines, CancellationToken ct)
            {
                var path = Path.Combine(root, name);
                Directory.CreateDirectory(root);
                await File.WriteAllLinesAsync(path, lines, ct);
            }
            """),
        new(NeedsData: false, """
            public string[] ReadSettings$K$(string name)
            {
                var path = Path.Combine(root, name + ".ini");
                return File.Exists(path) ? File.ReadAllLines(path) : Array.Empty<string>();
            }
            """),
        new(NeedsData: false, """
            public async Task Copy$K$Async(string source, string target, CancellationToken ct)
            {
                await using var input = File.OpenRead(Path.Combine(root, source));
                await using var output = File.Create(Path.Combine(root, target));
                await input.CopyToAsync(output, ct);
            }
            """),
        new(NeedsData: false, """
            public long TotalSize$K$(string pattern)
            {
                long total = 0;
                foreach (var file in Directory.EnumerateFiles(root, pattern))
                {
                    total += new FileInfo(file).Length;
                }

                return total;
            }
            """),
        new(NeedsData: false, """
            public async Task<int> CountNonEmptyLines$K$Async(string name, CancellationToken ct)
            {
                using var reader = new StreamReader(Path.Combine(root, name));
                var count = 0;
                string? line;
                while ((line = await reader.ReadLineAsync(ct)) is not null)
                {
                    if (line.Length > 0)
                    {
                        count++;
                    }
                }

                return count;
            }
            """),
    ];

    public static readonly MethodTemplate[] ReportBuilder =
    [
        new(NeedsData: false, """
            public string ToCsv$K$(IEnumerable<LineItem> items)
            {
                var sb = new StringBuilder();
                sb.AppendLine("Id;Sku;Quantity;UnitPrice");
                foreach (var item in items)
                {
                    sb.Append(item.Id).Append(';')
                        .Append(item.Sku).Append(';')
                        .Append(item.Quantity).Append(';')
                        .Append(item.UnitPrice.ToString(CultureInfo.InvariantCulture))
                        .AppendLine();
                }

                return sb.ToString();
            }
            """),
        new(NeedsData: false, """
            public string JoinSkus$K$(IEnumerable<LineItem> items)
            {
                return string.Join(", ", items.Select(i => i.Sku.Trim()));
            }
            """),
        new(NeedsData: false, """
            public List<string> Labels$K$(IEnumerable<LineItem> items)
            {
                var labels = new List<string>();
                foreach (var item in items)
                {
                    var label = item.Sku;
                    label += " x" + item.Quantity.ToString(CultureInfo.InvariantCulture);
                    labels.Add(label);
                }

                return labels;
            }
            """),
        new(NeedsData: false, """
            public string Title$K$(string period, int count)
            {
                var title = "Sales report";
                title += " for " + period;
                if (count == 0)
                {
                    title += " (empty)";
                }

                return title;
            }
            """),
        new(NeedsData: false, """
            public string Table$K$(IReadOnlyList<LineItem> items)
            {
                var sb = new StringBuilder(items.Count * 32);
                for (var i = 0; i < items.Count; i++)
                {
                    sb.Append($"{i + 1,4} {items[i].Sku,-12} {items[i].Quantity,6}").AppendLine();
                }

                return sb.ToString();
            }
            """),
    ];
}

/// <summary>A method body to paste into a generated class.</summary>
internal sealed record MethodTemplate(bool NeedsData, string Code);
