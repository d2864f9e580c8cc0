using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// Derives broken variants of a valid source, the shapes an editor sees while a user types: truncated text,
/// deleted tokens, unbalanced braces, identifiers renamed to names nothing declares, lines cut out, tokens swapped.
/// Seeded by the source's name, so every run tries the same variants and a failure names a reproducible one.
/// </summary>
internal static class BrokenVariantGenerator
{
    /// <summary>The mutation kinds, in the order they are handed out; a source with a small budget still gets the first ones.</summary>
    private static readonly Func<Context, Variant?>[] Mutations =
    [
        c => Truncate(c, fraction: 0.5),
        c => DeleteToken(c),
        c => UnbalanceBraces(c, removeClosing: true),
        c => RenameOneOccurrence(c),
        c => Truncate(c, fraction: null),
        c => UnbalanceBraces(c, removeClosing: false),
        c => RenameEveryOccurrence(c),
        c => DeleteLines(c),
        c => SwapAdjacentTokens(c),
        c => ReplaceTokenWithStray(c),
        c => Truncate(c, fraction: 0.25),
        c => Truncate(c, fraction: 0.8),
        c => DeleteToken(c),
        c => TruncateMidToken(c),
    ];

    private static readonly string[] StrayTokens = ["await", "=>", "(", ")", ";", "?.", "..", "{", "}", "+=", "new", "foreach", "yield", "@", "\"", "$\"{", "/*", "#if X"];

    public static int MaxVariantsPerSource => Mutations.Length;

    /// <summary>Up to <paramref name="count"/> distinct variants of <paramref name="source"/> that differ from it.</summary>
    public static IReadOnlyList<SourceInput> Generate(SourceInput source, int count)
    {
        var context = new Context(source.Text, new Random(StableSeed.From(source.Name)));
        var variants = new List<SourceInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { source.Text };
        if (context.Tokens.Count == 0)
        {
            return variants;
        }

        for (var i = 0; i < Mutations.Length && variants.Count < count; i++)
        {
            if (Mutations[i](context) is { } variant && seen.Add(variant.Text))
            {
                variants.Add(new SourceInput($"{source.Name} [{variant.Description}]", variant.Text));
            }
        }

        return variants;
    }

    private static Variant? Truncate(Context c, double? fraction)
    {
        var index = fraction is { } f ? (int)(c.Tokens.Count * f) : c.Random.Next(c.Tokens.Count);
        var token = c.Tokens[Math.Min(index, c.Tokens.Count - 1)];
        return new Variant($"truncated at {token.SpanStart}", c.Text.Substring(0, token.SpanStart));
    }

    private static Variant? TruncateMidToken(Context c)
    {
        var longTokens = c.Tokens.Where(t => t.Span.Length > 2).ToList();
        if (longTokens.Count == 0)
        {
            return null;
        }

        var token = longTokens[c.Random.Next(longTokens.Count)];
        var position = token.SpanStart + 1 + c.Random.Next(token.Span.Length - 1);
        return new Variant($"truncated inside a token at {position}", c.Text.Substring(0, position));
    }

    private static Variant? DeleteToken(Context c)
    {
        var token = c.Tokens[c.Random.Next(c.Tokens.Count)];
        return new Variant($"token '{Shorten(token.Text)}' deleted at {token.SpanStart}", c.Replace(token.Span.Start, token.Span.Length, ""));
    }

    private static Variant? UnbalanceBraces(Context c, bool removeClosing)
    {
        var kind = removeClosing ? SyntaxKind.CloseBraceToken : SyntaxKind.OpenBraceToken;
        var braces = c.Tokens.Where(t => t.IsKind(kind)).ToList();
        if (braces.Count == 0)
        {
            return null;
        }

        var brace = braces[c.Random.Next(braces.Count)];
        if (removeClosing)
        {
            return new Variant($"'}}' removed at {brace.SpanStart}", c.Replace(brace.SpanStart, 1, ""));
        }

        return new Variant($"extra '{{' at {brace.SpanStart}", c.Replace(brace.SpanStart, 0, "{ "));
    }

    private static Variant? RenameOneOccurrence(Context c)
    {
        var identifiers = c.Tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        if (identifiers.Count == 0)
        {
            return null;
        }

        var token = identifiers[c.Random.Next(identifiers.Count)];
        return new Variant($"'{token.ValueText}' at {token.SpanStart} renamed to an undefined name", c.Replace(token.SpanStart, token.Span.Length, "Undefined" + c.Random.Next(1000)));
    }

    /// <summary>Every occurrence renamed: names declared here stay consistent, names from referenced assemblies become undefined.</summary>
    private static Variant? RenameEveryOccurrence(Context c)
    {
        var identifiers = c.Tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken)).ToList();
        if (identifiers.Count == 0)
        {
            return null;
        }

        var name = identifiers[c.Random.Next(identifiers.Count)].ValueText;
        var builder = new StringBuilder(c.Text.Length + 64);
        var last = 0;
        foreach (var token in identifiers.Where(t => t.ValueText == name))
        {
            builder.Append(c.Text, last, token.SpanStart - last).Append("Missing").Append(name);
            last = token.Span.End;
        }

        builder.Append(c.Text, last, c.Text.Length - last);
        return new Variant($"every '{name}' renamed to an undefined name", builder.ToString());
    }

    private static Variant? DeleteLines(Context c)
    {
        var lines = c.Text.Split('\n');
        if (lines.Length < 3)
        {
            return null;
        }

        var first = c.Random.Next(lines.Length - 1);
        var count = 1 + c.Random.Next(Math.Min(3, lines.Length - first - 1));
        var kept = lines.Take(first).Concat(lines.Skip(first + count));
        return new Variant($"lines {first + 1}-{first + count} deleted", string.Join("\n", kept));
    }

    private static Variant? SwapAdjacentTokens(Context c)
    {
        if (c.Tokens.Count < 2)
        {
            return null;
        }

        var index = c.Random.Next(c.Tokens.Count - 1);
        var (a, b) = (c.Tokens[index], c.Tokens[index + 1]);
        var between = c.Text.Substring(a.Span.End, b.SpanStart - a.Span.End);
        var swapped = c.Text.Substring(0, a.SpanStart) + b.Text + between + a.Text + c.Text.Substring(b.Span.End);
        return new Variant($"tokens '{Shorten(a.Text)}' and '{Shorten(b.Text)}' swapped at {a.SpanStart}", swapped);
    }

    private static Variant? ReplaceTokenWithStray(Context c)
    {
        var token = c.Tokens[c.Random.Next(c.Tokens.Count)];
        var stray = StrayTokens[c.Random.Next(StrayTokens.Length)];
        return new Variant($"'{Shorten(token.Text)}' at {token.SpanStart} replaced by '{stray}'", c.Replace(token.SpanStart, token.Span.Length, stray));
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text.Substring(0, 20) + "…";

    private sealed class Context
    {
        public Context(string text, Random random)
        {
            Text = text;
            Random = random;
            Tokens = SyntaxFactory.ParseTokens(text).Where(t => t.Span.Length > 0 && !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
        }

        public string Text { get; }

        public Random Random { get; }

        public IReadOnlyList<SyntaxToken> Tokens { get; }

        public string Replace(int start, int length, string replacement) =>
            Text.Substring(0, start) + replacement + Text.Substring(start + length);
    }

    private sealed record Variant(string Description, string Text);
}
