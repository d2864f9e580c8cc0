using PerfAnalyzers.Report.Cli;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class QualityGateTests
{
    [Theory]
    [InlineData(FailOn.None, 0)]
    [InlineData(FailOn.Error, 1)]
    [InlineData(FailOn.Warning, 1)]
    [InlineData(FailOn.New, 1)]
    [InlineData(FailOn.Error | FailOn.Warning | FailOn.New, 3)]
    public void Failures_OneReasonPerTrippedGate(FailOn failOn, int reasons) =>
        Assert.Equal(reasons, QualityGate.Failures(failOn, new GateCounts(Errors: 1, Warnings: 2, New: 1)).Count);

    [Fact]
    public void NothingToGate_NoReasons() =>
        Assert.Empty(QualityGate.Failures(FailOn.Error | FailOn.Warning | FailOn.New, new GateCounts(0, 0, 0)));
}
