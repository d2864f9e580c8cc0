namespace PerfAnalyzers.Reliability.Tests;

/// <summary>One C# text to analyze, named after where it came from so a failure points at its origin.</summary>
public sealed record SourceInput(string Name, string Text)
{
    public override string ToString() => Name;
}
