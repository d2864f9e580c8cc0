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

    public static async Task<RuleGroupsResult> RunAsync(IReadOnlyList<IReadOnlyList<string>> groups, int size, int repetitions, int seed, Action<string> log, CancellationToken cancellationToken)
    {
        var solution = SolutionGenerator.Generate(size, seed);
        var compilation = await BenchmarkCompilation.CreateAsync(solution, cancellationToken).ConfigureAwait(false);
        var warmup = (await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(2_000, seed: 1), cancellationToken).ConfigureAwait(false)).Compilation;
        var analyzers = groups.Select(ids => Supporting(ids)).ToList();
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

    private static ImmutableArray<DiagnosticAnalyzer> Supporting(IReadOnlyList<string> ruleIds)
    {
        // "EMPTY:INVOCATION": an analyzer with an empty action for that operation kind, the floor any rule that
        // must look at every such operation pays.
        if (ruleIds.Count == 1 && ruleIds[0].StartsWith(EmptyPrefix, StringComparison.Ordinal))
        {
            var kind = Enum.Parse<OperationKind>(ruleIds[0][EmptyPrefix.Length..], ignoreCase: true);
            return ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyActionAnalyzer(kind));
        }

        return AnalyzerSets.Supporting(AnalyzerSets.Ours(), ruleIds);
    }
}
