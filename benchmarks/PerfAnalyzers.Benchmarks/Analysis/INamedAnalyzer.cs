namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>An analyzer the benchmark names itself, so that two instances of one type keep their own times.</summary>
internal interface INamedAnalyzer
{
    string Name { get; }
}
