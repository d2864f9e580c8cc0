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

    [Fact]
    public Task AwaitForeach_BuilderAroundLoop() => VerifyCS.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(IAsyncEnumerable<string> lines)
            {
                var s = "";
                await foreach (var line in lines)
                {
                    {|PERF030:s += line|};
                }
                return s;
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Text;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(IAsyncEnumerable<string> lines)
            {
                var s = "";
                var sBuilder = new StringBuilder();
                await foreach (var line in lines)
                {
                    sBuilder.Append(line);
                }
                s = sBuilder.ToString();
                return s;
            }
        }
        """);

    [Fact]
    public Task LoopInLambdaAndLocalFunction_Fixed() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.Text;

        class C
        {
            void M(string[] items)
            {
                Func<string> build = () =>
                {
                    var s = "";
                    foreach (var item in items)
                    {
                        {|PERF030:s += item|};
                    }
                    return s;
                };
                Console.WriteLine(build() + Local());

                string Local()
                {
                    var t = "";
                    for (var i = 0; i < items.Length; i++)
                    {
                        {|PERF030:t += items[i]|};
                    }
                    return t;
                }
            }
        }
        """, """
        using System;
        using System.Text;

        class C
        {
            void M(string[] items)
            {
                Func<string> build = () =>
                {
                    var s = "";
                    var sBuilder = new StringBuilder();
                    foreach (var item in items)
                    {
                        sBuilder.Append(item);
                    }
                    s = sBuilder.ToString();
                    return s;
                };
                Console.WriteLine(build() + Local());

                string Local()
                {
                    var t = "";
                    var tBuilder = new StringBuilder();
                    for (var i = 0; i < items.Length; i++)
                    {
                        tBuilder.Append(items[i]);
                    }
                    t = tBuilder.ToString();
                    return t;
                }
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_Fixed() => new VerifyCS.Test
    {
        TestCode = """
            var text = "";
            foreach (var arg in args)
            {
                {|PERF030:text += arg + " "|};
            }
            System.Console.WriteLine(text);
            """,
        FixedCode = """
            using System.Text;

            var text = "";
            var textBuilder = new StringBuilder();
            foreach (var arg in args)
            {
                textBuilder.Append(arg).Append(" ");
            }
            text = textBuilder.ToString();
            System.Console.WriteLine(text);
            """,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    [Fact]
    public Task Field_ReportedWithoutFix() => VerifyCS.VerifyNoCodeFixAsync("""
        class C
        {
            private string _log = "";

            void M(string[] lines)
            {
                foreach (var line in lines)
                {
                    {|PERF030:_log += line|};
                }
            }
        }
        """);

    [Fact]
    public Task Parameter_BuilderSeededWithValue() => VerifyCS.VerifyCodeFixAsync("""
        class C
        {
            string M(string prefix, string[] items)
            {
                foreach (var item in items)
                {
                    {|PERF030:prefix = prefix + item|};
                }
                return prefix;
            }
        }
        """, """
        using System.Text;

        class C
        {
            string M(string prefix, string[] items)
            {
                var prefixBuilder = new StringBuilder(prefix);
                foreach (var item in items)
                {
                    prefixBuilder.Append(item);
                }
                prefix = prefixBuilder.ToString();
                return prefix;
            }
        }
        """);

    [Fact]
    public Task StringConcatWithParams_OneAppendPerArgument() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text;

        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    {|PERF030:s = string.Concat(s, item, ",", item, ";")|};
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
                    sBuilder.Append(item).Append(",").Append(item).Append(";");
                }
                s = sBuilder.ToString();
                return s;
            }
        }
        """);

    [Fact]
    public Task Interpolation_AppendedDirectly() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text;

        class C
        {
            string M(int[] values)
            {
                var s = string.Empty;
                foreach (var v in values)
                {
                    {|PERF030:s = $"{s}{v};"|};
                    {|PERF030:s += $"[{v,4:X}]"|};
                }
                return s;
            }
        }
        """, """
        using System.Text;

        class C
        {
            string M(int[] values)
            {
                var s = string.Empty;
                var sBuilder = new StringBuilder();
                foreach (var v in values)
                {
                    sBuilder.Append($"{v};");
                    sBuilder.Append($"[{v,4:X}]");
                }
                s = sBuilder.ToString();
                return s;
            }
        }
        """);

    [Fact]
    public Task Prepend_ReportedWithoutFix() => VerifyCS.VerifyNoCodeFixAsync("""
        class C
        {
            string M(int n)
            {
                string s = "";
                for (int i = 0; i < n; i++)
                {
                    {|PERF030:s = i + s|};
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task FixAll_TwoVariablesAndTwoLoops() => VerifyCS.VerifyCodeFixAsync("""
        class C
        {
            string M(string[] items)
            {
                var names = "";
                var codes = "";
                foreach (var item in items)
                {
                    {|PERF030:names += item|};
                    {|PERF030:codes += item.Length|};
                }
                foreach (var item in items)
                {
                    {|PERF030:names += item|};
                }
                return names + codes;
            }
        }
        """, """
        using System.Text;

        class C
        {
            string M(string[] items)
            {
                var names = "";
                var codes = "";
                var namesBuilder = new StringBuilder();
                var codesBuilder = new StringBuilder();
                foreach (var item in items)
                {
                    namesBuilder.Append(item);
                    codesBuilder.Append(item.Length);
                }
                codes = codesBuilder.ToString();
                names = namesBuilder.ToString();
                var namesBuilder2 = new StringBuilder(names);
                foreach (var item in items)
                {
                    namesBuilder2.Append(item);
                }
                names = namesBuilder2.ToString();
                return names + codes;
            }
        }
        """);

    [Fact]
    public Task NestedLoops_BuilderOutsideOutermostLoop() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text;

        class C
        {
            string M(string[][] rows)
            {
                var csv = "";
                foreach (var row in rows)
                {
                    foreach (var cell in row)
                    {
                        {|PERF030:csv += cell + ","|};
                    }
                    {|PERF030:csv += "\n"|};
                }
                return csv;
            }
        }
        """, """
        using System.Text;

        class C
        {
            string M(string[][] rows)
            {
                var csv = "";
                var csvBuilder = new StringBuilder();
                foreach (var row in rows)
                {
                    foreach (var cell in row)
                    {
                        csvBuilder.Append(cell).Append(",");
                    }
                    csvBuilder.Append("\n");
                }
                csv = csvBuilder.ToString();
                return csv;
            }
        }
        """);

    [Fact]
    public Task SwitchSection_BuilderAroundLoop() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text;

        class C
        {
            string M(string[] items, int mode)
            {
                var s = "";
                switch (mode)
                {
                    case 1:
                        foreach (var item in items)
                        {
                            {|PERF030:s += item|};
                        }
                        break;
                }
                return s;
            }
        }
        """, """
        using System.Text;

        class C
        {
            string M(string[] items, int mode)
            {
                var s = "";
                switch (mode)
                {
                    case 1:
                        var sBuilder = new StringBuilder(s);
                        foreach (var item in items)
                        {
                            sBuilder.Append(item);
                        }
                        s = sBuilder.ToString();
                        break;
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task CommentsAroundLoopAndAppend_Kept() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text;

        class C
        {
            string M(string[] items)
            {
                var s = "";
                // build the list
                foreach (var item in items) // every item
                {
                    /* one per item */ {|PERF030:s += item|}; // append
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
                // build the list
                foreach (var item in items) // every item
                {
                    /* one per item */ sBuilder.Append(item); // append
                }
                s = sBuilder.ToString();
                return s;
            }
        }
        """);

    [Fact]
    public Task VariableUsedByLocalFunctionOutsideLoop_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    {|PERF030:s += item|};
                    Flush();
                }
                return s;

                void Flush()
                {
                    if (s.Length > 1000) System.Console.WriteLine(s);
                }
            }
        }
        """);

    [Fact]
    public Task AppendInsideLambdaInLoop_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System;
        class C
        {
            string M(string[] items, Action<Action> later)
            {
                var s = "";
                foreach (var item in items)
                {
                    {|PERF030:s += item|};
                    later(() => s += "!");
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task CharArrayOperand_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        class C
        {
            string M(char[][] chunks)
            {
                var s = "";
                foreach (var chunk in chunks)
                {
                    {|PERF030:s += chunk|};
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task ReturnInsideLoopReadsVariable_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    if (item == null) return s;
                    {|PERF030:s += item|};
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task JoinWithLengthTest_LengthReadFromBuilder() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text;

        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    if (s.Length > 0) {|PERF030:s += ", "|};
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
                    if (sBuilder.Length > 0) sBuilder.Append(", ");
                    sBuilder.Append(item);
                }
                s = sBuilder.ToString();
                return s;
            }
        }
        """);

    [Fact]
    public Task LengthReadInsideAppend_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    {|PERF030:s += item + s.Length|};
                }
                return s;
            }
        }
        """);
}
