using System;
using System.IO;

namespace PerfAnalyzers.Report.Tests.Infrastructure;

/// <summary>Compares output with a golden file under Golden/; set UPDATE_GOLDEN=1 to rewrite them after an intended change.</summary>
public static class Golden
{
    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(TestPaths.Golden, name);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(TestPaths.Golden);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {name} is missing; run the tests with UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
