using System;
using System.Collections.Generic;
using System.Linq;

namespace PerfAnalyzers.Report.Model;

/// <summary>
/// Turns the collected issues into totals, rankings and the fix-first list, and decides the things every output must
/// agree on: which rules a report lists and the counts the exit-code gate uses.
/// </summary>
public static class ReportAggregator
{
    /// <param name="fixedIssues">Baseline issues no longer found (when a baseline was given).</param>
    public static ReportModel Aggregate(CollectedIssues result, int top, string toolVersion, IReadOnlyList<Issue>? fixedIssues = null, string? baselinePath = null, ReportContext? context = null)
    {
        var issues = result.Issues.OrderBy(i => i, IssueOrder.Instance).ToList();
        var total = issues.Count;

        var bySeverity = Enum.GetValues<IssueSeverity>()
            .Select(s => Row(s.ToString(), issues.Count(i => i.Severity == s), total))
            .ToList();

        var byCategory = issues
            .GroupBy(i => (i.Category, i.IsPeer))
            .Select(g => Row(g.Key.Category.Length == 0 ? "(none)" : g.Key.Category, g.Count(), total, g.Key.IsPeer))
            .OrderBy(r => r.IsPeer).ThenByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        var byRule = issues
            .GroupBy(i => i.RuleId, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                result.Rules.TryGetValue(g.Key, out var rule);
                return new RuleRow(g.Key, rule?.Title ?? "", first.Category, g.Min(i => i.Severity), g.Count(), Percent(g.Count(), total), first.IsPeer);
            })
            .OrderBy(r => r.IsPeer).ThenByDescending(r => r.Count).ThenBy(r => r.RuleId, StringComparer.Ordinal)
            .ToList();

        var topFiles = Ranked(issues, i => i.FilePath, total, top);
        var topProjects = Ranked(issues.Where(i => i.Project.Length > 0), i => i.Project, total, top);

        var priorities = issues
            .GroupBy(i => i.RuleId, StringComparer.Ordinal)
            .Select(g =>
            {
                result.Rules.TryGetValue(g.Key, out var rule);
                var weight = g.Sum(i => SeverityWeight(i.Severity));
                var impact = rule?.Impact ?? 1;
                return (Rule: rule, Id: g.Key, Category: g.First().Category, Count: g.Count(), Score: impact * weight, Peer: g.First().IsPeer);
            })
            .OrderBy(p => p.Peer).ThenByDescending(p => p.Score).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(top)
            .Select((p, index) => new PriorityRow(
                index + 1,
                p.Id,
                p.Rule?.Title ?? "",
                p.Category,
                p.Count,
                p.Score,
                p.Rule?.Fix ?? "",
                p.Rule?.HasAutomaticFix ?? false,
                p.Rule?.HelpUri ?? ""))
            .ToList();

        var fixedList = fixedIssues ?? Array.Empty<Issue>();
        BaselineSummary? baseline = baselinePath is null
            ? null
            : new BaselineSummary(
                baselinePath,
                issues.Count(i => i.Baseline == BaselineStatus.New),
                issues.Count(i => i.Baseline == BaselineStatus.Unchanged),
                fixedList.Count);

