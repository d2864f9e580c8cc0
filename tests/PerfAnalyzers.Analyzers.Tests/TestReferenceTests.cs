using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Analyzers.Tests;

/// <summary>
/// Test sources compile against restored files, never against packages the testing library downloads at test time
/// (two test processes filling one download cache at once made a first run on a new machine fail).
/// </summary>
public class TestReferenceTests
{
    [Fact]
    public async Task TestingLibrary_ResolvesNothingItself()
    {
        var resolved = await TestReferences.NoDownload.ResolveAsync(LanguageNames.CSharp, default);

        Assert.Empty(resolved);
    }

    [Fact]
    public void ReferenceSets_AreRestoredFilesOutsideTheTempFolder()
    {
        var temp = Path.GetFullPath(Path.GetTempPath());
        foreach (var set in new[] { TestReferences.Net80, TestReferences.Net80WithData, TestReferences.Net80Web })
        {
            Assert.NotEmpty(set.References);
            foreach (var path in set.References.Select(FilePath))
            {
                Assert.True(File.Exists(path), $"{set}: {path} does not exist");
                Assert.False(path.StartsWith(temp, StringComparison.Ordinal), $"{set}: {path} is under the temp folder");
            }
        }
    }

    [Fact]
    public void Net80_HasTheFrameworkOnly()
    {
        var names = TestReferences.Net80.References.Select(r => Path.GetFileName(FilePath(r))).ToList();

        Assert.Contains("System.Runtime.dll", names);
        Assert.DoesNotContain("Microsoft.EntityFrameworkCore.dll", names);
        Assert.DoesNotContain("Dapper.dll", names);
    }

    [Fact]
    public void Net80WithData_AddsEntityFrameworkCoreAndDapper()
    {
        var names = TestReferences.Net80WithData.References.Select(r => Path.GetFileName(FilePath(r))).ToList();

        Assert.Contains("System.Runtime.dll", names);
        Assert.Contains("Microsoft.EntityFrameworkCore.dll", names);
        Assert.Contains("Microsoft.EntityFrameworkCore.Relational.dll", names);
        Assert.Contains("Dapper.dll", names);
        Assert.DoesNotContain("Microsoft.AspNetCore.Mvc.Core.dll", names);
    }

    [Fact]
    public void Net80Web_AddsAspNetCore()
    {
        var names = TestReferences.Net80Web.References.Select(r => Path.GetFileName(FilePath(r))).ToList();

        Assert.Contains("Microsoft.AspNetCore.Mvc.Core.dll", names);
        Assert.Contains("Microsoft.EntityFrameworkCore.dll", names);
    }

    private static string FilePath(MetadataReference reference) =>
        Assert.IsAssignableFrom<PortableExecutableReference>(reference).FilePath!;
}
