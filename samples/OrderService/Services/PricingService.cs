using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ShopService.Data;

namespace ShopService.Services;

public sealed class PricingService
{
    public const string BaseCurrency = "EUR";

    // Volume discount kicks in at this many units per order.
    private const int VolumeThreshold = 50;
    private const decimal VolumeDiscount = 0.03m;

    private static readonly IReadOnlyDictionary<string, decimal> FallbackRates = new Dictionary<string, decimal>
    {
        ["EUR"] = 1.00m,
        ["USD"] = 1.08m,
        ["GBP"] = 0.85m,
        ["CHF"] = 0.95m,
    };

    private readonly ShopContext _db;
    private readonly ConcurrentDictionary<string, Task<decimal>> _rateCache = new(StringComparer.OrdinalIgnoreCase);

    public PricingService(ShopContext db)
    {
        _db = db;
    }

    public decimal PriceOrder(Order order, Customer customer)
    {
        decimal subtotal = 0;
        var units = 0;
        foreach (var line in order.Lines)
        {
            subtotal += line.Quantity * line.UnitPrice;
            units += line.Quantity;
        }

        var discount = customer.DiscountRate;
        if (units >= VolumeThreshold)
        {
            discount += VolumeDiscount;
        }

        return Math.Round(subtotal * (1 - discount), 2, MidpointRounding.AwayFromZero);
    }

    public async Task<decimal> GetExchangeRateAsync(string currency, CancellationToken ct)
    {
        // Stand-in for the treasury rates API.
        await Task.Delay(TimeSpan.FromMilliseconds(5), ct);
        return FallbackRates.TryGetValue(currency, out var rate)
            ? rate
            : throw new ArgumentException($"Unsupported currency '{currency}'.", nameof(currency));
    }

    // Kept for the nightly invoice job, which is still synchronous.
    public decimal GetExchangeRate(string currency)
    {
        return GetExchangeRateAsync(currency, CancellationToken.None).Result;
    }

    public async Task<decimal> GetCachedRateAsync(string currency, CancellationToken ct)
    {
        if (_rateCache.TryGetValue(currency, out var cached))
        {
            if (cached.IsCompletedSuccessfully)
            {
                return cached.Result;
            }
        }

        var pending = GetExchangeRateAsync(currency, ct);
        _rateCache[currency] = pending;
        return await pending;
    }

    public async Task<decimal> GetCrossRateAsync(string from, string to, CancellationToken ct)
    {
        var fromTask = GetExchangeRateAsync(from, ct);
        var toTask = GetExchangeRateAsync(to, ct);
        await Task.WhenAll(fromTask, toTask);
        return Math.Round(toTask.Result / fromTask.Result, 6);
    }

    public async Task<decimal> ConvertWithFeeAsync(decimal amount, string currency, CancellationToken ct)
    {
        var feeTask = GetConversionFeeAsync(currency, ct);
        await feeTask;
        var fee = feeTask.Result;

        var rate = GetExchangeRateAsync(currency, ct).GetAwaiter().GetResult(); // PERF002
        return Math.Round(amount * rate + fee, 2);
    }

    public async Task<int> RepriceCategoryAsync(string category, decimal percentage, CancellationToken ct)
    {
        var query = _db.Products.Where(p => p.Category == category && !p.IsDiscontinued);
        var products = query.ToList(); // PERF001
        foreach (var product in products)
        {
            product.ListPrice = Math.Round(product.ListPrice * (1 + percentage / 100m), 2);
        }

        await _db.SaveChangesAsync(ct);
        return products.Count;
    }

    public IReadOnlyDictionary<int, decimal> GetDiscountRates(IReadOnlyList<int> customerIds)
    {
        var rates = new Dictionary<int, decimal>(customerIds.Count);
        for (var i = 0; i < customerIds.Count; i++)
        {
            // Find only avoids the database for customers already tracked by this context.
            var customer = _db.Customers.Find(customerIds[i]); // PERF010
            rates[customerIds[i]] = customer?.DiscountRate ?? 0m;
        }

        return rates;
    }

    private static async Task<decimal> GetConversionFeeAsync(string currency, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1), ct);
        return string.Equals(currency, BaseCurrency, StringComparison.OrdinalIgnoreCase) ? 0m : 0.35m;
    }
}
