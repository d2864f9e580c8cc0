namespace ShopService.Data;

public class Customer
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary>Fraction taken off list prices, e.g. 0.05 for five percent.</summary>
    public decimal DiscountRate { get; set; }

    public decimal CreditLimit { get; set; }

    public bool IsBlocked { get; set; }

    public int AddressId { get; set; }

    // Always loaded with the customer, see ShopContext.OnModelCreating.
    public virtual Address Address { get; set; } = null!;

    public virtual ICollection<Order> Orders { get; set; } = new List<Order>();
}
