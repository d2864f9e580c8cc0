using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfAnalyzers.Testing;

/// <summary>Every analyzer and code fix the package ships, found by reflection so a new rule cannot escape the guard tests.</summary>
public static class RuleAssemblies
{
    public static Assembly Analyzers => typeof(RuleCatalog).Assembly;

    public static Assembly CodeFixes => typeof(PerfAnalyzers.Rules.StringConcatenationInLoopCodeFix).Assembly;

    public static IReadOnlyList<DiagnosticAnalyzer> CreateAnalyzers() =>
        Analyzers.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToList();

    public static IReadOnlyList<CodeFixProvider> CreateCodeFixes() =>
        CodeFixes.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();

    public static IEnumerable<object[]> AnalyzerTypeNames() => CreateAnalyzers().Select(a => new object[] { a.GetType().Name });

    public static IEnumerable<object[]> CodeFixTypeNames() => CreateCodeFixes().Select(f => new object[] { f.GetType().Name });
}
