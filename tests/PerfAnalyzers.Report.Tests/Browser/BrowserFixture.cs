using System;
using System.IO;
using OpenQA.Selenium.Chrome;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Browser;

/// <summary>One headless Chromium for the class, started on first use with a fresh profile and no network features.</summary>
public sealed class BrowserFixture : IDisposable
{
    private readonly Lazy<ChromeDriver> _driver;
    private readonly string _profile = TestPaths.NewTempDirectory("perf-report-chromium");

    public BrowserFixture()
    {
        _driver = new Lazy<ChromeDriver>(Start);
    }

    public ChromeDriver Driver => _driver.Value;

    public void Dispose()
    {
        if (_driver.IsValueCreated)
        {
            _driver.Value.Quit();
            _driver.Value.Dispose();
        }

        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private ChromeDriver Start()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromiumFactAttribute.ChromeDriver)!, Path.GetFileName(ChromiumFactAttribute.ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumFactAttribute.Chromium };
        options.AddArguments(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--user-data-dir=" + _profile);
        return new ChromeDriver(service, options, TimeSpan.FromMinutes(1));
    }
}
