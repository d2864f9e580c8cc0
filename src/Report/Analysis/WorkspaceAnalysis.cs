using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.MSBuild;
using PerfAnalyzers.Report.Cli;
using PerfAnalyzers.Report.Inputs;
using PerfAnalyzers.Report.Model;
using AnalysisResult = PerfAnalyzers.Report.Model.AnalysisResult;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>
/// Loads projects with MSBuildWorkspace and runs the PerfAnalyzers rules in-process with each project's own options:
/// .editorconfig/globalconfig severities, &lt;NoWarn&gt;, #pragma and [SuppressMessage] apply as in the build.
/// </summary>
public sealed class WorkspaceAnalysis
{
    private readonly AnalysisResult _result;
    private readonly string _root;
    private readonly bool _timing;
    private readonly Progress _progress;
    private readonly bool _restore;

    public WorkspaceAnalysis(AnalysisResult result, string root, bool timing, Progress progress, bool restore = false)
    {
        _restore = restore;
        _result = result;
        _root = root;
        _timing = timing;
        _progress = progress;
    }

    public async Task RunAsync(string input, CancellationToken cancellationToken)
    {
        var projectPaths = InputResolver.ResolveProjects(input);
        _result.Inputs.Add(PathDisplay.Relative(_root, input));
        EnsureMSBuild();

        var failures = new ConcurrentQueue<string>();
        using var workspace = MSBuildWorkspace.Create();
        using var failedHandler = workspace.RegisterWorkspaceFailedHandler(e =>
        {
            if (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure)
            {
                failures.Enqueue(e.Diagnostic.Message);
            }
        });

        var requested = new List<string>();
        foreach (var path in projectPaths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var display = PathDisplay.Relative(_root, path);
            if (_restore && PreCheck(path) is null)
            {
                _progress.Step($"Restoring {display}");
                if (ProjectRestore.Run(path) is { } restoreFailure)
                {
                    Skip(display, restoreFailure);
                    continue;
                }
            }

            if (PreCheck(path) is { } reason)
            {
                Skip(display, reason);
                continue;
            }

            if (workspace.CurrentSolution.Projects.Any(p => SamePath(p.FilePath, path)))
            {
                requested.Add(path);
                continue;
            }

            _progress.Step($"Loading {display}");
            try
            {
                await workspace.OpenProjectAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
                requested.Add(path);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Skip(display, OneLine(FailureFor(path, failures) ?? e.Message));
            }
        }

        var loadable = new List<Project>();
        // Opening a project also loads the projects it references; report only on what was asked for.
        foreach (var project in workspace.CurrentSolution.Projects.Where(p => p.Language == LanguageNames.CSharp && requested.Any(r => SamePath(p.FilePath, r))))
        {
            var path = project.FilePath ?? project.Name;
            var failure = FailureFor(path, failures);
            if (failure is not null && (failure.Contains("project.assets.json", StringComparison.Ordinal) || failure.Contains("NETSDK1004", StringComparison.Ordinal)))
            {
                Skip(PathDisplay.Relative(_root, path), "restore not run (obj/project.assets.json missing); run 'dotnet restore' first");
                continue;
            }

            if (RestoreCheck.IsMissing(project))
            {
                Skip(PathDisplay.Relative(_root, path), "restore not run (project.assets.json missing for a project with package references); run 'dotnet restore' first");
                continue;
            }

            if (!project.MetadataReferences.Any())
            {
                Skip(PathDisplay.Relative(_root, path), failure is null ? "no references resolved (is the target SDK installed and restore run?)" : OneLine(failure));
                continue;
            }

            loadable.Add(project);
        }

        if (loadable.Count == 0)
        {
            var skipped = string.Join("; ", _result.SkippedProjects.Select(s => s.Path + ": " + s.Reason));
            throw new ReportInputException($"no project in '{input}' could be loaded ({skipped})");
        }

        _result.ProjectCount += loadable.Select(p => p.FilePath).Distinct(StringComparer.Ordinal).Count();
        await AnalyseAsync(loadable, cancellationToken).ConfigureAwait(false);
    }

