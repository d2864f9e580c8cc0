namespace Shop.Orders.Strict;

public static class Ledger
{
    public static string Lines(IReadOnlyList<decimal> amounts)
    {
        var text = "";
        foreach (var amount in amounts)
        {
            text += amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return text;
    }
}
