namespace PerfAnalyzers.Benchmarks.Generation;

/// <summary>File-store and report-builder methods of the clean code (see <see cref="CleanTemplates"/>).</summary>
internal static partial class CleanTemplates
{
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
