using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace PerfAnalyzers.Infrastructure;

/// <summary>The last steps every fix takes: add the usings its new type names need, simplify them, format what it added.</summary>
internal static class DocumentEditing
{
    /// <summary>A type name written fully qualified, to be shortened (and its namespace imported) by <see cref="FinishAsync"/>.</summary>
    public static TNode WithImportAnnotations<TNode>(this TNode node)
        where TNode : SyntaxNode =>
        node.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    public static async Task<Document> FinishAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Document> EditAsync(Document document, System.Action<SyntaxEditor, SemanticModel> edit, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        edit(editor, editor.SemanticModel);
        return await FinishAsync(editor.GetChangedDocument(), cancellationToken).ConfigureAwait(false);
    }
}
