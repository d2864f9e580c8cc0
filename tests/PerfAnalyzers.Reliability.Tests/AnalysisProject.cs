using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// Sources loaded into a workspace project, as an IDE holds them: the analyzers see the project's compilation and the
/// fixers edit its documents. Documents are named Source0.cs, Source1.cs… in the order of <see cref="Inputs"/>.
/// </summary>
internal sealed class AnalysisProject : IDisposable
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, preprocessorSymbols: ["DEBUG", "TRACE"]);

    /// <summary>Every rule reported, including any that ship disabled by default: a rule that does not run is not tested.</summary>
    private static readonly ImmutableDictionary<string, ReportDiagnostic> EveryRuleOn = AnalyzerRunner.AllAnalyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .Where(d => !d.IsEnabledByDefault)
        .Select(d => d.Id)
        .Distinct()
        .ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);

    private readonly AdhocWorkspace? _ownedWorkspace;

    private AnalysisProject(AdhocWorkspace? ownedWorkspace, Project project, IReadOnlyList<SourceInput> inputs)
    {
        _ownedWorkspace = ownedWorkspace;
        Project = project;
        Inputs = inputs;
    }

    public Project Project { get; }

    public IReadOnlyList<SourceInput> Inputs { get; }

    public Solution Solution => Project.Solution;

    public static async Task<AnalysisProject> CreateAsync(
        IReadOnlyList<SourceInput> inputs,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        ImmutableArray<MetadataReference> references = default)
    {
        references = references.IsDefault ? await SharedReferences.GetAsync().ConfigureAwait(false) : references;
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var documents = inputs.Select((input, i) => DocumentInfo.Create(
            DocumentId.CreateNewId(projectId),
            $"Source{i}.cs",
            loader: TextLoader.From(TextAndVersion.Create(Microsoft.CodeAnalysis.Text.SourceText.From(input.Text), VersionStamp.Default)),
            filePath: $"/src/Source{i}.cs"));
        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Subject",
            "Subject",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(outputKind, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(EveryRuleOn),
            parseOptions: ParseOptions,
            documents: documents,
            metadataReferences: references);
        var solution = workspace.AddProject(project).Solution;
        return new AnalysisProject(workspace, solution.GetProject(projectId)!, inputs);
    }

    /// <summary>
    /// The same project with the texts of its documents replaced. The compilation is derived from this one's, so the
    /// bound reference assemblies are reused: much cheaper than a new project per input.
    /// </summary>
    public AnalysisProject WithInputs(IReadOnlyList<SourceInput> inputs)
    {
        if (inputs.Count != Project.DocumentIds.Count)
        {
            throw new ArgumentException($"Expected {Project.DocumentIds.Count} inputs, got {inputs.Count}.", nameof(inputs));
        }

        var solution = Project.Solution;
        for (var i = 0; i < inputs.Count; i++)
        {
            var id = Project.Documents.Single(d => d.Name == $"Source{i}.cs").Id;
            solution = solution.WithDocumentText(id, Microsoft.CodeAnalysis.Text.SourceText.From(inputs[i].Text));
        }

        return new AnalysisProject(null, solution.GetProject(Project.Id)!, inputs);
    }

    public async Task<Compilation> GetCompilationAsync() => (await Project.GetCompilationAsync().ConfigureAwait(false))!;

    /// <summary>The input a diagnostic or document belongs to, for failure messages.</summary>
    public SourceInput InputOf(SyntaxTree? tree)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(tree?.FilePath ?? "");
        return name.StartsWith("Source", StringComparison.Ordinal) && int.TryParse(name.AsSpan(6), out var i) && i < Inputs.Count
            ? Inputs[i]
            : new SourceInput("(unknown)", "");
    }

    public static IReadOnlyList<string> Errors(Compilation compilation) =>
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

    /// <summary>Errors in <paramref name="after"/> that <paramref name="before"/> did not have (compared by id and message, as a multiset).</summary>
    public static IReadOnlyList<string> NewErrors(Compilation before, Compilation after)
    {
        var remaining = before.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
            .GroupBy(d => d.Id + ": " + d.GetMessage()).ToDictionary(g => g.Key, g => g.Count());
        var added = new List<string>();
        foreach (var error in after.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error))
        {
            var key = error.Id + ": " + error.GetMessage();
            if (remaining.TryGetValue(key, out var count) && count > 0)
            {
                remaining[key] = count - 1;
            }
            else
            {
                added.Add(error.ToString());
            }
        }

        return added;
    }

    public void Dispose() => _ownedWorkspace?.Dispose();
}
