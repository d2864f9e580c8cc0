using PerfAnalyzers.Report.Owners;

namespace PerfAnalyzers.Report.Tests.Unit;

/// <summary>GitHub's CODEOWNERS rules, with the examples of GitHub's documentation.</summary>
public sealed class CodeOwnersFileTests
{
    private static readonly CodeOwnersFile File = CodeOwnersFile.Parse("""
        # Default owners for everything
        *       @global-owner1 @global-owner2
        *.js    @js-owner #This is an inline comment.
        /build/logs/ @doctocat
        docs/*  docs@example.com
        apps/   @octocat
        /scripts/ @doctocat @octocat
        **/logs @octocat
        /apps/github
        """);

    [Theory]
    [InlineData("README.md", "@global-owner1 @global-owner2")]
    [InlineData("src/app.js", "@js-owner")]
    [InlineData("build/logs/a/b.txt", "@octocat")] // "**/logs" comes after "/build/logs/"
    [InlineData("docs/getting-started.md", "docs@example.com")]
    [InlineData("docs/build-app/troubleshooting.md", "@global-owner1 @global-owner2")]
    [InlineData("src/apps/x.cs", "@octocat")]
    [InlineData("scripts/run.sh", "@doctocat @octocat")]
    [InlineData("deep/down/logs/x.log", "@octocat")]
    [InlineData("apps/github/x.cs", "")]
    public void OwnersOf_LastMatchingPatternWins(string path, string owners) =>
        Assert.Equal(owners, string.Join(" ", File.OwnersOf(path)));

    [Fact]
    public void Parse_BadLineWarnsWithItsNumberAndTheRestIsUsed()
    {
        var file = CodeOwnersFile.Parse("* @all\n!src/ @nobody\nsrc/ not-an-owner\nsrc/Data/ @data\n", ".github/CODEOWNERS");

        Assert.Equal(2, file.Warnings.Count);
        Assert.StartsWith(".github/CODEOWNERS line 2 skipped: negated patterns", file.Warnings[0], System.StringComparison.Ordinal);
        Assert.StartsWith(".github/CODEOWNERS line 3 skipped: 'not-an-owner'", file.Warnings[1], System.StringComparison.Ordinal);
        Assert.Equal("@data", string.Join(" ", file.OwnersOf("src/Data/Repo.cs")));
        Assert.Equal("@all", string.Join(" ", file.OwnersOf("src/Other.cs")));
    }
}
