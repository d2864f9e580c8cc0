using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>The analyzers and code fixes the package ships, found by reflection so a new rule is reported without changes here.</summary>
public static class RuleAssemblies
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(CreateAnalyzers);
    private static readonly Lazy<IReadOnlyDictionary<string, RuleInfo>> LazyRules = new(CreateRules);

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

    /// <summary>Our rules by id.</summary>
    public static IReadOnlyDictionary<string, RuleInfo> Rules => LazyRules.Value;

    /// <summary>Every descriptor the catalogue declares, including rules whose analyzer is still being written.</summary>
    public static IEnumerable<DiagnosticDescriptor> CatalogDescriptors =>
        typeof(RuleCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);

    private static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    private static IReadOnlyDictionary<string, RuleInfo> CreateRules()
    {
        var fixable = typeof(PerfAnalyzers.Rules.StringConcatenationInLoopCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);

        var descriptors = CatalogDescriptors.Concat(Analyzers.SelectMany(a => a.SupportedDiagnostics));

        var rules = new Dictionary<string, RuleInfo>(StringComparer.Ordinal);
        foreach (var d in descriptors)
        {
            if (rules.ContainsKey(d.Id))
            {
                continue;
            }

            var advice = RuleAdvice.For(d.Id);
            rules[d.Id] = new RuleInfo
            {
                Id = d.Id,
                Title = d.Title.ToString(),
                Category = d.Category,
                Description = d.Description.ToString(),
                HelpUri = d.HelpLinkUri ?? "",
                DefaultSeverity = SeverityMapping.From(d.DefaultSeverity),
                Fix = advice.Fix,
                Impact = advice.Impact,
                HasAutomaticFix = fixable.Contains(d.Id),
            };
        }

        return rules;
    }
}
