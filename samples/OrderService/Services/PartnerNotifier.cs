using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace ShopService.Services;

public sealed record ShipmentNotice(string OrderNumber, string Carrier, string TrackingCode, DateTime ShippedAtUtc);

/// <summary>Tells warehouse partners about shipments through their webhooks.</summary>
public sealed class PartnerNotifier
{
    // One connection pool for every notification, recycled so that partner DNS changes are picked up.
    private static readonly HttpClient SharedClient = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private static readonly JsonSerializerOptions WebhookJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private static readonly Regex TrackingCodeFormat = new(@"^[A-Z]{2}\d{9}[A-Z]{2}$", RegexOptions.Compiled);

    private readonly Uri? _webhook;
    private readonly JsonSerializerOptions _auditJson;

    public PartnerNotifier(Uri? webhook, bool indentAudit)
    {
        _webhook = webhook;
        // Built once per notifier from a setting, not from constants.
        _auditJson = new JsonSerializerOptions { WriteIndented = indentAudit };
    }

    public static bool IsValidTrackingCode(string code) => TrackingCodeFormat.IsMatch(code);

    // The framework caches the parsed patterns of the static Regex methods.
    public static string NormalizeCarrier(string carrier) => Regex.Replace(carrier.Trim(), @"\s+", " ").ToUpperInvariant();

    public static bool IsValidOrderNumber(string number) => new Regex(@"^SO-\d+$", RegexOptions.Compiled).IsMatch(number); // PERF041

    public string DescribeForAudit(ShipmentNotice notice) => JsonSerializer.Serialize(notice, _auditJson);

    public static string DescribeForSupport(ShipmentNotice notice)
    {
        var supportJson = new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }; // PERF041
        return JsonSerializer.Serialize(notice, supportJson);
    }

    public async Task<bool> NotifyAsync(ShipmentNotice notice, CancellationToken ct)
    {
        if (_webhook is null)
        {
            return false;
        }

        using var response = await SharedClient.PostAsJsonAsync(_webhook, notice, WebhookJson, ct);
        return response.IsSuccessStatusCode;
    }

    // Written for the first partner integration; the nightly job still resends through it.
    public async Task<int> ResendAsync(IReadOnlyList<ShipmentNotice> notices, CancellationToken ct)
    {
        if (_webhook is null)
        {
            return 0;
        }

        var sent = 0;
        foreach (var notice in notices)
        {
            using var client = new HttpClient(); // PERF040
            using var response = await client.PostAsJsonAsync(_webhook, notice, WebhookJson, ct);
            sent += response.IsSuccessStatusCode ? 1 : 0;
        }

        return sent;
    }

    public async Task<string?> FetchCarrierStatusAsync(Uri? statusUri, CancellationToken ct)
    {
        if (statusUri is null)
        {
            return null;
        }

        var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) }; // PERF040
        try
        {
            return await client.GetStringAsync(statusUri, ct);
        }
        catch (HttpRequestException)
        {
            return null;
        }
        finally
        {
            client.Dispose();
        }
    }
}
