using PerfAnalyzers.Report.Output;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Formatters;

public sealed class SchemaTests
{
    [Fact]
    public void SarifOutput_ValidAgainstSarif210Schema() =>
        SchemaValidation.AssertValidSarif(SampleReports.Render(new SarifReportWriter("/repo"), SampleReports.Model()));

    [Fact]
    public void JsonOutput_ValidAgainstPerfReportSchema() =>
        SchemaValidation.AssertValidReport(SampleReports.Render(new JsonReportWriter(), SampleReports.Model()));

    [Fact]
    public void SchemaValidator_RejectsInvalidSarif() =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => SchemaValidation.AssertValidSarif("""{"version":"2.1.0","runs":[{"results":[]}]}"""));
}