    private async Task AnalyseAsync(IReadOnlyList<Project> projects, CancellationToken cancellationToken)
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
                (exception, analyzer, _) => crashes.Enqueue($"{analyzer.GetType().Name} threw {exception.GetType().Name} in {project.Name}: {OneLine(exception.Message)}"),
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
        foreach (var issue in issues.OrderBy(i => i, IssueOrder.Instance))
        {
            if (seen.Add(string.Join("\u001f", issue.RuleId, issue.FilePath, issue.Line, issue.Column, issue.EndLine, issue.EndColumn, issue.Message)))
            {
                _result.Issues.Add(issue);
            }
        }

        foreach (var (analyzer, ticks) in times)
        {
            _result.Timings.Add(new RuleTiming(analyzer.GetType().Name, analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList(), TimeSpan.FromTicks(ticks)));
        }

        foreach (var crash in crashes.Distinct())
        {
            _result.Notes.Add("Analyzer failure: " + crash);
        }
    }

    private Issue ToIssue(Diagnostic diagnostic, Model.RuleInfo rule, string projectName)
    {
        var span = diagnostic.Location.GetLineSpan();
        var tree = diagnostic.Location.SourceTree!;
        var text = tree.GetText();
        var lineIndex = span.StartLinePosition.Line;
        return new Issue
        {
            RuleId = diagnostic.Id,
            Severity = SeverityMapping.From(diagnostic.Severity),
            Category = rule.Category,
            Message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            FilePath = PathDisplay.Relative(_root, span.Path),
            Line = lineIndex + 1,
            Column = span.StartLinePosition.Character + 1,
            EndLine = span.EndLinePosition.Line + 1,
            EndColumn = span.EndLinePosition.Character + 1,
            Member = EnclosingMember.Find(tree.GetRoot(), diagnostic.Location.SourceSpan.Start),
            SourceLine = lineIndex < text.Lines.Count ? text.Lines[lineIndex].ToString() : "",
            Project = projectName,
        };
    }

    private void Skip(string path, string reason)
    {
        if (_result.SkippedProjects.Any(s => s.Path == path))
        {
            return;
        }

        _result.SkippedProjects.Add(new SkippedProject(path, reason));
        _progress.Warn($"skipped {path}: {reason}");
    }

    /// <summary>Reasons found without MSBuild: a missing or malformed project file.</summary>
    private static string? PreCheck(string path)
    {
        if (!File.Exists(path))
        {
            return "project file does not exist";
        }

        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            return $"project file is not valid XML (line {e.LineNumber}, position {e.LinePosition})";
        }
        catch (IOException e)
        {
            return "project file cannot be read: " + e.Message;
        }
        catch (UnauthorizedAccessException)
        {
            return "project file cannot be read: access denied";
        }

        return null;
    }

    private static string? FailureFor(string path, IEnumerable<string> failures)
    {
        var name = Path.GetFileName(path);
        return failures.FirstOrDefault(f => f.Contains(path, StringComparison.Ordinal)) ?? failures.FirstOrDefault(f => f.Contains(name, StringComparison.Ordinal));
    }

    private static bool SamePath(string? a, string b) => a is not null && string.Equals(Path.GetFullPath(a), b, StringComparison.Ordinal);

    private static string OneLine(string text)
    {
        var line = text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
        return line.Length > 300 ? line.Substring(0, 300) + "…" : line;
    }

    private static void EnsureMSBuild()
    {
        if (MSBuildLocator.IsRegistered)
        {
            return;
        }

        var instance = MSBuildLocator.QueryVisualStudioInstances().OrderByDescending(i => i.Version).FirstOrDefault();
        if (instance is null)
        {
            throw new ReportInputException("no .NET SDK found to load projects (install the .NET SDK, or pass build logs with --sarif)");
        }

        MSBuildLocator.RegisterInstance(instance);
    }
}
