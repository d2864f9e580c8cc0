using System.Collections.Concurrent;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>Reads source files named by SARIF results once each, to add the enclosing member and the source line.</summary>
public sealed class SourceFiles
{
    private readonly ConcurrentDictionary<string, SyntaxTree?> _trees = new(System.StringComparer.Ordinal);

    /// <summary>Member and source line at a 1-based line and column, or empty strings when the file is not readable here.</summary>
    public (string Member, string SourceLine) Describe(string absolutePath, int line, int column)
    {
        var tree = _trees.GetOrAdd(absolutePath, Parse);
        if (tree is null || line < 1)
        {
            return ("", "");
        }

        var text = tree.GetText();
        if (line > text.Lines.Count)
        {
            return ("", "");
        }

        var textLine = text.Lines[line - 1];
        var position = textLine.Start + System.Math.Clamp(column - 1, 0, textLine.Span.Length);
        var member = absolutePath.EndsWith(".cs", System.StringComparison.OrdinalIgnoreCase)
            ? EnclosingMember.Find(tree.GetRoot(), position)
            : "";
        return (member, textLine.ToString());
    }

    private static SyntaxTree? Parse(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using var stream = File.OpenRead(path);
            var text = SourceText.From(stream);
            return CSharpSyntaxTree.ParseText(text, path: path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (System.UnauthorizedAccessException)
        {
            return null;
        }
    }
}
