using PerfAnalyzers.Report.Output;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class TextSanitizerTests
{
    [Theory]
    [InlineData("\u001b[31mred\u001b[0m", "\\x1B[31mred\\x1B[0m")]
    [InlineData("a\r\nb", "a\\x0D\\x0Ab")]
    [InlineData("bidi\u202Etxt.exe", "bidi\\u202Etxt.exe")]
    [InlineData("c1\u009b2J", "c1\\x9B2J")]
    [InlineData("tab\there", "tab here")]
    [InlineData("plain text", "plain text")]
    public void ForTerminal_ControlCharactersBecomeVisibleEscapes(string input, string expected) =>
        Assert.Equal(expected, TextSanitizer.ForTerminal(input));

    [Fact]
    public void Html_EscapesMarkupAndQuotes() =>
        Assert.Equal("&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt;&amp;", TextSanitizer.Html("\"><img src=x onerror='a'>&"));

    [Theory]
    [InlineData("<script>", "&lt;script&gt;")]
    [InlineData("a|b", "a&#124;b")]
    [InlineData("@team", "&#64;team")]
    [InlineData("**x**", "\\*\\*x\\*\\*")]
    [InlineData("[l](javascript:x)", "\\[l\\]\\(javascript\\:x\\)")]
    public void Markdown_ControlCharactersEscaped(string input, string expected) =>
        Assert.Equal(expected, TextSanitizer.Markdown(input));

    [Fact]
    public void Truncate_KeepsEndWithEllipsis() => Assert.Equal("…cdef", TextSanitizer.Truncate("abcdef", 5, keepEnd: true));
}
