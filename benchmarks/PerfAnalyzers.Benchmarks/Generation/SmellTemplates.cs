namespace PerfAnalyzers.Benchmarks.Generation;

/// <summary>
/// One smell per template, in a shape every reasonable implementation of the rule reports exactly once and no
/// other PerfAnalyzers rule reports: the expected counts stay exact whoever implements the rules.
/// </summary>
internal static partial class SmellTemplates
{
    public static readonly SmellTemplate[] All =
    [
        // PERF001: synchronous file I/O and EF Core query execution inside async methods.
        new("PERF001", ClassKind.FileStore, NeedsData: false, """
            public async Task<int> CountWords$K$Async(string name, CancellationToken ct)
            {
                await Task.Yield();
                var text = File.ReadAllText(Path.Combine(root, name));
                ct.ThrowIfCancellationRequested();
                return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            }
            """),
        new("PERF001", ClassKind.FileStore, NeedsData: false, """
            public async Task Export$K$Async(string name, string content, CancellationToken ct)
            {
                await Task.Delay(1, ct);
                File.WriteAllText(Path.Combine(root, name), content);
            }
            """),
        new("PERF001", ClassKind.Repository, NeedsData: true, """
            public async Task<List<Order>> GetOpenOrders$K$Async(int customerId, CancellationToken ct)
            {
                await Task.Yield();
                ct.ThrowIfCancellationRequested();
                return db.Orders.Where(o => o.CustomerId == customerId && o.Status == 1).ToList();
            }
            """),

        // PERF002: blocking waits on tasks inside async methods.
        new("PERF002", ClassKind.Service, NeedsData: false, """
            public async Task<decimal> PriceWithTax$K$Async(decimal net, CancellationToken ct)
            {
                var rate = LoadTaxRate$K$Async(ct).Result;
                await Task.Yield();
                return net * (1 + rate);
            }

            private static async Task<decimal> LoadTaxRate$K$Async(CancellationToken ct)
            {
                await Task.Delay(1, ct);
                return 0.2m;
            }
            """),
        new("PERF002", ClassKind.Service, NeedsData: false, """
            public async Task<int> Throttled$K$Async(IReadOnlyList<LineItem> items)
            {
                Thread.Sleep(25);
                await Task.Yield();
                return items.Count;
            }
            """),
        new("PERF002", ClassKind.Service, NeedsData: false, """
            public async Task Flush$K$Async(CancellationToken ct)
            {
                await Task.Yield();
                Task.Delay(10, ct).Wait();
            }
            """),

        // PERF010: one database round trip per iteration (EF Core, Dapper).
        new("PERF010", ClassKind.Repository, NeedsData: true, """
            public async Task<List<Customer>> LoadCustomers$K$Async(IReadOnlyList<int> customerIds, CancellationToken ct)
            {
                var result = new List<Customer>();
                foreach (var customerId in customerIds)
                {
                    var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct);
                    if (customer is not null)
                    {
                        result.Add(customer);
                    }
                }

                return result;
            }
            """),
        new("PERF010", ClassKind.Repository, NeedsData: true, """
            public async Task<Dictionary<int, int>> CountOrders$K$Async(IReadOnlyList<int> customerIds, CancellationToken ct)
            {
                var counts = new Dictionary<int, int>();
                for (var i = 0; i < customerIds.Count; i++)
                {
                    counts[customerIds[i]] = await db.Orders.Where(o => o.CustomerId == customerIds[i]).CountAsync(ct);
                }

                return counts;
            }
            """),
        new("PERF010", ClassKind.Repository, NeedsData: true, """
            public async Task<List<Product>> LoadProducts$K$Async(IEnumerable<int> productIds)
            {
                const string sql = "SELECT Id, Name, Sku, Price, Stock, SupplierId FROM Products WHERE Id = @Id";
                var products = new List<Product>();
                foreach (var productId in productIds)
                {
                    var product = await connection.QueryFirstOrDefaultAsync<Product>(sql, new { Id = productId });
                    if (product is not null)
                    {
                        products.Add(product);
                    }
                }

                return products;
            }
            """),

        // PERF011: a lazy-loaded (virtual) navigation read per entity of a query result without Include.
        new("PERF011", ClassKind.Repository, NeedsData: true, """
            public async Task<string> DescribeOrders$K$Async(DateTime since, CancellationToken ct)
            {
                var orders = await db.Orders.Where(o => o.CreatedAt >= since).ToListAsync(ct);
                var sb = new StringBuilder();
                foreach (var order in orders)
                {
                    sb.Append(order.Id).Append(": ").Append(order.Customer.Name).AppendLine();
                }

                return sb.ToString();
            }
            """),
        new("PERF011", ClassKind.Repository, NeedsData: true, """
            public async Task<List<string>> SupplierNames$K$Async(int minStock, CancellationToken ct)
            {
                var products = await db.Products.Where(p => p.Stock >= minStock).OrderBy(p => p.Id).ToListAsync(ct);
                var names = new List<string>(products.Count);
                foreach (var product in products)
                {
                    names.Add(product.Supplier.Name);
                }

                return names;
            }
            """),

        // PERF012: SaveChanges on every iteration.
        new("PERF012", ClassKind.Repository, NeedsData: true, """
            public async Task Restock$K$Async(int amount, CancellationToken ct)
            {
                var products = await db.Products.Where(p => p.Stock < 10).ToListAsync(ct);
                foreach (var product in products)
                {
                    product.Stock += amount;
                    await db.SaveChangesAsync(ct);
                }
            }
            """),
        new("PERF012", ClassKind.Repository, NeedsData: true, """
            public void CloseOrders$K$(DateTime before)
            {
                var orders = db.Orders.Where(o => o.CreatedAt < before && o.Status == 1).ToList();
                for (var i = 0; i < orders.Count; i++)
                {
                    orders[i].Status = 3;
                    db.SaveChanges();
                }
            }
            """),

        // PERF020: three loops nested in one method (default maximum depth 2): one diagnostic on the third loop.
        new("PERF020", ClassKind.Service, NeedsData: false, """
            public int CountTriples$K$(int[] first, int[] second, int[] third, int target)
            {
                var count = 0;
                for (var i = 0; i < first.Length; i++)
                {
                    for (var j = 0; j < second.Length; j++)
                    {
                        for (var k = 0; k < third.Length; k++)
                        {
                            if (first[i] + second[j] + third[k] == target)
                            {
                                count++;
                            }
                        }
                    }
                }

                return count;
            }
            """),
        new("PERF020", ClassKind.Service, NeedsData: false, """
            public int CountRoutes$K$(IReadOnlyList<int> origins, IReadOnlyList<int> hubs, IReadOnlyList<int> destinations, int budget)
            {
                var routes = 0;
                foreach (var origin in origins)
                {
                    foreach (var hub in hubs)
                    {
                        foreach (var destination in destinations)
                        {
                            if (origin + hub + destination <= budget)
                            {
                                routes++;
                            }
                        }
                    }
                }

                return routes;
            }
            """),

        // PERF021: a linear search over a loop-invariant List<T> on every iteration.
        new("PERF021", ClassKind.Service, NeedsData: false, """
            public List<LineItem> FilterBlocked$K$(IReadOnlyList<LineItem> items, List<int> blockedCustomerIds)
            {
                var result = new List<LineItem>();
                foreach (var item in items)
                {
                    if (!blockedCustomerIds.Contains(item.CustomerId))
                    {
                        result.Add(item);
                    }
                }

                return result;
            }
            """),
        new("PERF021", ClassKind.Service, NeedsData: false, """
            public decimal PriceLines$K$(IReadOnlyList<LineItem> lines, List<LineItem> catalog)
            {
                var total = 0m;
                foreach (var line in lines)
                {
                    var entry = catalog.FirstOrDefault(c => c.ProductId == line.ProductId);
                    total += line.Quantity * (entry?.UnitPrice ?? line.UnitPrice);
                }

                return total;
            }
            """),

        // PERF030: a string local accumulated with += / s = s + ... / $"{s}..." in a loop.
        new("PERF030", ClassKind.ReportBuilder, NeedsData: false, """
            public string Header$K$(IReadOnlyList<string> columns)
            {
                var header = "";
                foreach (var column in columns)
                {
                    header += column + ";";
                }

                return header;
            }
            """),
        new("PERF030", ClassKind.ReportBuilder, NeedsData: false, """
            public string Numbers$K$(int count)
            {
                string text = "";
                for (var i = 0; i < count; i++)
                {
                    text = text + i.ToString(CultureInfo.InvariantCulture) + ",";
                }

                return text;
            }
            """),
        new("PERF030", ClassKind.ReportBuilder, NeedsData: false, """
            public string SkuList$K$(IEnumerable<LineItem> items)
            {
                var list = "";
                foreach (var item in items)
                {
                    list = $"{list}{item.Sku} ";
                }

                return list.TrimEnd();
            }
            """),

        // PERF040: an HttpClient with its own connection pool, created and disposed per call.
        new("PERF040", ClassKind.Service, NeedsData: false, """
            public async Task<int> FetchLength$K$Async(string url, CancellationToken ct)
            {
                using var client = new System.Net.Http.HttpClient();
                var body = await client.GetStringAsync(url, ct);
                return body.Length;
            }
            """),

        // PERF041: a Regex or JsonSerializerOptions built from constants on every call.
        new("PERF041", ClassKind.Service, NeedsData: false, """
            public bool IsValidSku$K$(string sku)
            {
                var skuFormat = new System.Text.RegularExpressions.Regex(@"^[A-Z]{3}-\d{4}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
                return skuFormat.IsMatch(sku);
            }
            """),
        new("PERF041", ClassKind.Service, NeedsData: false, """
            public string Describe$K$(IReadOnlyList<LineItem> items) =>
                System.Text.Json.JsonSerializer.Serialize(items, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
            """),
    ];
}

internal enum ClassKind
{
    Repository,
    Controller,
    Service,
    FileStore,
    ReportBuilder,
}

/// <summary>A method holding exactly one diagnostic of <paramref name="RuleId"/>.</summary>
internal sealed record SmellTemplate(string RuleId, ClassKind Kind, bool NeedsData, string Code);
