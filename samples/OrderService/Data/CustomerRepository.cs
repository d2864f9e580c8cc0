using Microsoft.EntityFrameworkCore;

namespace ShopService.Data;

public interface ICustomerRepository
{
    Task<Customer?> FindAsync(int id, CancellationToken ct);

    Task<List<Customer>> FindManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct);
}

public sealed class CustomerRepository : ICustomerRepository
{
    private readonly ShopContext _db;

    public CustomerRepository(ShopContext db)
    {
        _db = db;
    }

    public Task<Customer?> FindAsync(int id, CancellationToken ct) =>
        _db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    public Task<List<Customer>> FindManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        _db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
}
