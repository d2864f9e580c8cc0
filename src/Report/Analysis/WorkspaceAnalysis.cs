using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using PerfAnalyzers.Report.Baselines;
using PerfAnalyzers.Report.Inputs;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Rules;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>
/// Loads projects with MSBuildWorkspace and runs the PerfAnalyzers rules in-process with each project's own options:
/// .editorconfig/globalconfig severities, &lt;NoWarn&gt;, #pragma and [SuppressMessage] apply as in the build.
/// </summary>
public sealed class WorkspaceAnalysis
{
    private readonly string _root;
    private readonly bool _timing;
    private readonly bool _restore;
    private readonly IAnalysisProgress _progress;

    /// <param name="root">Folder that reported paths are relative to.</param>
    /// <param name="restore">Restore each project before loading it, as <c>dotnet build</c> does.</param>
    public WorkspaceAnalysis(string root, bool timing, IAnalysisProgress progress, bool restore = true)
    {
        _root = root;
        _timing = timing;
        _progress = progress;
        _restore = restore;
    }

    public async Task<CollectedIssues> RunAsync(string input, CancellationToken cancellationToken)
    {
        var projectPaths = InputResolver.ResolveProjects(input);
        ProjectLoader.EnsureMSBuild();

        using var workspace = MSBuildWorkspace.Create();
        var loaded = await new ProjectLoader(_root, _restore, _progress).LoadAsync(workspace, projectPaths, cancellationToken).ConfigureAwait(false);
        if (loaded.Projects.Count == 0)
        {
            var skipped = string.Join("; ", loaded.Skipped.Select(s => s.Path + ": " + s.Reason));
            throw new ReportInputException($"no project in '{input}' could be loaded ({skipped})");
        }

        var analysed = await AnalyseAsync(loaded.Projects, cancellationToken).ConfigureAwait(false);
        return analysed with
        {
            Inputs = [PathDisplay.Relative(_root, input)],
            Rules = RuleAssemblies.Rules,
            SkippedProjects = loaded.Skipped,
            ProjectCount = loaded.Projects.Select(p => p.FilePath).Distinct(StringComparer.Ordinal).Count(),
        };
    }

    private async Task<CollectedIssues> AnalyseAsync(IReadOnlyList<Project> projects, CancellationToken cancellationToken)
    {
        var analyzers = RuleAssemblies.Analyzers;
        var issues = new ConcurrentBag<Issue>();
        var times = new ConcurrentDictionary<DiagnosticAnalyzer, long>();
        var crashes = new ConcurrentQueue<string>();
        var done = 0;

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(projects, parallel, async (project, ct) =>
        {
            var compilation = await project.GetCompilationAsync(ct).ConfigureAwait(false);
            if (compilation is null)
            {
                return;
            }

            var options = new CompilationWithAnalyzersOptions(
                project.AnalyzerOptions,
                (exception, analyzer, _) => crashes.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name} in {project.Name}: {ProjectLoader.OneLine(exception.Message)}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: _timing,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(ct).ConfigureAwait(false);
            var projectName = Path.GetFileNameWithoutExtension(project.FilePath ?? project.Name);
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.IsSuppressed || !diagnostic.Location.IsInSource || !RuleAssemblies.Rules.TryGetValue(diagnostic.Id, out var rule))
                {
                    continue;
                }

                issues.Add(ToIssue(diagnostic, rule, projectName));
            }

            if (_timing)
            {
                foreach (var analyzer in analyzers)
                {
                    var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, ct).ConfigureAwait(false);
                    times.AddOrUpdate(analyzer, telemetry.ExecutionTime.Ticks, (_, t) => t + telemetry.ExecutionTime.Ticks);
                }
            }

            _progress.Step($"Analysed {project.Name} ({Interlocked.Increment(ref done)}/{projects.Count})");
        }).ConfigureAwait(false);

        // Multi-targeted projects load once per framework; the build reports each place once per framework too, but a report counts places.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = issues.OrderBy(i => i, IssueOrder.Instance)
            .Where(i => seen.Add(string.Join("\u001f", i.RuleId, i.FilePath, i.Line, i.Column, i.EndLine, i.EndColumn, i.Message)))
            .ToList();

        return new CollectedIssues
        {
            Issues = distinct,
            Timings = times.Select(t => new RuleTiming(
                t.Key.GetType().Name,
                t.Key.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList(),
                TimeSpan.FromTicks(t.Value))).ToList(),
            Notes = crashes.Distinct().Select(crash => "Analyzer failure: " + crash).ToList(),
        };
    }

    private Issue ToIssue(Diagnostic diagnostic, RuleInfo rule, string projectName)
    {
        var span = diagnostic.Location.GetLineSpan();
        var tree = diagnostic.Location.SourceTree!;
        var text = tree.GetText();
        var lineIndex = span.StartLinePosition.Line;
        var filePath = PathDisplay.Relative(_root, span.Path);
        var member = EnclosingMember.Find(tree.GetRoot(), diagnostic.Location.SourceSpan.Start);
        var sourceLine = lineIndex < text.Lines.Count ? text.Lines[lineIndex].ToString() : "";
        var wholeSolution = diagnostic.Properties.TryGetValue(QueryThroughCallInLoopAnalyzer.ScopeProperty, out var scope)
            && scope == QueryThroughCallInLoopAnalyzer.SolutionScopeValue;
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        return new Issue
        {
            RuleId = diagnostic.Id,
            Severity = SeverityMapping.From(diagnostic.Severity),
            Category = rule.Category,
            // In the message, so every format (console, Markdown, HTML, annotations, Code Quality) says it.
            Message = wholeSolution ? message + Issue.WholeSolutionNote : message,
            WholeSolution = wholeSolution,
            FilePath = filePath,
            Line = lineIndex + 1,
            Column = span.StartLinePosition.Character + 1,
            EndLine = span.EndLinePosition.Line + 1,
            EndColumn = span.EndLinePosition.Character + 1,
            Member = member,
            SourceLine = sourceLine,
            Project = projectName,
            Fingerprint = Fingerprint.Compute(diagnostic.Id, filePath, member, sourceLine),
        };
    }
}
