using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.StringConcatenationInLoopAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class StringConcatenationInLoopAnalyzerTests
{
    [Fact]
    public Task CompoundAddToLocalDeclaredOutsideLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    {|PERF030:s += item|};
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task SelfAdditionInWhileLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(int n)
            {
                string s = "";
                int i = 0;
                while (i < n)
                {
                    {|PERF030:s = s + i + ","|};
                    i++;
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task PrependInForLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
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
    public Task InterpolationStartingWithVariable_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(int[] values)
            {
                string s = "";
                foreach (var v in values)
                {
                    {|PERF030:s = $"{s}{v};"|};
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task StringConcatWithVariableFirst_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(string[] items)
            {
                string s = "";
                foreach (var item in items)
                {
                    {|PERF030:s = string.Concat(s, item, ";")|};
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task FieldAccumulatedInLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
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
    public Task LocalDeclaredInsideLoop_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            void M(string[] items)
            {
                foreach (var item in items)
                {
                    var s = "";
                    s += item;
                    System.Console.WriteLine(s);
                }
            }
        }
        """);

    [Fact]
    public Task IntegerCompoundAdd_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            int M(int[] items)
            {
                var total = 0;
                foreach (var item in items)
                {
                    total += item;
                }
                return total;
            }
        }
        """);

    [Fact]
    public Task BreakRightAfterConcatenation_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    if (item.Length > 3)
                    {
                        s += item;
                        break;
                    }
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task ConcatenationInLambdaInsideLoop_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class C
        {
            void M(string[] items)
            {
                foreach (var item in items)
                {
                    Func<string, string> f = x => { var s = ""; s += x; return s; };
                    Console.WriteLine(f(item));
                }
            }
        }
        """);

    [Fact]
    public Task ConcatenationOutsideLoop_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(string a, string b)
            {
                var s = a;
                s += b;
                s = s + a;
                return s;
            }
        }
        """);

    [Fact]
    public Task AwaitForeachAndDoLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        class C
        {
            async Task<string> M(IAsyncEnumerable<string> lines, int n)
            {
                var s = "";
                await foreach (var line in lines)
                {
                    {|PERF030:s += line|};
                }
                var i = 0;
                do
                {
                    {|PERF030:s = s + i|};
                } while (++i < n);
                return s;
            }
        }
        """);

    [Fact]
    public Task LoopInsideLambdaAndLocalFunction_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class C
        {
            void M(string[] items)
            {
                Func<string> build = () =>
                {
                    var s = "";
                    foreach (var item in items) {|PERF030:s += item|};
                    return s;
                };
                Console.WriteLine(build() + Local());

                string Local()
                {
                    var t = "";
                    for (var i = 0; i < items.Length; i++) {|PERF030:t += items[i]|};
                    return t;
                }
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_Diagnostic() => new VerifyCS.Test
    {
        TestCode = """
            var text = "";
            foreach (var arg in args)
            {
                {|PERF030:text += arg + " "|};
            }
            System.Console.WriteLine(text);
            """,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    [Fact]
    public Task ParameterAndStaticField_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            private static string s_log = "";

            string M(string prefix, string[] items)
            {
                foreach (var item in items)
                {
                    {|PERF030:prefix = prefix + item|};
                    {|PERF030:C.s_log += item|};
                }
                return prefix;
            }
        }
        """);

    [Fact]
    public Task StringConcatWithManyArguments_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
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
        """);

    [Fact]
    public Task InSwitchSectionAndNestedLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(string[][] rows, int mode)
            {
                var all = "";
                switch (mode)
                {
                    case 1:
                        foreach (var row in rows)
                        {
                            var line = "";
                            foreach (var cell in row)
                            {
                                {|PERF030:line += cell|};
                            }
                            {|PERF030:all += line|};
                        }
                        break;
                }
                return all;
            }
        }
        """);

    [Fact]
    public Task RetryLoopWithFewIterations_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(System.Func<string> read)
            {
                var s = "";
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    s += read();
                }
                foreach (var part in new[] { "a", "b" })
                {
                    s += part;
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task FewIterationsInsideLargeLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(string[] items)
            {
                var s = "";
                foreach (var item in items)
                {
                    for (var i = 0; i < 2; i++)
                    {
                        {|PERF030:s += item|};
                    }
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task ConcatenationInCatchClause_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class C
        {
            string M(Action[] steps)
            {
                var errors = "";
                foreach (var step in steps)
                {
                    try
                    {
                        step();
                    }
                    catch (Exception ex)
                    {
                        errors += ex.Message + Environment.NewLine;
                    }
                }
                return errors;
            }
        }
        """);

    [Fact]
    public Task PropertyTargetAndOtherInstanceField_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            public string Text { get; set; } = "";
            private string _log = "";

            void M(string[] items, C other)
            {
                foreach (var item in items)
                {
                    Text += item;
                    other._log += item;
                }
            }
        }
        """);

    [Fact]
    public Task AssignmentThatDoesNotAccumulate_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(string[] items, string prefix)
            {
                var s = "";
                foreach (var item in items)
                {
                    s = prefix + item;
                    s = $"{item}{s.Length}";
                    s = string.Concat(item, ";");
                }
                return s;
            }
        }
        """);

    [Fact]
    public Task ReturnRightAfterConcatenation_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(string[] items)
            {
                var s = "found: ";
                foreach (var item in items)
                {
                    if (item.StartsWith("x"))
                    {
                        s += item;
                        return s;
                    }
                }
                return "";
            }
        }
        """);

    [Fact]
    public Task PaddingLoopBoundedByOwnLength_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            string M(string code, int width)
            {
                while (code.Length < width)
                {
                    code = "0" + code;
                }
                var s = "";
                for (; s.Length < width;) s += "-";
                return code + s;
            }
        }
        """);

    [Fact]
    public Task VariableResetEarlierInIteration_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            void M(string[] items)
            {
                string line;
                foreach (var item in items)
                {
                    line = item;
                    if (item.Length > 3)
                    {
                        line += " (long)";
                    }

                    line = line + "!";
                    System.Console.WriteLine(line);
                }
            }
        }
        """);

    [Fact]
    public Task ResetOnlyInOtherBranchOrOuterLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            void M(string text, string[][] groups, List<string> tokens)
            {
                var token = "";
                foreach (var ch in text)
                {
                    if (ch == ' ') { tokens.Add(token); token = ""; }
                    else {|PERF030:token += ch|};
                }

                string line;
                foreach (var group in groups)
                {
                    line = "";
                    foreach (var part in group)
                    {
                        {|PERF030:line += part|};
                    }

                    tokens.Add(line);
                }

                var all = "";
                foreach (var group in groups)
                {
                    all = all.Trim();
                    {|PERF030:all += group[0]|};
                }
            }
        }
        """);
}
