using ShopService.Data;

namespace ShopService.Services;

public interface ICustomerDirectory
{
    Task<string> GetDisplayNameAsync(int customerId, CancellationToken ct);

    Task<IReadOnlyDictionary<int, string>> GetDisplayNamesAsync(IReadOnlyCollection<int> customerIds, CancellationToken ct);

    Task<bool> SetBlockedAsync(int customerId, bool blocked, CancellationToken ct);
}

/// <summary>The service layer over the customer repository: display names and account flags.</summary>
public sealed class CustomerDirectory : ICustomerDirectory
{
    private readonly ICustomerRepository _customers;
    private readonly ShopContext _db;

    public CustomerDirectory(ICustomerRepository customers, ShopContext db)
    {
        _customers = customers;
        _db = db;
    }

    public async Task<string> GetDisplayNameAsync(int customerId, CancellationToken ct)
    {
        var customer = await _customers.FindAsync(customerId, ct);
        return customer is null ? "(unknown customer)" : Format(customer);
    }

    public async Task<IReadOnlyDictionary<int, string>> GetDisplayNamesAsync(IReadOnlyCollection<int> customerIds, CancellationToken ct) =>
        (await _customers.FindManyAsync(customerIds, ct)).ToDictionary(c => c.Id, Format);

    public async Task<bool> SetBlockedAsync(int customerId, bool blocked, CancellationToken ct)
    {
        var customer = await _db.Customers.FindAsync([customerId], ct);
        if (customer is null)
        {
            return false;
        }

        customer.IsBlocked = blocked;
        await _db.SaveChangesAsync(ct);
        return true;
    }

    private static string Format(Customer customer) => $"{customer.Name} <{customer.Email}>";
}
