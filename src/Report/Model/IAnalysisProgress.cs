namespace PerfAnalyzers.Report.Model;

/// <summary>Where collectors report what they are doing; the command line decides how (or whether) it is shown.</summary>
public interface IAnalysisProgress
{
    void Step(string message);

    /// <summary>Something the user should see even without a report, such as a skipped project.</summary>
    void Warn(string message);
}

/// <summary>Progress nobody watches (tests, --quiet).</summary>
public sealed class NoProgress : IAnalysisProgress
{
    public static NoProgress Instance { get; } = new();

    public void Step(string message)
    {
    }

    public void Warn(string message)
    {
    }
}
