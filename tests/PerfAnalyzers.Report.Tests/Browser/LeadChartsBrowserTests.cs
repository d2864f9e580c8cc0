using System;
using System.Linq;
using System.Threading;
using OpenQA.Selenium;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Browser;

/// <summary>The hotspot and trend charts of a report over a real git repository, drawn by headless Chromium.</summary>
public sealed class LeadChartsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly GitRepository _repo = new("perf-report-charts");

    public void Dispose() => _repo.Dispose();

    [ChromiumFact]
    public void HotspotAndTrendCharts_Drawn()
    {
        var source = string.Join("\n", Enumerable.Range(1, 8).Select(i => "// " + i)) + "\n";
        _repo.Commit("alice", "one", ("src/A.cs", source), ("src/B.cs", source));
        _repo.Commit("bob", "two", ("src/A.cs", source + "// 2\n"));
        _repo.WriteSarif("one.sarif", ("PERF030", "warning", "src/A.cs", 2), ("PERF010", "error", "src/B.cs", 3));
        _repo.WriteSarif("two.sarif", ("PERF030", "warning", "src/A.cs", 2));
        foreach (var sarif in new[] { "one.sarif", "two.sarif" })
        {
            var run = ProcessRunner.Tool(_repo.Directory, "--sarif", sarif, "--history", "history.jsonl", "-f", "html", "-o", "report.html", "--quiet");
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        var driver = browser.Driver;
        driver.Manage().Window.Size = new System.Drawing.Size(1280, 900);
        driver.Navigate().GoToUrl(new Uri(_repo.PathOf("report.html")).AbsoluteUri);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((string?)((IJavaScriptExecutor)driver).ExecuteScript("return document.documentElement.getAttribute('data-ready')") != "true")
        {
            Assert.True(DateTime.UtcNow < deadline, "the page's own script did not run");
            Thread.Sleep(50);
        }

        var bar = driver.FindElement(By.CssSelector("#chart-hotspots rect"));
        Assert.True(bar.Size.Width > 0 && bar.Displayed, "the hotspot bar is drawn");
        Assert.Contains("src/A.cs", driver.FindElement(By.Id("hotspots")).Text, StringComparison.Ordinal);
        var line = driver.FindElement(By.CssSelector("#chart-trend polyline.trend-total"));
        Assert.True(line.Displayed && line.Size.Width > 100, $"the trend line spans the chart ({line.Size.Width}px)");
        Assert.Equal(2, line.GetAttribute("points")!.Split(' ').Length);
        Assert.Contains("1 issues (-1)", driver.FindElement(By.Id("trend-change")).Text, StringComparison.Ordinal);
    }
}
