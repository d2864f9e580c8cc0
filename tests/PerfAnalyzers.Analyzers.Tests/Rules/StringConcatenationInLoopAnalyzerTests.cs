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
}
