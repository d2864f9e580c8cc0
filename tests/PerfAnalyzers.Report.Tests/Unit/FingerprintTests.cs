using PerfAnalyzers.Report.Baselines;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class FingerprintTests
{
    private const string Line = "            text += value;";

    [Fact]
    public void ReindentedLine_SameFingerprint() =>
        Assert.Equal(
            Fingerprint.Compute("PERF030", "src/A.cs", "A.M()", Line),
            Fingerprint.Compute("PERF030", "src/A.cs", "A.M()", "\ttext  +=   value;  "));

    [Fact]
    public void LineNumbersAreNotPartOfTheIdentity() =>
        Assert.Equal(Fingerprint.Compute("PERF030", "src/A.cs", "A.M()", Line), Fingerprint.Compute("PERF030", "src/A.cs", "A.M()", Line));

    [Theory]
    [InlineData("PERF001", "src/A.cs", "A.M()", Line)]
    [InlineData("PERF030", "src/B.cs", "A.M()", Line)]
    [InlineData("PERF030", "src/A.cs", "A.N()", Line)]
    [InlineData("PERF030", "src/A.cs", "A.M()", "text += other;")]
    public void AnyIdentityPartChanged_DifferentFingerprint(string rule, string file, string member, string line) =>
        Assert.NotEqual(Fingerprint.Compute("PERF030", "src/A.cs", "A.M()", Line), Fingerprint.Compute(rule, file, member, line));

    [Fact]
    public void BackslashPaths_SameAsForwardSlashPaths() =>
        Assert.Equal(Fingerprint.Compute("PERF030", "src\\A.cs", "A.M()", Line), Fingerprint.Compute("PERF030", "src/A.cs", "A.M()", Line));

    [Fact]
    public void NormaliseLine_CollapsesWhitespaceRuns() => Assert.Equal("a += b;", Fingerprint.NormaliseLine(" \t a  +=\tb; "));
}
