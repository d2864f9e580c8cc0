using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Analyzers.Tests;

/// <summary>
/// <c>RuleCatalog</c> is where a rule's id, category and default severity are declared; the README rule table and
/// each rule page's header table repeat them for readers. These tests fail when the copies drift.
/// </summary>
public class CatalogDocumentationTests
{
    public static TheoryData<string> CatalogIds() => new(Catalogued().Select(d => d.Id));

    [Fact]
    public void ReadmeRuleTable_HasOneRowPerCataloguedRule()
    {
        var rows = ReadmeRuleRows();
        var duplicates = rows.GroupBy(r => r.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "README lists these rules twice: " + string.Join(", ", duplicates));
        Assert.Equal(Catalogued().Select(d => d.Id).OrderBy(id => id), rows.Select(r => r.Id).OrderBy(id => id));
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void ReadmeRuleRow_MatchesCatalog(string id)
    {
        var descriptor = Catalogued().Single(d => d.Id == id);
        var row = Assert.Single(ReadmeRuleRows(), r => r.Id == id);
        Assert.Equal(descriptor.Category, row.Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
    }

    [Theory]
    [MemberData(nameof(CatalogIds))]
    public void RulePageHeader_MatchesCatalog(string id)
    {
        var descriptor = Catalogued().Single(d => d.Id == id);
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "rules", id + ".md"));
        Assert.StartsWith("# " + id + ":", lines[0]);
        var header = HeaderTable(lines);
        Assert.True(header.TryGetValue("Category", out var category), id + ".md has no Category row");
        Assert.True(header.TryGetValue("Default severity", out var severity), id + ".md has no Default severity row");
        Assert.Equal(descriptor.Category, category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), severity);
    }

    private static IReadOnlyList<DiagnosticDescriptor> Catalogued() =>
        typeof(RuleCatalog).GetFields().Select(f => f.GetValue(null)).OfType<DiagnosticDescriptor>().ToList();

    /// <summary>The rows of the table under README's "## Rules": id (from the link text), category, default severity.</summary>
    private static List<(string Id, string Category, string Severity)> ReadmeRuleRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = System.Array.IndexOf(lines, "## Rules");
        Assert.True(start >= 0, "README has no '## Rules' section");
        var rows = new List<(string, string, string)>();
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = Cells(line);
            if (cells.Count < 3 || !cells[0].StartsWith("[PERF", System.StringComparison.Ordinal))
            {
                continue;
            }

            rows.Add((cells[0].Substring(1, cells[0].IndexOf(']') - 1), cells[1], cells[2]));
        }

        return rows;
    }

    /// <summary>The page's first table (right under its title): label → value.</summary>
    private static Dictionary<string, string> HeaderTable(string[] lines)
    {
        var table = new Dictionary<string, string>();
        foreach (var line in lines.Skip(1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = Cells(line);
            if (cells.Count >= 2 && cells[0].Length > 0 && !cells[0].StartsWith("---", System.StringComparison.Ordinal))
            {
                table[cells[0]] = cells[1];
            }
        }

        return table;
    }

    private static List<string> Cells(string row) =>
        row.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList();
}
