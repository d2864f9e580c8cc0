using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.WholeFileReadToEnumerateAnalyzer, PerfAnalyzers.Rules.WholeFileReadToEnumerateCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class WholeFileReadToEnumerateCodeFixTests
{
    [Fact]
    public Task ForeachAndChain_FixAllStreamsBoth() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.IO;
        using System.Linq;
        using System.Text;

        class C
        {
            void M(string path)
            {
                foreach (var line in File.{|PERF051:ReadAllLines|}(path, Encoding.UTF8)) // import file
                {
                    Console.WriteLine(line);
                }

                var count = File.{|PERF051:ReadAllLines|}(path).Skip(1).Count(l => l.Length > 0);
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Linq;
        using System.Text;

        class C
        {
            void M(string path)
            {
                foreach (var line in File.ReadLines(path, Encoding.UTF8)) // import file
                {
                    Console.WriteLine(line);
                }

                var count = File.ReadLines(path).Skip(1).Count(l => l.Length > 0);
            }
        }
        """);

    [Fact]
    public Task ExplicitlyTypedLocal_BecomesEnumerable() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.IO;

        class C
        {
            void M(string path)
            {
                string[] lines = File.{|PERF051:ReadAllLines|}(path);
                foreach (var line in lines)
                {
                    Console.WriteLine(line);
                }
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.IO;

        class C
        {
            void M(string path)
            {
                IEnumerable<string> lines = File.ReadLines(path);
                foreach (var line in lines)
                {
                    Console.WriteLine(line);
                }
            }
        }
        """);
}
