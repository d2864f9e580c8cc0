using System.Xml.Serialization;
using Microsoft.EntityFrameworkCore;
using ShopService.Data;

namespace ShopService.Reports;

public sealed class CustomerActivity
{
    public string Email { get; set; } = "";

    public int Orders { get; set; }
}

/// <summary>Customer activity figures for the account managers, and their XML hand-off to the CRM.</summary>
public sealed class CustomerActivityReport
{
    // Built once: the (Type, XmlRootAttribute) constructor would otherwise emit a new assembly per call.
    private static readonly XmlSerializer ActivitySerializer = new(typeof(CustomerActivity[]), new XmlRootAttribute("activity"));

    private readonly ShopContext _db;

    public CustomerActivityReport(ShopContext db)
    {
        _db = db;
    }

    /// <summary>Customers whose address is at one of our partner domains.</summary>
    public List<Customer> GetPartnerCustomers(string domain)
    {
        return _db.Customers.AsNoTracking().ToList() // PERF050
            .Where(c => c.Email.EndsWith(domain))
            .ToList();
    }

    public async Task<int> CountShippedAsync(CancellationToken ct)
    {
        var orders = await _db.Orders.ToListAsync(ct); // PERF050
        return orders.Count(o => o.Status == OrderStatus.Shipped);
    }

    /// <summary>Looks like the above, but SQLite cannot sum decimals: the rows are summed in memory on purpose.</summary>
    public decimal GetOpenOrderValue() =>
        _db.Orders.Where(o => o.Status == OrderStatus.Pending).AsEnumerable().Sum(o => o.Total);

    /// <summary>The list is used twice (counted and returned), so it has to be loaded.</summary>
    public async Task<(List<Customer> Blocked, int Count)> GetBlockedCustomersAsync(CancellationToken ct)
    {
        var blocked = await _db.Customers.Where(c => c.IsBlocked).ToListAsync(ct);
        return (blocked, blocked.Count(c => c.Email.Length > 0));
    }

    /// <summary>Emails of the customers listed in a CRM export, one per line after the header.</summary>
    public int CountKnownEmails(string path)
    {
        var known = _db.Customers.Select(c => c.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var count = 0;
        foreach (var line in File.ReadAllLines(path)) // PERF051
        {
            if (known.Contains(line.Trim()))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Data lines of a CRM export that hold an address.</summary>
    public int CountAddressLines(string path) =>
        File.ReadAllLines(path).Skip(1).Count(line => line.Contains('@')); // PERF051

    /// <summary>Reads the header line and the last line (the export's checksum): the whole array is needed.</summary>
    public (string Header, string Checksum) ReadExportFrame(string path)
    {
        var lines = File.ReadAllLines(path);
        return (lines[0], lines[lines.Length - 1]);
    }

    public string ToXml(CustomerActivity[] activity, string rootName)
    {
        using var writer = new StringWriter();
        new XmlSerializer(typeof(CustomerActivity[]), new XmlRootAttribute(rootName)).Serialize(writer, activity); // PERF052
        return writer.ToString();
    }

    /// <summary>One XML document per customer, for the CRM's single-record import.</summary>
    public List<string> ToXmlEach(CustomerActivity[] activity) =>
        activity.Select(a => Serialize(new XmlSerializer(typeof(CustomerActivity), new XmlRootAttribute("customer")), a)).ToList(); // PERF052

    private static string Serialize(XmlSerializer serializer, CustomerActivity activity)
    {
        using var writer = new StringWriter();
        serializer.Serialize(writer, activity);
        return writer.ToString();
    }

    public string ToCrmXml(CustomerActivity[] activity)
    {
        using var writer = new StringWriter();
        ActivitySerializer.Serialize(writer, activity);
        new XmlSerializer(typeof(CustomerActivity)).Serialize(writer, activity.FirstOrDefault() ?? new CustomerActivity());
        return writer.ToString();
    }
}
