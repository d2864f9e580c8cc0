using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PerfAnalyzers.Report.Analysis;
using PerfAnalyzers.Report.Baselines;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Output;

namespace PerfAnalyzers.Report.Tests.Infrastructure;

/// <summary>Hand-built reports for formatter tests, including analysed content that tries to break out of every format.</summary>
public static class SampleReports
{
    public const string ScriptFile = "src/<script>window.__pwned=1</script>.cs";
    public const string ImgMessage = "\"><img src=x onerror=\"window.__pwned=2\"> | **bold** [link](javascript:alert(1)) @everyone # heading";
    public const string AnsiMessage = "red \u001b[31malert\u001b[0m bell\u0007 bidi \u202Egnp.exe";
    public const string ScriptSource = "        var s = \"</script><script>window.__pwned=3</script>\"; // <!-- `code` ";

    public static Issue Issue(string rule, IssueSeverity severity, string category, string file, int line, string member, string message, string source, string project = "Shop", bool peer = false) =>
        new Issue
        {
            RuleId = rule,
            Severity = severity,
            Category = category,
            Message = message,
            FilePath = file,
            Line = line,
            Column = 13,
            EndLine = line,
            EndColumn = 40,
            Member = member,
            SourceLine = source,
            Project = project,
            IsPeer = peer,
            Fingerprint = Fingerprint.Compute(rule, file, member, source),
        };

    public static CollectedIssues Result()
    {
        var rules = new Dictionary<string, RuleInfo>(RuleAssemblies.Rules)
        {
            ["CA1845"] = new RuleInfo { Id = "CA1845", Title = "Use span-based 'string.Concat'", Category = "Performance", HelpUri = "https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca1845", IsPeer = true },
        };
        var issues = new[]
        {
            Issue("PERF010", IssueSeverity.Error, "N+1 Query", "src/Orders/OrderRepository.cs", 42, "OrderRepository.LoadAsync(int)", "'FirstOrDefaultAsync' runs a database query on every iteration of this loop", "            var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == order.CustomerId);"),
            Issue("PERF010", IssueSeverity.Warning, "N+1 Query", "src/Orders/OrderRepository.cs", 57, "OrderRepository.Totals()", "'Count' runs a database query on every iteration of this loop", "            total += db.Lines.Count(l => l.OrderId == id);"),
            Issue("PERF001", IssueSeverity.Warning, "Blocking I/O", "src/Orders/Export.cs", 12, "Export.RunAsync()", "'ReadAllText' blocks the thread in an async method; use 'ReadAllTextAsync'", "        var text = File.ReadAllText(path);", project: "Shop.Export"),
            Issue("PERF030", IssueSeverity.Warning, "String Concatenation", ScriptFile, 3, "C.<M>g__Local|0_0()", ImgMessage, ScriptSource),
            Issue("PERF030", IssueSeverity.Warning, "String Concatenation", "src/Orders/Csv.cs", 8, "Csv.Header(IEnumerable<string>)", AnsiMessage, "\theader += column; \u001b]0;title\u0007"),
            Issue("PERF021", IssueSeverity.Info, "Nested Loops", "src/Orders/Csv.cs", 20, "Csv.Rows(int)", "'Contains' searches 'ids' linearly on every iteration of this loop; build a set or dictionary once before the loop", "            if (ids.Contains(row.Id))"),
            Issue("CA1845", IssueSeverity.Info, "Performance", "src/Orders/Csv.cs", 30, "Csv.Cut(string)", "Use 'string.Concat' and 'AsSpan' instead of 'Substring'", "        return a.Substring(1) + b;", peer: true),
        };
        return new CollectedIssues
        {
            Inputs = ["Shop/Shop.sln"],
            ProjectCount = 2,
            Rules = rules,
            Issues = issues,
            SkippedProjects = [new SkippedProject("src/Broken/<b>Broken</b>.csproj", "project file is not valid XML (line 7, position 3)")],
            Timings = [new RuleTiming("StringConcatenationInLoopAnalyzer", new[] { "PERF030" }, TimeSpan.FromMilliseconds(12.5))],
            Notes = ["1 result(s) of other analyzers not counted (add --include-peers to count them)."],
        };
    }

    /// <summary>The sample with a baseline: one issue fixed since, one new.</summary>
    public static ReportModel Model()
    {
        var result = Result();
        var baseline = new List<Issue>(result.Issues.Skip(1))
        {
            Issue("PERF012", IssueSeverity.Warning, "N+1 Query", "src/Orders/Import.cs", 77, "Import.Run()", "'SaveChanges' saves to the database on every iteration of this loop; save once after the loop", "                db.SaveChanges();"),
        };
        var (current, fixedIssues) = BaselineComparer.Compare(result.Issues, baseline);
        return ReportAggregator.Aggregate(result with { Issues = current }, top: 5, toolVersion: "1.0.0-test", fixedIssues, "baseline.json");
    }

    public static string Render(IReportFormatter formatter, ReportModel model)
    {
        using var stream = new MemoryStream();
        formatter.Write(model, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
