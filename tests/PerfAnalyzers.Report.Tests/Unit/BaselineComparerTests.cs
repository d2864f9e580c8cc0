using System.Linq;
using PerfAnalyzers.Report.Baselines;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class BaselineComparerTests
{
    private static Issue At(string member, int line, string source = "s += x;") =>
        SampleReports.Issue("PERF030", IssueSeverity.Warning, "String Concatenation", "src/A.cs", line, member, "m", source);

    [Fact]
    public void IssueMovedToAnotherLine_Unchanged()
    {
        var (current, gone) = BaselineComparer.Compare(new[] { At("A.M()", 40) }, new[] { At("A.M()", 10) });
        Assert.Equal(BaselineStatus.Unchanged, Assert.Single(current).Baseline);
        Assert.Empty(gone);
    }

    [Fact]
    public void IssueInAnotherMember_NewAndOldOneFixed()
    {
        var (current, gone) = BaselineComparer.Compare(new[] { At("A.N()", 10) }, new[] { At("A.M()", 10) });
        Assert.Equal(BaselineStatus.New, Assert.Single(current).Baseline);
        Assert.Equal(BaselineStatus.Fixed, Assert.Single(gone).Baseline);
    }

    [Fact]
    public void SameLineTwiceInOneMember_SecondCopyIsNew()
    {
        var (current, gone) = BaselineComparer.Compare(new[] { At("A.M()", 10), At("A.M()", 20) }, new[] { At("A.M()", 10) });
        Assert.Equal(new[] { BaselineStatus.Unchanged, BaselineStatus.New }, current.Select(i => i.Baseline));
        Assert.Empty(gone);
    }

    [Fact]
    public void EmptyCurrent_AllBaselineIssuesFixed()
    {
        var (current, gone) = BaselineComparer.Compare(System.Array.Empty<Issue>(), new[] { At("A.M()", 10), At("A.N()", 12) });
        Assert.Empty(current);
        Assert.Equal(2, gone.Count);
    }
}
