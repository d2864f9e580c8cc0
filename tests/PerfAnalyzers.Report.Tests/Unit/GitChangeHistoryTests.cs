using PerfAnalyzers.Report.Git;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class GitChangeHistoryTests
{
    [Fact]
    public void CommitsPerFile_CountsEachCommitOncePerFile()
    {
        var log = "\u001eaaa\n\nM\tsrc/A.cs\nM\tsrc/B.cs\n\u001ebbb\n\nM\tsrc/A.cs\n";

        var counts = GitChangeHistory.CommitsPerFile(log);

        Assert.Equal(2, counts["src/A.cs"]);
        Assert.Equal(1, counts["src/B.cs"]);
    }

    [Fact]
    public void CommitsPerFile_ChainedRenamesCountForTheCurrentName()
    {
        // Newest first: B renamed to C, then (earlier) A renamed to B, then A edited.
        var log = "\u001e3\n\nR100\tsrc/B.cs\tsrc/C.cs\n\u001e2\n\nR090\tsrc/A.cs\tsrc/B.cs\n\u001e1\n\nM\tsrc/A.cs\n";

        var counts = GitChangeHistory.CommitsPerFile(log);

        Assert.Equal(3, counts["src/C.cs"]);
        Assert.False(counts.ContainsKey("src/A.cs"));
    }
}
