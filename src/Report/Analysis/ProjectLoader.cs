using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>The C# projects that could be loaded for analysis, and those that could not, with the reason.</summary>
public sealed record LoadedProjects(IReadOnlyList<Project> Projects, IReadOnlyList<SkippedProject> Skipped);

/// <summary>
/// Restores (unless told not to) and loads the requested projects into an MSBuildWorkspace, skipping those that cannot
/// be analysed faithfully: a malformed project file, a failed restore, missing references.
/// </summary>
internal sealed class ProjectLoader
{
    private readonly string _root;
    private readonly bool _restore;
    private readonly IAnalysisProgress _progress;
    private readonly List<SkippedProject> _skipped = new();

    public ProjectLoader(string root, bool restore, IAnalysisProgress progress)
    {
        _root = root;
        _restore = restore;
        _progress = progress;
    }

    public async Task<LoadedProjects> LoadAsync(MSBuildWorkspace workspace, IReadOnlyList<string> projectPaths, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<string>();
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
            if (await OpenAsync(workspace, path, failures, cancellationToken).ConfigureAwait(false))
            {
                requested.Add(path);
            }
        }

        var loadable = new List<Project>();
        // Opening a project also loads the projects it references; report only on what was asked for.
        foreach (var project in workspace.CurrentSolution.Projects.Where(p => p.Language == LanguageNames.CSharp && requested.Any(r => SamePath(p.FilePath, r))))
        {
            var path = project.FilePath ?? project.Name;
            if (Unusable(project, FailureFor(path, failures)) is { } reason)
            {
                Skip(PathDisplay.Relative(_root, path), reason);
                continue;
            }

            loadable.Add(project);
        }

        return new LoadedProjects(loadable, _skipped.ToList());
    }

    /// <summary>True when the project is (now) in the workspace.</summary>
    private async Task<bool> OpenAsync(MSBuildWorkspace workspace, string path, ConcurrentQueue<string> failures, CancellationToken cancellationToken)
    {
        var display = PathDisplay.Relative(_root, path);
        if (_restore && PreCheck(path) is null)
        {
            _progress.Step($"Restoring {display}");
            if (ProjectRestore.Run(path) is { } restoreFailure)
            {
                Skip(display, restoreFailure);
                return false;
            }
        }

        if (PreCheck(path) is { } reason)
        {
            Skip(display, reason);
            return false;
        }

        if (workspace.CurrentSolution.Projects.Any(p => SamePath(p.FilePath, path)))
        {
            return true;
        }

        _progress.Step($"Loading {display}");
        try
        {
            await workspace.OpenProjectAsync(path, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Skip(display, OneLine(FailureFor(path, failures) ?? e.Message));
            return false;
        }
    }

    private static string? Unusable(Project project, string? failure)
    {
        if (failure is not null && (failure.Contains("project.assets.json", StringComparison.Ordinal) || failure.Contains("NETSDK1004", StringComparison.Ordinal)))
        {
            return "restore not run (obj/project.assets.json missing); run 'dotnet restore' first";
        }

        if (RestoreCheck.IsMissing(project))
        {
            return "restore not run (project.assets.json missing for a project with package references); run 'dotnet restore' first";
        }

        if (!project.MetadataReferences.Any())
        {
            return failure is null ? "no references resolved (is the target SDK installed and restore run?)" : OneLine(failure);
        }

        return null;
    }

    private void Skip(string path, string reason)
    {
        if (_skipped.Any(s => s.Path == path))
        {
            return;
        }

        _skipped.Add(new SkippedProject(path, reason));
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

    internal static string OneLine(string text)
    {
        var line = text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Trim();
        return line.Length > 300 ? line.Substring(0, 300) + "…" : line;
    }

    internal static void EnsureMSBuild()
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
