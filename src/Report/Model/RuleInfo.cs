namespace PerfAnalyzers.Report.Model;

/// <summary>What the report knows about a rule: texts, category, help link and the fix that applies.</summary>
public sealed record RuleInfo
{
    public required string Id { get; init; }

    public string Title { get; init; } = "";

    public string Category { get; init; } = "";

    public string Description { get; init; } = "";

    public string HelpUri { get; init; } = "";

    public IssueSeverity DefaultSeverity { get; init; } = IssueSeverity.Warning;

    public bool IsPeer { get; init; }

    /// <summary>What to do about it, in one sentence.</summary>
    public string Fix { get; init; } = "";

    /// <summary>True when a code fix ships for the rule (applies with the IDE's lightbulb or Fix All).</summary>
    public bool HasAutomaticFix { get; init; }

    /// <summary>Relative cost of one occurrence, used to order what to fix first.</summary>
    public int Impact { get; init; } = 1;
}
