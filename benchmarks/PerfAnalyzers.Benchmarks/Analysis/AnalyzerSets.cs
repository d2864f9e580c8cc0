using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>The PerfAnalyzers analyzers present in this build, found by reflection: rules added later are measured without a change here.</summary>
public static class AnalyzerSets
{
    public static ImmutableArray<DiagnosticAnalyzer> Ours() => RuleAssemblies.CreateAnalyzers().ToImmutableArray();

    /// <summary>
    /// The analyzers of another build of PerfAnalyzers (an earlier commit's PerfAnalyzers.Analyzers.dll), loaded beside
    /// this build's so the two can be measured in one process, turn about.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> FromAssembly(string path)
    {
        path = Path.GetFullPath(path);
        var assembly = new AnalyzerLoadContext([Path.GetDirectoryName(path)!]).LoadFromAssemblyPath(path);
        return assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
    }

    public static IReadOnlyList<string> RuleIds(DiagnosticAnalyzer analyzer) =>
        analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal).ToList();

    /// <summary>The analyzers among <paramref name="analyzers"/> that report any of <paramref name="ruleIds"/>; an error when none does.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Supporting(ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyCollection<string> ruleIds)
    {
        var supporting = analyzers.Where(a => RuleIds(a).Any(ruleIds.Contains)).ToImmutableArray();
        return supporting.IsEmpty ? throw new ArgumentException("no analyzer reports " + string.Join(", ", ruleIds)) : supporting;
    }

    /// <summary>The rule ids some analyzer of this build reports.</summary>
    public static ISet<string> ImplementedRules(IEnumerable<DiagnosticAnalyzer> analyzers) =>
        analyzers.SelectMany(RuleIds).ToHashSet(StringComparer.Ordinal);

    /// <summary>Only the rule of <paramref name="peer"/> among the peer's analyzers enabled (as a warning); every other rule they support suppressed.</summary>
    public static ImmutableDictionary<string, ReportDiagnostic> OnlyRule(PeerRule peer)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, ReportDiagnostic>(StringComparer.Ordinal);
        foreach (var analyzer in peer.Analyzers)
        {
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                builder[descriptor.Id] = descriptor.Id == peer.Id ? ReportDiagnostic.Warn : ReportDiagnostic.Suppress;
            }
        }

        return builder.ToImmutable();
    }
}
