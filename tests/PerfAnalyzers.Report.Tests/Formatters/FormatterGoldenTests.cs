using System;
using System.Linq;
using System.Text.Json;
using PerfAnalyzers.Report.Output;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Formatters;

public sealed class FormatterGoldenTests
{
    private static readonly Model.ReportModel Report = SampleReports.Model();

    [Fact]
    public void Console_MatchesGolden() => Golden.AssertMatches("report.txt", SampleReports.Render(new ConsoleReportWriter(), Report));

    [Fact]
    public void Console_SameOnSpectresTestConsole()
    {
        var console = new Spectre.Console.Testing.TestConsole();
        console.Profile.Width = ConsoleReportWriter.Width;
        console.Profile.Capabilities.Unicode = true;
        console.Write(ConsoleReportWriter.Render(Report));
        Assert.Equal(Squeeze(SampleReports.Render(new ConsoleReportWriter(), Report)), Squeeze(console.Output));
    }

    [Fact]
    public void Markdown_MatchesGolden() => Golden.AssertMatches("report.md", SampleReports.Render(new MarkdownReportWriter(), Report));

    [Fact]
    public void Json_MatchesGolden() => Golden.AssertMatches("report.json", SampleReports.Render(new JsonReportWriter(), Report));

    [Fact]
    public void Sarif_MatchesGolden() => Golden.AssertMatches("report.sarif", SampleReports.Render(new SarifReportWriter("/repo"), Report));

    [Fact]
    public void Html_MatchesGolden() => Golden.AssertMatches("report.html", SampleReports.Render(new HtmlReportWriter(), Report));

    [Fact]
    public void Console_FitsEightyColumnsWithoutControlCharacters()
    {
        var text = SampleReports.Render(new ConsoleReportWriter(), Report);
        var lines = text.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= ConsoleReportWriter.Width, $"{line.Length} columns: {line}"));
        Assert.DoesNotContain(text, c => c < ' ' && c != '\n');
        Assert.DoesNotContain('\u202E', text);
        Assert.Contains("\\x1B[31m", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_HostileContentIsInert()
    {
        var text = SampleReports.Render(new MarkdownReportWriter(), Report);
        Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("](javascript", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**bold**", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.Contains("&lt;script&gt;", text, StringComparison.Ordinal);

        // Every table row keeps its column count: no '|' from content splits a cell.
        foreach (var table in text.Split("\n\n").Where(b => b.StartsWith('|')))
        {
            var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var columns = rows[0].Count(c => c == '|');
            Assert.All(rows, row => Assert.Equal(columns, row.Count(c => c == '|')));
        }
    }

    [Fact]
    public void Html_HostileContentIsEscapedAndOnlyThePageScriptExists()
    {
        var text = SampleReports.Render(new HtmlReportWriter(), Report);
        Assert.Equal(1, CountOf(text, "<script"));
        Assert.Equal(1, CountOf(text, "</script>"));
        Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror=\"", text, StringComparison.Ordinal);
        Assert.Contains("&lt;/script&gt;&lt;script&gt;window.__pwned=3&lt;/script&gt;", text, StringComparison.Ordinal);
        Assert.Contains("Content-Security-Policy", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", text, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", text.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTripsHostileContentExactly()
    {
        var text = SampleReports.Render(new JsonReportWriter(), Report);
        using var document = JsonDocument.Parse(text);
        var messages = document.RootElement.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("message").GetString()).ToList();
        Assert.Contains(SampleReports.ImgMessage, messages);
        Assert.Contains(SampleReports.AnsiMessage, messages);
        Assert.DoesNotContain("</script>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sarif_KeepsTheMostSevereWhenOverTheLimitAndSaysSo()
    {
        var text = SampleReports.Render(new SarifReportWriter("/repo", maxResults: 2), Report);
        using var document = JsonDocument.Parse(text);
        var run = Assert.Single(document.RootElement.GetProperty("runs").EnumerateArray());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("error", results[0].GetProperty("level").GetString());
        Assert.True(run.GetProperty("properties").GetProperty("truncated").GetBoolean());
        Assert.Equal(Report.Issues.Count, run.GetProperty("properties").GetProperty("totalResults").GetInt32());
        var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString();
        Assert.Contains("only the 2 most severe", notification, StringComparison.Ordinal);
    }

    /// <summary>Text without blank lines or trailing blanks, to compare renderings that differ only in spacing.</summary>
    private static string Squeeze(string text) =>
        string.Join("\n", text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.OrdinalIgnoreCase); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}
