using System;
using System.Drawing;
using System.IO;
using System.Threading;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Output;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Browser;

/// <summary>The sample report in headless Chromium at common window widths: every issue's message and code line is on screen without scrolling sideways.</summary>
public sealed class HtmlLayoutBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("perf-report-layout");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [ChromiumFact]
    public void IssueTable_FitsTheWindowAt1280() => AssertFits(1280);

    [ChromiumFact]
    public void IssueTable_FitsTheWindowAt1920() => AssertFits(1920);

    [ChromiumFact]
    public void IssueTable_LongUnbrokenMemberAndPathWrapInsteadOfWidening()
    {
        var sample = SampleReports.Result();
        var longName = "Very" + new string('X', 300) + ".Member(" + new string('Y', 200) + ")";
        var issue = SampleReports.Issue("PERF030", IssueSeverity.Warning, "String Concatenation", "src/" + new string('d', 250) + "/File.cs", 9, longName, "message " + new string('m', 400), "        " + new string('s', 500));
        var report = ReportAggregator.Aggregate(sample with { Issues = [issue] }, 5, "1.0.0-test");
        AssertFits(1280, report);
    }

    private void AssertFits(int width, ReportModel? report = null)
    {
        var path = Path.Combine(_dir, $"report-{width}.html");
        File.WriteAllText(path, SampleReports.Render(new HtmlReportWriter(), report ?? SampleReports.Model()));
        var driver = Open(path, width);

        var viewport = Script<long>(driver, "return document.documentElement.clientWidth");
        var tableRight = Script<double>(driver, "return document.getElementById('issues').getBoundingClientRect().right");
        var pageWidth = Script<long>(driver, "return document.documentElement.scrollWidth");
        Assert.True(tableRight <= viewport, $"the issue table ends at {tableRight}px in a {viewport}px viewport");
        Assert.True(pageWidth <= viewport, $"the page is {pageWidth}px wide in a {viewport}px viewport");

        // The message column (with its code line) of every row is inside the window.
        var rightmostMessage = Script<double>(driver, "return Math.max.apply(null, Array.prototype.map.call(document.querySelectorAll('#issues tbody tr td:nth-child(6)'), function (c) { return c.getBoundingClientRect().right; }))");
        Assert.True(rightmostMessage <= viewport, $"a message cell ends at {rightmostMessage}px in a {viewport}px viewport");
        Assert.True(Script<long>(driver, "return document.querySelectorAll('#issues pre').length") > 0);
    }

    private ChromeDriver Open(string htmlPath, int width)
    {
        var driver = browser.Driver;
        driver.Manage().Window.Size = new Size(width, 900);
        driver.Navigate().GoToUrl(new Uri(htmlPath).AbsoluteUri);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Script<string?>(driver, "return document.documentElement.getAttribute('data-ready')") != "true")
        {
            Assert.True(DateTime.UtcNow < deadline, "the page's own script did not run");
            Thread.Sleep(50);
        }

        return driver;
    }

    private static T Script<T>(IWebDriver driver, string script)
    {
        var value = ((IJavaScriptExecutor)driver).ExecuteScript(script)!;
        return (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
