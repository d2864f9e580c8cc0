namespace Shop.Orders;

public sealed class CsvExport
{
    public string Header(IEnumerable<string> columns)
    {
        var header = "";
        foreach (var column in columns)
        {
            header += column;
            header += ";";
        }

        return header;
    }

    public string Rows(int count)
    {
        var text = "";
        for (var i = 0; i < count; i++)
        {
            text = text + i + "\n";
        }

        return text;
    }

    public string Quiet(string[] values)
    {
        var text = "";
        foreach (var value in values)
        {
#pragma warning disable PERF030 // measured: at most three values
            text += value;
#pragma warning restore PERF030
        }

        return text;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "PERF030:String concatenation inside a loop", Justification = "tiny input")]
    public string Suppressed(string[] values)
    {
        var text = "";
        foreach (var value in values)
        {
            text += value;
        }

        return text;
    }

    public string Once(string[] values)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var value in values)
        {
            sb.Append(value);
        }

        return sb.ToString();
    }
}
