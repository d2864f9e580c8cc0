using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Browser;

/// <summary>The HTML report opened in real headless Chromium: charts and table render, sorting and filtering work, and nothing from the analysed code runs.</summary>
[Collection(ShopCollection.Name)]
public sealed class HtmlReportBrowserTests(ShopFixture shop, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ImgPayload = "<img src=x onerror=window.__pwned=1>";
    private const string ScriptPayload = "</script><script>window.__pwned=2</script>";
    private const string AttributePayload = "\"><img src=x onerror=window.__pwned=3>";

    private ChromeDriver Open(string htmlPath)
    {
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(new Uri(htmlPath).AbsoluteUri);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Script<string?>(driver, "return document.documentElement.getAttribute('data-ready')") != "true")
        {
            Assert.True(DateTime.UtcNow < deadline, "the page's own script did not run (blocked by its Content-Security-Policy?)");
            Thread.Sleep(50);
        }

        return driver;
    }

    private static T Script<T>(IWebDriver driver, string script) => (T)((IJavaScriptExecutor)driver).ExecuteScript(script)!;

    private static List<string> VisibleRows(IWebDriver driver) =>
        driver.FindElements(By.CssSelector("#issues tbody tr")).Where(r => r.Displayed).Select(r => r.FindElements(By.TagName("td"))[3].Text).ToList();

    [ChromiumFact]
    public void ShopReport_ChartsAndTableRender()
    {
        var driver = Open(shop.PathOf("report.html"));

        Assert.Equal(4L, Script<long>(driver, "return document.querySelectorAll('#chart-severity rect').length"));
        var widths = driver.FindElements(By.CssSelector("#chart-severity rect")).Select(r => r.Size.Width).ToList();
        Assert.True(widths.Count(w => w > 0) == 3, "bars for Error, Warning and Info are drawn: " + string.Join(",", widths));
        Assert.True(driver.FindElement(By.CssSelector("#chart-category rect")).Size.Width > 0);
        Assert.Equal(5, VisibleRows(driver).Count);
        Assert.Contains("Shop/Orders/CsvExport.cs", driver.FindElement(By.Id("top-files")).Text, StringComparison.Ordinal);
        Assert.Contains("text += amount", driver.FindElement(By.CssSelector("#issues pre")).Text, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void ShopReport_FilterByTextAndSeverity()
    {
        var driver = Open(shop.PathOf("report.html"));
        var filter = driver.FindElement(By.Id("filter"));

        filter.SendKeys("Ledger");
        Assert.Equal(new[] { "Shop/Orders/Strict/Ledger.cs:10:13" }, VisibleRows(driver));
        Assert.Equal("1", driver.FindElement(By.Id("shown")).Text);

        filter.Clear();
        filter.SendKeys(" ");
        filter.SendKeys(Keys.Backspace);
        driver.FindElement(By.Id("severity")).Click();
        driver.FindElement(By.CssSelector("#severity option:nth-child(3)")).Click();
        Assert.Equal(3, VisibleRows(driver).Count);
    }

    [ChromiumFact]
    public void ShopReport_SortByLocationBothWays()
    {
        var driver = Open(shop.PathOf("report.html"));
        var header = driver.FindElements(By.CssSelector("#issues thead th"))[3].FindElement(By.TagName("button"));

        header.Click();
        var ascending = VisibleRows(driver);
        header.Click();
        var descending = VisibleRows(driver);

        Assert.Equal(ascending.OrderBy(l => l, StringComparer.Ordinal), ascending);
        Assert.Equal(Enumerable.Reverse(ascending), descending);
        Assert.Equal("Shop/Orders/CsvExport.cs:10:13", ascending[0]);
    }

    [ChromiumFact]
    public void HostileContent_ShownAsTextAndNothingRuns()
    {
        var html = HostileReport();
        var driver = Open(html);

        Assert.Equal("undefined", Script<string>(driver, "return typeof window.__pwned"));
        Assert.Equal(0L, Script<long>(driver, "return document.images.length"));
        Assert.Equal(1L, Script<long>(driver, "return document.scripts.length"));
        var table = driver.FindElement(By.Id("issues")).Text;
        Assert.Contains(ImgPayload, table, StringComparison.Ordinal);
        Assert.Contains(ScriptPayload, table, StringComparison.Ordinal);
        Assert.Contains(AttributePayload, table, StringComparison.Ordinal);
        Assert.Contains("<script>window.__pwned=5", driver.FindElement(By.Id("chart-category")).Text, StringComparison.Ordinal);

        // Sorting and filtering re-order the rows: still nothing runs.
        driver.FindElements(By.CssSelector("#issues thead th"))[4].FindElement(By.TagName("button")).Click();
        driver.FindElement(By.Id("filter")).SendKeys("pwned");
        Assert.Equal("undefined", Script<string>(driver, "return typeof window.__pwned"));
    }

    [ChromiumFact]
    public void ContentSecurityPolicy_BlocksInjectedMarkupEvenIfEscapingFailed()
    {
        // Simulates an escaping defect: raw payloads pasted into the page. The CSP alone must keep them inert.
        var page = File.ReadAllText(shop.PathOf("report.html"))
            .Replace("<h2>Issues</h2>", "<h2>Issues</h2><script>window.__pwned=7</script><img src=x onerror=\"window.__pwned=8\"><svg onload=\"window.__pwned=9\"></svg>", StringComparison.Ordinal);
        var path = shop.PathOf("injected.html");
        File.WriteAllText(path, page);

        var driver = Open(path);

        Assert.Equal("undefined", Script<string>(driver, "return typeof window.__pwned"));
        Assert.Equal(5, VisibleRows(driver).Count);
    }

    /// <summary>A SARIF log whose file name, source line, message, rule and category carry payloads, reported to HTML by the tool.</summary>
    private string HostileReport()
    {
        var dir = Path.Combine(shop.Directory, "hostile");
        Directory.CreateDirectory(dir);
        var source = Path.Combine(dir, ImgPayload + ".cs");
        File.WriteAllText(source, "class C\n{\n    string M(string[] a)\n    {\n        var s = \"\"; foreach (var x in a) { s += \"" + ScriptPayload.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"; }\n        return s;\n    }\n}\n");

        JsonObject Result(string rule, string message) => new()
        {
            ["ruleId"] = rule,
            ["level"] = "warning",
            ["message"] = new JsonObject { ["text"] = message },
            ["locations"] = new JsonArray(new JsonObject
            {
                ["physicalLocation"] = new JsonObject
                {
                    ["artifactLocation"] = new JsonObject { ["uri"] = new Uri(source).AbsoluteUri },
                    ["region"] = new JsonObject { ["startLine"] = 5, ["startColumn"] = 44 },
                },
            }),
        };

        var log = new JsonObject
        {
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["results"] = new JsonArray(
                    Result("PERF030", AttributePayload + " " + ScriptPayload),
                    Result("<script>window.__pwned=5</script>", "peer " + ImgPayload)),
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "x",
                        ["rules"] = new JsonArray(new JsonObject
                        {
                            ["id"] = "<script>window.__pwned=5</script>",
                            ["helpUri"] = "javascript:window.__pwned=6",
                            ["shortDescription"] = new JsonObject { ["text"] = ImgPayload },
                            ["properties"] = new JsonObject { ["category"] = "<script>window.__pwned=5</script>" },
                        }),
                    },
                },
            }),
        };
        File.WriteAllText(Path.Combine(dir, "hostile.sarif"), log.ToJsonString());

        var run = ProcessRunner.Tool(dir, "--sarif", "hostile.sarif", "--include-peers", "--format", "html", "--output", "hostile.html", "--quiet");
        Assert.True(run.ExitCode == 0, run.ToString());
        return Path.Combine(dir, "hostile.html");
    }
}
