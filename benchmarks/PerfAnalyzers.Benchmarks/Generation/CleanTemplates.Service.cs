namespace PerfAnalyzers.Benchmarks.Generation;

/// <summary>Application-service methods of the clean code (see <see cref="CleanTemplates"/>).</summary>
internal static partial class CleanTemplates
{
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
}
