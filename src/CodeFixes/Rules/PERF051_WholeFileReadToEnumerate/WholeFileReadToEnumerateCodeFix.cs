using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF051: <c>File.ReadAllLines(p)</c> → <c>File.ReadLines(p)</c>. A local declared as <c>string[]</c> becomes
/// <c>IEnumerable&lt;string&gt;</c>; the analyzer only reports reads whose single use takes any sequence.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WholeFileReadToEnumerateCodeFix)), Shared]
public sealed class WholeFileReadToEnumerateCodeFix : PlannedCodeFix
{
    private const string Title = "Stream the lines with File.ReadLines";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.WholeFileReadToEnumerate);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        FindName(root, diagnostic) is not null ? Title : null;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (FindName(editor.OriginalRoot, diagnostic) is not { } name)
            {
                continue;
            }

            editor.ReplaceNode(name, (current, _) => ((SimpleNameSyntax)current).WithIdentifier(Identifier("ReadLines").WithTriviaFrom(((SimpleNameSyntax)current).Identifier)));
            if (name.FirstAncestorOrSelf<InvocationExpressionSyntax>() is { Parent: EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: ArrayTypeSyntax arrayType } } } })
            {
                editor.ReplaceNode(arrayType, ParseTypeName("global::System.Collections.Generic.IEnumerable<string>").WithTriviaFrom(arrayType).WithImportAnnotations());
            }
        }

        return await DocumentEditing.FinishAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }

    private static SimpleNameSyntax? FindName(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is SimpleNameSyntax { Identifier.ValueText: "ReadAllLines" } name
        && name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax } access && access.Name == name
            ? name
            : null;
}
