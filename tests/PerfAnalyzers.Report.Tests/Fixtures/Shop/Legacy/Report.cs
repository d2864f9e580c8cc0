namespace Shop.Legacy;

public static class Report
{
    public static string Build(string[] lines)
    {
        var text = "";
        foreach (var line in lines)
        {
            text += line;
        }

        return text;
    }
}
