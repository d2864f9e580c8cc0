using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfAnalyzers.Testing;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// The C# this repository already holds: every .cs file under tests/ and samples/, and every C# snippet the tests
/// embed as string literals (markup stripped). New rule tests and the sample app join the corpus as they land.
/// </summary>
internal static class TestSourceCorpus
{
    private static readonly Regex NamedSpanStart = new(@"\{\|[^:{}|\r\n]*:", RegexOptions.Compiled);

    private static readonly Lazy<IReadOnlyList<string>> Files = new(FindFiles);

    private static readonly Lazy<IReadOnlyList<Snippet>> Snippets = new(ExtractAllSnippets);

    /// <summary>Repository-relative paths of the .cs files under tests/ and samples/, in a stable order.</summary>
    public static IReadOnlyList<string> CSharpFiles => Files.Value;

    /// <summary>The .cs files under samples/ (empty while there is no sample).</summary>
    public static IReadOnlyList<SourceInput> SampleFiles =>
        CSharpFiles.Where(p => p.StartsWith("samples/", StringComparison.Ordinal)).Select(Read).ToList();

    /// <summary>The snippets embedded in test files, with their markup.</summary>
    public static IReadOnlyList<Snippet> EmbeddedSnippets => Snippets.Value;

    /// <summary>Everything: whole files and embedded snippets (markup stripped).</summary>
    public static IReadOnlyList<SourceInput> All()
    {
        var inputs = CSharpFiles.Select(Read).ToList();
        inputs.AddRange(EmbeddedSnippets.Select(s => new SourceInput(s.Name, s.Source)));
        return inputs;
    }

    /// <summary>Snippets with diagnostic markup: the positive cases of analyzer and fix tests.</summary>
    public static IReadOnlyList<Snippet> PositiveCases() => EmbeddedSnippets.Where(s => s.HasMarkup).ToList();

    public static string StripMarkup(string text)
    {
        var stripped = NamedSpanStart.Replace(text, "");
        return stripped.Replace("|}", "").Replace("[|", "").Replace("|]", "");
    }

    private static SourceInput Read(string relativePath) =>
        new(relativePath, File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)));

    private static IReadOnlyList<string> FindFiles()
    {
        var files = new List<string>();
        foreach (var top in new[] { "tests", "samples" })
        {
            var directory = Path.Combine(RepositoryPaths.Root, top);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
                if (!relative.Split('/').Any(part => part is "bin" or "obj"))
                {
                    files.Add(relative);
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private const string DataAccessUsings = """
        using System;
        using System.Collections.Generic;
        using System.Data;
        using System.Data.Common;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.EntityFrameworkCore;
        using Shop;

        """;

    private static IReadOnlyList<Snippet> ExtractAllSnippets()
    {
        var snippets = new List<Snippet>();
        foreach (var path in CSharpFiles.Where(p => p.StartsWith("tests/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, path));
            // Data-access tests write only the code under test and append the shared EF Core model to it.
            var usesSharedModel = text.Contains("EfCoreModel.With(", StringComparison.Ordinal);
            var tree = CSharpSyntaxTree.ParseText(text);
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (IsCodeLiteral(token))
                {
                    var line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    var code = token.ValueText;
                    if (usesSharedModel && code.Contains('{') && !code.Contains("namespace Shop", StringComparison.Ordinal))
                    {
                        code = EfCoreModel.With(DataAccessUsings + code);
                    }

                    snippets.Add(new Snippet($"{path}:{line}", code));
                }
            }
        }

        return snippets;
    }

    /// <summary>Raw string literals (and multi-line verbatim strings) that hold C#, not .editorconfig text or messages.</summary>
    private static bool IsCodeLiteral(SyntaxToken token)
    {
        var isCandidate = token.Kind() switch
        {
            SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken => true,
            SyntaxKind.StringLiteralToken => token.ValueText.Contains('\n'),
            _ => false,
        };
        return isCandidate && token.ValueText.Length > 0 && (token.ValueText.Contains(';') || token.ValueText.Contains('{'))
            && !token.ValueText.TrimStart().StartsWith("root", StringComparison.Ordinal)
            && !token.ValueText.TrimStart().StartsWith("[*", StringComparison.Ordinal);
    }

    /// <summary>A C# snippet from a test file: <see cref="Markup"/> as written, <see cref="Source"/> without markup.</summary>
    public sealed record Snippet(string Name, string Markup)
    {
        public string Source { get; } = StripMarkup(Markup);

        public bool HasMarkup => Source.Length != Markup.Length;

        public override string ToString() => Name;
    }
}
