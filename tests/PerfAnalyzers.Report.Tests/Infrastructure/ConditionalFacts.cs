using System.IO;

namespace PerfAnalyzers.Report.Tests.Infrastructure;

/// <summary>Runs only when the sample app is present (it lands on another branch).</summary>
public sealed class SamplesFactAttribute : FactAttribute
{
    public SamplesFactAttribute()
    {
        if (!Directory.Exists(TestPaths.Samples))
        {
            Skip = "samples/ is not in this checkout yet";
        }
    }
}

/// <summary>Runs only where Chromium is installed (apt-get install chromium chromium-driver).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium))
        {
            Skip = "Chromium is not installed at /usr/bin/chromium (apt-get install chromium chromium-driver)";
        }
        else if (!File.Exists(ChromeDriver))
        {
            Skip = "chromedriver is not installed at /usr/bin/chromedriver (apt-get install chromium-driver)";
        }
    }
}
