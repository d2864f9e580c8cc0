using System.Collections.Generic;
using System.Linq;

namespace PerfAnalyzers.Benchmarks.Generation;

/// <summary>The generated source files and the exact number of diagnostics each rule must report on them.</summary>
public sealed class SyntheticSolution
{
    public SyntheticSolution(string name, bool includesDataAccess, IReadOnlyList<GeneratedFile> files, IReadOnlyDictionary<string, int> expected)
    {
        Name = name;
        IncludesDataAccess = includesDataAccess;
        Files = files;
        Expected = expected;
        Lines = files.Sum(f => f.Lines);
    }

    public string Name { get; }

    public bool IncludesDataAccess { get; }

    public IReadOnlyList<GeneratedFile> Files { get; }

    /// <summary>Rule id to the number of diagnostics it must report; every rule id is present (zero included).</summary>
    public IReadOnlyDictionary<string, int> Expected { get; }

    public int Lines { get; }
}

public sealed record GeneratedFile(string Path, string Text)
{
    public int Lines { get; } = CountLines(Text);

    private static int CountLines(string text)
    {
        var lines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return lines;
    }
}