        return new ReportModel
        {
            ToolVersion = toolVersion,
            Inputs = result.Inputs.ToList(),
            ProjectCount = result.ProjectCount,
            Total = total,
            BySeverity = bySeverity,
            ByCategory = byCategory,
            ByRule = byRule,
            TopFiles = topFiles,
            TopProjects = topProjects,
            Priorities = priorities,
            Issues = issues,
            FixedIssues = fixedList.OrderBy(i => i, IssueOrder.Instance).ToList(),
            Baseline = baseline,
            SkippedProjects = result.SkippedProjects.OrderBy(s => s.Path, StringComparer.Ordinal).ToList(),
            Timings = result.Timings.OrderByDescending(t => t.Time).ThenBy(t => t.Analyzer, StringComparer.Ordinal).ToList(),
            Notes = result.Notes.ToList(),
            Rules = new SortedDictionary<string, RuleInfo>(result.Rules.ToDictionary(), StringComparer.Ordinal),
            ListedRules = ListedRules(result.Rules, byRule),
            Counts = new GateCounts(
                issues.Count(i => i.Severity == IssueSeverity.Error),
                issues.Count(i => i.Severity == IssueSeverity.Warning),
                issues.Count(i => i.Baseline == BaselineStatus.New)),
            Top = top,
            Hotspots = context?.History is { } history ? Hotspots(issues, history, top) : null,
            Owners = context?.OwnersByFile is { } owners ? ByOwner(issues, owners) : null,
            Trend = context?.PreviousRuns is { } previous ? new TrendSection([.. previous, ThisRun(context, issues)]) : null,
        };
    }

    private static RecordedRun ThisRun(ReportContext context, IReadOnlyList<Issue> issues)
    {
        static IReadOnlyDictionary<string, int> By(IEnumerable<Issue> items, Func<Issue, string> key) =>
            new SortedDictionary<string, int>(items.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), StringComparer.Ordinal);

        return new RecordedRun(context.RunTime, context.Commit, issues.Count, By(issues, i => i.Severity.ToString()), By(issues, i => i.Category), By(issues, i => i.RuleId));
    }

    /// <summary>Each issue counts once for every owner of its file (co-owners share the work).</summary>
    public static List<OwnerRow> ByOwner(IReadOnlyList<Issue> issues, IReadOnlyDictionary<string, IReadOnlyList<string>> ownersByFile) =>
        issues
            .SelectMany(i => ownersByFile.TryGetValue(i.FilePath, out var owners) && owners.Count > 0
                ? owners.Select(o => (Owner: o, Issue: i))
                : new[] { (Owner: OwnerRow.NoOwner, Issue: i) })
            .GroupBy(p => p.Owner, StringComparer.OrdinalIgnoreCase)
            .Select(g => new OwnerRow(
                g.Key,
                g.Count(),
                g.Count(p => p.Issue.Severity == IssueSeverity.Error),
                g.Count(p => p.Issue.Severity == IssueSeverity.Warning),
                g.Count(p => p.Issue.Severity == IssueSeverity.Info),
                g.Count(p => p.Issue.Severity == IssueSeverity.Hidden)))
            .OrderBy(r => r.Owner == OwnerRow.NoOwner).ThenByDescending(r => r.Issues).ThenBy(r => r.Owner, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// Files ranked by findings weighed by severity × commits in the window: where the code that changes most has the
    /// most to fix. Files that did not change in the window are not hotspots.
    /// </summary>
    public static HotspotSection Hotspots(IReadOnlyList<Issue> issues, ChangeHistory history, int top)
    {
        var rows = issues
            .GroupBy(i => i.FilePath, StringComparer.Ordinal)
            .Select(g =>
            {
                var commits = history.CommitsByFile.TryGetValue(g.Key, out var n) ? n : 0;
                return new HotspotRow(g.Key, commits, g.Count(), commits * g.Sum(i => SeverityWeight(i.Severity)));
            })
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.Commits).ThenBy(r => r.Path, StringComparer.Ordinal)
            .Take(top)
            .ToList();
        return new HotspotSection(rows, history.SinceDays, history.Partial);
    }

    /// <summary>Our rules always (a report documents what was checked); other analyzers' rules only where they found something.</summary>
    private static List<RuleInfo> ListedRules(IReadOnlyDictionary<string, RuleInfo> rules, IReadOnlyList<RuleRow> byRule)
    {
        var found = byRule.Select(r => r.RuleId).ToHashSet(StringComparer.Ordinal);
        // A rule with issues but no metadata is still listed, so SARIF results always have a rule to point at.
        var unknown = byRule.Where(r => !rules.ContainsKey(r.RuleId)).Select(r => new RuleInfo { Id = r.RuleId, Category = r.Category, IsPeer = r.IsPeer });
        return rules.Values
            .Where(r => !r.IsPeer || found.Contains(r.Id))
            .Concat(unknown)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Errors weigh most; hidden diagnostics barely count.</summary>
    public static int SeverityWeight(IssueSeverity severity) => severity switch
    {
        IssueSeverity.Error => 4,
        IssueSeverity.Warning => 2,
        IssueSeverity.Info => 1,
        _ => 0,
    };

    private static List<CountRow> Ranked(IEnumerable<Issue> issues, Func<Issue, string> key, int total, int top) =>
        issues.GroupBy(key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.Count(), total))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Take(top)
            .ToList();

    private static CountRow Row(string name, int count, int total, bool peer = false) => new(name, count, Percent(count, total), peer);

    private static double Percent(int count, int total) => total == 0 ? 0 : Math.Round(100.0 * count / total, 1);
}

/// <summary>Most severe first, our rules before peers, then by place in the code.</summary>
public sealed class IssueOrder : IComparer<Issue>
{
    public static readonly IssueOrder Instance = new();

    public int Compare(Issue? x, Issue? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = x.Severity.CompareTo(y.Severity);
        if (c == 0)
        {
            c = x.IsPeer.CompareTo(y.IsPeer);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.FilePath, y.FilePath);
        }

        if (c == 0)
        {
            c = x.Line.CompareTo(y.Line);
        }

        if (c == 0)
        {
            c = x.Column.CompareTo(y.Column);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.RuleId, y.RuleId);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Message, y.Message);
        }

        return c;
    }
}
