using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShopService.Data;

namespace ShopService.Import;

public sealed record StockSnapshotRow(string Sku, string WarehouseCode, int QuantityOnHand);

/// <summary>Writes the CSV exports picked up by finance and the warehouse partners.</summary>
public sealed class ExportWriter
{
    private const int FlushThreshold = 64 * 1024;

    private readonly ShopContext _db;
    private readonly string _exportDirectory;
    private readonly string _auditPath;
    private readonly object _auditGate = new();

    public ExportWriter(ShopContext db, string exportDirectory)
    {
        _db = db;
        _exportDirectory = exportDirectory;
        _auditPath = Path.Combine(exportDirectory, "exports.log");
        Directory.CreateDirectory(exportDirectory);
    }

    public async Task<string> ExportOrdersCsvAsync(DateTime fromUtc, CancellationToken ct)
    {
        var orders = await _db.Orders
            .Include(o => o.Customer)
            .Where(o => o.PlacedAtUtc >= fromUtc)
            .OrderBy(o => o.Id)
            .ToListAsync(ct);

        var csv = "number,customer,placed,status,total" + Environment.NewLine;
        foreach (var order in orders)
        {
            var total = order.Total.ToString("0.00", CultureInfo.InvariantCulture);
            csv = csv + $"{order.Number},{Escape(order.Customer.Name)},{order.PlacedAtUtc:O},{order.Status},{total}" + Environment.NewLine; // PERF030
        }

        var path = Path.Combine(_exportDirectory, $"orders-{fromUtc:yyyyMMdd}.csv");
        File.WriteAllText(path, csv); // PERF001
        await RecordExportAsync(path, orders.Count, ct);
        return path;
    }

    public async Task WriteStockSnapshotAsync(IReadOnlyList<StockSnapshotRow> rows, string fileName, CancellationToken ct)
    {
        var path = Path.Combine(_exportDirectory, fileName);
        await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await WriteSnapshotRowsAsync(stream, rows, ct);
        }

        await RecordExportAsync(path, rows.Count, ct);
    }

    public async Task<string> RenderTemplateAsync(string templatePath, IReadOnlyDictionary<string, string> values, CancellationToken ct)
    {
        // Dashboards still match on the old operation name, keep it in the log line.
        Console.WriteLine($"[{nameof(File.ReadAllText)}] loading template {templatePath}");
        var template = await File.ReadAllTextAsync(templatePath, ct);

        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using var reader = new StringReader(template);
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            foreach (var (key, value) in values)
            {
                line = line.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
            }

            writer.WriteLine(line);
        }

        return writer.ToString();
    }

    public async Task ArchiveAsync(string path, CancellationToken ct)
    {
        var archiveDirectory = Path.Combine(_exportDirectory, "archive");
        Directory.CreateDirectory(archiveDirectory);
        var target = Path.Combine(archiveDirectory, Path.GetFileName(path));

        var copy = CopyFileAsync(path, target, ct);
        copy.Wait(ct); // PERF002
        File.Delete(path);

        await RecordExportAsync(target, rowCount: 0, ct);
    }

    private async Task RecordExportAsync(string path, int rowCount, CancellationToken ct)
    {
        var checksum = await ComputeChecksumAsync(path, ct);
        var entry = string.Join('\t', DateTime.UtcNow.ToString("O"), Path.GetFileName(path), rowCount, checksum);

        lock (_auditGate)
        {
            // Parallel exports append to the same log; the lock keeps lines from interleaving.
            File.AppendAllText(_auditPath, entry + Environment.NewLine);
        }
    }

    private static async Task<string> ComputeChecksumAsync(string path, CancellationToken ct)
    {
        // Exports are small; hashing on the thread pool is simpler than streaming.
        var hash = await Task.Run(() => SHA256.HashData(File.ReadAllBytes(path)), ct);
        return Convert.ToHexString(hash);
    }

    private static async Task WriteSnapshotRowsAsync(FileStream stream, IReadOnlyList<StockSnapshotRow> rows, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        foreach (var row in rows)
        {
            var bytes = Encoding.UTF8.GetBytes($"{row.Sku};{row.WarehouseCode};{row.QuantityOnHand}\n");
            buffer.Write(bytes, 0, bytes.Length);
            if (buffer.Length >= FlushThreshold)
            {
                await FlushChunkAsync();
            }
        }

        await FlushChunkAsync();

        async Task FlushChunkAsync()
        {
            var chunk = buffer.ToArray();
            stream.Write(chunk, 0, chunk.Length); // PERF001
            buffer.SetLength(0);
            await stream.FlushAsync(ct);
        }
    }

    private static async Task CopyFileAsync(string source, string target, CancellationToken ct)
    {
        await using var input = File.OpenRead(source);
        await using var output = File.Create(target);
        await input.CopyToAsync(output, ct);
    }

    private static string Escape(string value) =>
        value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
