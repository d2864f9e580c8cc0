namespace PerfAnalyzers.Report.Model;

/// <summary>Severity as the build reports it after .editorconfig, globalconfig and &lt;NoWarn&gt; are applied.</summary>
public enum IssueSeverity
{
    Error = 0,
    Warning = 1,
    Info = 2,
    Hidden = 3,
}

/// <summary>How an issue compares with the baseline report, when one is given.</summary>
public enum BaselineStatus
{
    None = 0,
    New,
    Unchanged,
    Fixed,
}

/// <summary>One diagnostic at one place in the analysed code.</summary>
public sealed record Issue
{
    public required string RuleId { get; init; }

    public required IssueSeverity Severity { get; init; }

    public required string Category { get; init; }

    public required string Message { get; init; }

    /// <summary>Path relative to the report root with forward slashes, or absolute when the file lies outside it.</summary>
    public required string FilePath { get; init; }

    public int Line { get; init; }

    public int Column { get; init; }

    public int EndLine { get; init; }

    public int EndColumn { get; init; }

    /// <summary>The member (method, property, constructor…) holding the issue, e.g. <c>OrderService.LoadAsync(int)</c>.</summary>
    public string Member { get; init; } = "";

    public string SourceLine { get; init; } = "";

    public string Project { get; init; } = "";

    /// <summary>
    /// True when only the whole-solution analysis can see the issue (a PERF013 chain through other projects' source):
    /// the build analyses one project at a time and will not report it.
    /// </summary>
    public bool WholeSolution { get; init; }

    /// <summary>Appended to the message of a <see cref="WholeSolution"/> issue.</summary>
    public const string SolutionScope = "solution";

    public const string WholeSolutionNote = " [found by whole-solution analysis; the build does not report it]";

    /// <summary>True for diagnostics of other analyzers read from SARIF with <c>--include-peers</c>.</summary>
    public bool IsPeer { get; init; }

    public string Fingerprint { get; init; } = "";

    public BaselineStatus Baseline { get; init; }
}
