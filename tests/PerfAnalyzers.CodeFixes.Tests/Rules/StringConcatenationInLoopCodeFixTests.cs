using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.StringConcatenationInLoopAnalyzer, PerfAnalyzers.Rules.StringConcatenationInLoopCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class StringConcatenationInLoopCodeFixTests
{
    [Fact]
    public Task EmptyStartLocal_BuilderWithoutSeed() => VerifyCS.VerifyCodeFixAsync("""
        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    // keep this comment
                    {|PERF030:s += item|};
                }
                return s;
            }
        }
        """, """
        using System.Text;

        class C
        {
            string M(string[] items)
            {
                var s = "";
                var sBuilder = new StringBuilder();
                foreach (var item in items)
                {
                    // keep this comment
                    sBuilder.Append(item);
                }
                s = sBuilder.ToString();
                return s;
            }
        }
        """);

    [Fact]
    public Task ChainOfAdditions_OneAppendPerOperand() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text;

        class C
        {
            string M(string header, int n)
            {
                string text = header;
                for (int i = 0; i < n; i++)
                {
                    {|PERF030:text = text + i + ", "|};
                }
                return text;
            }
        }
        """, """
        using System.Text;

        class C
        {
            string M(string header, int n)
            {
                string text = header;
                var textBuilder = new StringBuilder(text);
                for (int i = 0; i < n; i++)
                {
                    textBuilder.Append(i).Append(", ");
                }
                text = textBuilder.ToString();
                return text;
            }
        }
        """);

    [Fact]
    public Task VariableReadInsideLoop_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    {|PERF030:s += item|};
                    if (s.Length > 100) System.Console.WriteLine(s);
                }
                return s;
            }
        }
        """);
}
