using System.Linq;
using PerfAnalyzers.Report.Cli;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class ReportOptionsTests
{
    [Fact]
    public void OutputBindsToPrecedingFormat()
    {
        var options = ReportOptions.Parse(new[] { "a.sln", "--format", "json", "--output", "r.json", "--format", "markdown" });
        Assert.Equal(new[] { new OutputTarget("json", "r.json"), new OutputTarget("markdown", null) }, options.Outputs);
    }

    [Fact]
    public void OutputWithoutFormat_FormatFromExtension() =>
        Assert.Equal("sarif", ReportOptions.Parse(new[] { "--output", "x.sarif" }).Outputs.Single().Format);

    [Fact]
    public void SarifTakesSeveralLogs() =>
        Assert.Equal(new[] { "a.sarif", "b.sarif" }, ReportOptions.Parse(new[] { "--sarif", "a.sarif", "b.sarif", "--top", "3" }).SarifLogs);

    [Fact]
    public void FailOnList_CombinesGates() =>
        Assert.Equal(FailOn.Error | FailOn.New, ReportOptions.Parse(new[] { "--fail-on", "error,new", "--baseline", "b.json" }).FailOn);

    [Theory]
    [InlineData("unknown option '--bogus'", "--bogus")]
    [InlineData("unknown format 'pdf'", "--format", "pdf")]
    [InlineData("--top needs a positive whole number", "--top", "0")]
    [InlineData("option --baseline needs a value", "--baseline")]
    [InlineData("--fail-on new needs --baseline", "--fail-on", "new")]
    [InlineData("only one format can go to standard output", "--format", "json,markdown")]
    [InlineData("cannot tell the format of output 'r.pdf'", "--output", "r.pdf")]
    [InlineData("not both", "a.sln", "--sarif", "b.sarif")]
    [InlineData("--include-peers applies to --sarif input", "a.sln", "--include-peers")]
    [InlineData("only one input path is allowed", "a.sln", "b.sln")]
    public void BadUsage_OneLineMessage(string expected, params string[] args)
    {
        var e = Assert.Throws<ReportInputException>(() => ReportOptions.Parse(args));
        Assert.Contains(expected, e.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
