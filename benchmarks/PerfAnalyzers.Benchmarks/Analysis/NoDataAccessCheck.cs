using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PerfAnalyzers.Benchmarks.Generation;
using PerfAnalyzers.Benchmarks.Reporting;
using static PerfAnalyzers.Benchmarks.Reporting.Markdown;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>
/// "No EF Core, no N+1 work": the N+1 analyzers on a compilation that references none of EF Core, Dapper or ADO.NET
/// must register no action at all, beside the same analyzers on the solution with data access.
/// </summary>
public static class NoDataAccessCheck
{
    private static readonly string[] NPlusOneRules = ["PERF010", "PERF011", "PERF012"];

    public sealed record Report(string Markdown, bool Passed);

    private static bool IsNPlusOne(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer analyzer) => AnalyzerSets.RuleIds(analyzer).Any(NPlusOneRules.Contains);

    public static async Task<Report> RunAsync(int repetitions, int seed, Action<string> log, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder("# No data access, no N+1 work\n\n");
        sb.Append("Machine: ").Append(MachineInfo.Describe()).Append("\n\n");
        // Every analyzer is listed: the others show the same measurement registering their actions as usual.
        var analyzers = AnalyzerSets.Ours();
        if (!analyzers.Any(IsNPlusOne))
        {
            sb.Append("**No analyzer of PERF010, PERF011 or PERF012 is in this build yet; rerun once they land.** The other analyzers are shown for reference.\n\n");
        }

        var withData = await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(10_000, seed, includeDataAccess: true), cancellationToken);
        var withoutData = await BenchmarkCompilation.CreateAsync(SolutionGenerator.Generate(10_000, seed, includeDataAccess: false), cancellationToken);
        var errors = withoutData.GetErrors();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The generated code without data access does not compile: " + errors[0]);
        }

        sb.Append($"The same generator without its data-access classes ({Number(withoutData.Solution.Lines)} lines), compiled against .NET 8 without ")
            .Append("System.Data*, EF Core or Dapper; beside it the 10k solution with data access. Registered actions are every action the analyzer registered beyond its compilation-start action.\n\n");
        var rows = new List<IReadOnlyList<string>>();
        var passed = true;
        foreach (var analyzer in analyzers)
        {
            var name = analyzer.GetType().Name;
            var on = await AnalyzerRunner.MeasureAsync(name, withData.Compilation, [analyzer], null, repetitions, cancellationToken);
            var off = await AnalyzerRunner.MeasureAsync(name, withoutData.Compilation, [analyzer], null, repetitions, cancellationToken);
            var offActions = off.RegisteredActionsByAnalyzer[name];
            string status;
            if (!IsNPlusOne(analyzer))
            {
                status = "not a data-access rule";
            }
            else
            {
                passed &= offActions == 0;
                status = offActions == 0 ? "ok: no work" : "**registers work without data access**";
            }

            rows.Add([name, string.Join(", ", AnalyzerSets.RuleIds(analyzer)), Number(on.RegisteredActionsByAnalyzer[name]), Ms(on.TotalExecutionMs), Number(offActions), Ms(off.TotalExecutionMs), status]);
            log($"  {name}: with data {on.RegisteredActionsByAnalyzer[name]} actions, without {offActions}");
        }

        Table(sb, ["analyzer", "rules", "actions (with data)", "ms (with data)", "actions (no data access)", "ms (no data access)", "status"], rows);
        return new Report(sb.ToString(), passed);
    }
}
