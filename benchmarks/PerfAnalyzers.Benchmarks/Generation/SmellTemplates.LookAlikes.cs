namespace PerfAnalyzers.Benchmarks.Generation;

internal static partial class SmellTemplates
{
    /// <summary>Shapes next to the smells that no rule may report (one per module, in turn).</summary>
    public static readonly (ClassKind Kind, MethodTemplate Template)[] LookAlikes =
    [
        (ClassKind.Service, new(NeedsData: false, """
            public int CompletedValue$K$()
            {
                var task = Task.FromResult(42);
                return task.Result;
            }
            """)),
        (ClassKind.FileStore, new(NeedsData: false, """
            public int CountWordsNow$K$(string name)
            {
                var text = File.ReadAllText(Path.Combine(root, name));
                return text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            }
            """)),
        (ClassKind.Repository, new(NeedsData: true, """
            public async Task<List<Order>> Search$K$Async(IReadOnlyList<int> statuses, decimal minTotal, CancellationToken ct)
            {
                IQueryable<Order> query = db.Orders;
                foreach (var status in statuses)
                {
                    query = query.Where(o => o.Status != status);
                }

                return await query.Where(o => o.Total >= minTotal).ToListAsync(ct);
            }
            """)),
        (ClassKind.Repository, new(NeedsData: true, """
            public async Task Restock$K$Async(int amount, CancellationToken ct)
            {
                var products = await db.Products.Where(p => p.Stock < 10).ToListAsync(ct);
                foreach (var product in products)
                {
                    product.Stock += amount;
                }

                await db.SaveChangesAsync(ct);
            }
            """)),
        (ClassKind.Repository, new(NeedsData: true, """
            public async Task<string> DescribeOrders$K$Async(DateTime since, CancellationToken ct)
            {
                var orders = await db.Orders.Include(o => o.Customer).Where(o => o.CreatedAt >= since).ToListAsync(ct);
                var sb = new StringBuilder();
                foreach (var order in orders)
                {
                    sb.Append(order.Id).Append(": ").Append(order.Customer.Name).AppendLine();
                }

                return sb.ToString();
            }
            """)),
        (ClassKind.Service, new(NeedsData: false, """
            public int Pairs$K$(int[] first, int[] second)
            {
                var count = 0;
                foreach (var a in first)
                {
                    foreach (var b in second)
                    {
                        if (a == b)
                        {
                            count++;
                        }
                    }
                }

                return count;
            }
            """)),
        (ClassKind.ReportBuilder, new(NeedsData: false, """
            public string Header$K$(IReadOnlyList<string> columns)
            {
                var header = new StringBuilder();
                foreach (var column in columns)
                {
                    header.Append(column).Append(';');
                }

                return header.ToString();
            }
            """)),
        (ClassKind.Service, new(NeedsData: false, """
            public int CountMentions$K$(IReadOnlyList<string> lines, string word)
            {
                var count = 0;
                foreach (var line in lines)
                {
                    if (line.Contains(word, StringComparison.OrdinalIgnoreCase))
                    {
                        count++;
                    }
                }

                return count;
            }
            """)),
        (ClassKind.Service, new(NeedsData: false, """
            public int CapacityOf$K$(int[][][] warehouses)
            {
                var capacity = 0;
                foreach (var warehouse in warehouses)
                {
                    foreach (var shelf in warehouse)
                    {
                        foreach (var bin in shelf)
                        {
                            capacity += bin;
                        }
                    }
                }

                return capacity;
            }
            """)),
        (ClassKind.Service, new(NeedsData: false, """
            private static readonly System.Text.RegularExpressions.Regex SkuFormat$K$ = new(@"^[A-Z]{3}$");

            public bool IsSkuShared$K$(string sku) => SkuFormat$K$.IsMatch(sku) || System.Text.RegularExpressions.Regex.IsMatch(sku, @"^\d+$");
            """)),
    ];
}
