using System.Composition;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.CodeFixes.Tests;

/// <summary>Checks every shipped code fix by reflection.</summary>
public class CodeFixGuardTests
{
    public static TheoryData<string> CodeFixNames() => new(RuleAssemblies.CreateCodeFixes().Select(f => f.GetType().Name));

    [Theory]
    [MemberData(nameof(CodeFixNames))]
    public void CodeFix_IsExportedForCSharpWithAName(string name)
    {
        var type = RuleAssemblies.CreateCodeFixes().Single(f => f.GetType().Name == name).GetType();
        var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
        Assert.NotNull(export);
        Assert.Contains(LanguageNames.CSharp, export!.Languages);
        Assert.False(string.IsNullOrEmpty(export.Name));
        Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
    }

    [Theory]
    [MemberData(nameof(CodeFixNames))]
    public void CodeFix_FixesOnlyShippedRulesAndSupportsFixAll(string name)
    {
        var fix = RuleAssemblies.CreateCodeFixes().Single(f => f.GetType().Name == name);
        var shipped = RuleAssemblies.CreateAnalyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(fix.FixableDiagnosticIds);
        Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, shipped));
        Assert.NotNull(fix.GetFixAllProvider());
    }
}
