namespace Shop.Orders.Hints;

public static class Labels
{
    public static string Join(string[] parts)
    {
        var label = "";
        for (var i = 0; i < parts.Length; i++)
        {
            label = string.Concat(label, parts[i], "/");
        }

        return label;
    }
}
