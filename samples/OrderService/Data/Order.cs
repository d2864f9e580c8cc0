namespace ShopService.Data;

public enum OrderStatus
{
    Pending = 0,
    Confirmed = 1,
    OnHold = 2,
    Shipped = 3,
    Cancelled = 4,
}

public class Order
{
    public int Id { get; set; }

    public string Number { get; set; } = "";

    public int CustomerId { get; set; }

    public virtual Customer Customer { get; set; } = null!;

    public DateTime PlacedAtUtc { get; set; }

    public DateTime? ShippedAtUtc { get; set; }

    public OrderStatus Status { get; set; }

    public decimal Total { get; set; }

    public string? CancellationReason { get; set; }

    public int? ShippingAddressId { get; set; }

    public virtual Address? ShippingAddress { get; set; }

    public virtual ICollection<OrderLine> Lines { get; set; } = new List<OrderLine>();
}
