using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Benchmarks.Generation;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>One group's repetitions: the group's total time and each analyzer's, per repetition.</summary>
public sealed record RuleGroupResult(IReadOnlyList<string> RuleIds, IReadOnlyList<double> TotalMs, IReadOnlyDictionary<string, IReadOnlyList<double>> ByAnalyzer, IReadOnlyDictionary<string, int> Diagnostics, IReadOnlyList<string> AnalyzerExceptions)
{
    public string Label => string.Join(" + ", RuleIds);

    /// <summary>The rules whose findings the group reports: its rule ids, and those a report-only member stands in for.</summary>
    public IEnumerable<string> ReportedRuleIds => RuleIds.SelectMany(RuleGroups.ReportedBy).Distinct(StringComparer.Ordinal);
}

public sealed record RuleGroupsResult(BenchmarkCompilation Compilation, int Repetitions, IReadOnlyDictionary<string, int> Expected, IReadOnlyList<RuleGroupResult> Groups);

/// <summary>
/// Groups of rules, each group's analyzers run together in one analysis on one thread (as a build runs them: what
/// the rules share per compilation is paid once), the groups taking turns repetition by repetition. One unmeasured
/// repetition first: it loads and compiles the analyzers and reads the reference assemblies' metadata, which a
/// rebuild in a warm compiler server does not pay again.
/// </summary>
public static class RuleGroups
{
    private const string EmptyPrefix = "EMPTY:";
    private const string ReportOnlyPrefix = "REPORT-ONLY:";

    public static async Task<RuleGroupsResult> RunAsync(IReadOnlyList<IReadOnlyList<string>> groups, int size, int repetitions, int seed, Action<string> log, CancellationToken cancellationToken)
    {
        var solution = SolutionGenerator.Generate(size, seed);
        var compilation = await BenchmarkCompilation.CreateAsync(solution, cancellationToken).ConfigureAwait(false);
        var warmup = (await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(2_000, seed: 1), cancellationToken).ConfigureAwait(false)).Compilation;
        var findings = await FindingsForReportOnlyAsync(groups, compilation.Compilation, cancellationToken).ConfigureAwait(false);
        var analyzers = groups.Select(ids => Supporting(ids, findings)).ToList();
        var totals = groups.Select(_ => new List<double>()).ToArray();
        var byAnalyzer = groups.Select(_ => new Dictionary<string, List<double>>(StringComparer.Ordinal)).ToArray();
        var diagnostics = new IReadOnlyDictionary<string, int>[groups.Count];
        var exceptions = groups.Select(_ => new List<string>()).ToArray();
        for (var rep = 0; rep <= repetitions; rep++)
        {
            var order = Enumerable.Range(0, groups.Count).ToList();
            if (rep % 2 == 1)
            {
                order.Reverse();
            }

            foreach (var i in order)
            {
                var m = await AnalyzerRunner.MeasureAsync(string.Join("+", groups[i]), compilation.Compilation, analyzers[i], null, 1, cancellationToken, rep == 0 ? warmup : null, concurrent: false).ConfigureAwait(false);
                exceptions[i].AddRange(m.AnalyzerExceptions);
                diagnostics[i] = m.DiagnosticCounts;
                if (rep == 0)
                {
                    continue;
                }

                totals[i].Add(m.TotalExecutionMs);
                foreach (var (name, ms) in m.ExecutionMsByAnalyzer)
                {
                    if (!byAnalyzer[i].TryGetValue(name, out var list))
                    {
                        byAnalyzer[i][name] = list = [];
                    }

                    list.Add(ms);
                }

                log($"  rep {rep}, {string.Join(" + ", groups[i])}: {m.TotalExecutionMs:N2} ms");
            }
        }

        return new RuleGroupsResult(
            compilation,
            repetitions,
            solution.Expected,
            groups.Select((ids, i) => new RuleGroupResult(
                ids,
                totals[i],
                byAnalyzer[i].ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value, StringComparer.Ordinal),
                diagnostics[i],
                exceptions[i].Distinct().ToList())).ToList());
    }

    /// <summary>The rules a group member reports: a rule id itself, the rules after a report-only member's kind, none for an empty action.</summary>
    internal static IEnumerable<string> ReportedBy(string member) =>
        member.StartsWith(ReportOnlyPrefix, StringComparison.Ordinal) ? ParseReportOnly(member).RuleIds
        : member.StartsWith(EmptyPrefix, StringComparison.Ordinal) ? []
        : [member];

    /// <summary>
    /// A group's members as analyzers. "EMPTY:INVOCATION": an empty action for that operation kind, the floor any rule
    /// that must look at every such operation pays. "REPORT-ONLY:OBJECTCREATION:PERF040+PERF041": one analyzer with one
    /// action for that kind that reports those rules' findings where the rules reported them, without analysing
    /// anything. Any other member is a rule id; the analyzers reporting the group's rules run as they are.
    /// </summary>
    private static ImmutableArray<DiagnosticAnalyzer> Supporting(IReadOnlyList<string> members, IReadOnlyList<Diagnostic> findings)
    {
        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var ruleIds = new List<string>();
        foreach (var member in members)
        {
            if (member.StartsWith(EmptyPrefix, StringComparison.Ordinal))
            {
                analyzers.Add(new EmptyActionAnalyzer(Enum.Parse<OperationKind>(member[EmptyPrefix.Length..], ignoreCase: true)));
            }
            else if (member.StartsWith(ReportOnlyPrefix, StringComparison.Ordinal))
            {
                var (kind, ids) = ParseReportOnly(member);
                analyzers.Add(new ReportOnlyAnalyzer("ReportOnly " + string.Join("+", ids), kind, findings.Where(f => ids.Contains(f.Id))));
            }
            else
            {
                ruleIds.Add(member);
            }
        }

        if (ruleIds.Count > 0)
        {
            analyzers.AddRange(AnalyzerSets.Supporting(AnalyzerSets.Ours(), ruleIds));
        }

        return analyzers.ToImmutable();
    }

    /// <summary>Every finding of the rules some report-only member stands in for, from one unmeasured run of the rules themselves.</summary>
    private static async Task<IReadOnlyList<Diagnostic>> FindingsForReportOnlyAsync(IReadOnlyList<IReadOnlyList<string>> groups, Compilation compilation, CancellationToken cancellationToken)
    {
        var ruleIds = groups.SelectMany(g => g).Where(m => m.StartsWith(ReportOnlyPrefix, StringComparison.Ordinal)).SelectMany(ReportedBy).ToHashSet(StringComparer.Ordinal);
        if (ruleIds.Count == 0)
        {
            return [];
        }

        var diagnostics = await compilation.WithAnalyzers(AnalyzerSets.Supporting(AnalyzerSets.Ours(), ruleIds)).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return diagnostics.Where(d => ruleIds.Contains(d.Id)).ToList();
    }

    private static (OperationKind Kind, IReadOnlyList<string> RuleIds) ParseReportOnly(string member)
    {
        var parts = member[ReportOnlyPrefix.Length..].Split(':');
        return parts.Length == 2
            ? (Enum.Parse<OperationKind>(parts[0], ignoreCase: true), parts[1].Split('+', StringSplitOptions.RemoveEmptyEntries))
            : throw new ArgumentException($"'{member}': expected {ReportOnlyPrefix}<operation kind>:<rule id>+<rule id>");
    }
}
