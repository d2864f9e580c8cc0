using System.Globalization;
using System.Text;

namespace PerfAnalyzers.Report.Output;

/// <summary>
/// Analysed code is untrusted: file names, messages and source lines may carry ANSI escapes, control characters,
/// bidirectional overrides, Markdown or HTML. Every formatter passes text through here before writing it.
/// </summary>
public static class TextSanitizer
{
    /// <summary>One line of plain text for a terminal: control, format-override and line-break characters become visible <c>\xNN</c>/<c>\uNNNN</c> escapes; tabs become spaces.</summary>
    public static string ForTerminal(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string? replacement = c switch
            {
                '\t' => " ",
                _ when c < 0x20 || (c >= 0x7F && c <= 0x9F) => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                _ when IsInvisibleFormat(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                _ => null,
            };

            if (replacement is null)
            {
                builder?.Append(c);
                continue;
            }

            builder ??= new StringBuilder(text, 0, i, text.Length + 16);
            builder.Append(replacement);
        }

        return builder?.ToString() ?? text;
    }

    /// <summary>Text for HTML element content or a quoted attribute value.</summary>
    public static string Html(string text)
    {
        var safe = ForTerminal(text);
        var builder = new StringBuilder(safe.Length + 16);
        foreach (var c in safe)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text for a Markdown table cell or paragraph (GitHub flavour): HTML is entity-encoded, Markdown punctuation is
    /// backslash-escaped, <c>|</c> cannot end the cell and <c>@</c> cannot mention anyone.
    /// </summary>
    public static string Markdown(string text)
    {
        var safe = ForTerminal(text);
        var builder = new StringBuilder(safe.Length + 16);
        foreach (var c in safe)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '|': builder.Append("&#124;"); break;
                case '@': builder.Append("&#64;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '~' or '!' or '{' or '}' or '+' or '-' or '.' or '$' or '=' or ':':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Source code shown in a Markdown table, in an HTML code element. CommonMark still parses Markdown between inline
    /// HTML tags, so the content gets the same escaping as any other text.
    /// </summary>
    public static string MarkdownCode(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 ? "" : "<code>" + Markdown(trimmed) + "</code>";
    }

    /// <summary>Shortens to a display width, marking the cut with an ellipsis.</summary>
    public static string Truncate(string text, int width, bool keepEnd = false)
    {
        if (text.Length <= width)
        {
            return text;
        }

        if (width <= 1)
        {
            return "…";
        }

        return keepEnd ? "…" + text.Substring(text.Length - width + 1) : text.Substring(0, width - 1) + "…";
    }

    private static bool IsInvisibleFormat(char c) =>
        c is '\u200B' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
}
