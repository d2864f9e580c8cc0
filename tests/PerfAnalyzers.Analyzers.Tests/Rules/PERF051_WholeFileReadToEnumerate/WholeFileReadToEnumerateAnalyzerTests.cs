using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.WholeFileReadToEnumerateAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class WholeFileReadToEnumerateAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;

        """;

    private static Task Verify(string source) => VerifyCS.VerifyAnalyzerAsync(Usings + source);

    [Fact]
    public Task ForeachOverReadAllLines_Diagnostic() => Verify("""
        class C
        {
            int M(string path)
            {
                var n = 0;
                foreach (var line in File.{|PERF051:ReadAllLines|}(path))
                {
                    n += line.Length;
                }

                return n;
            }
        }
        """);

    [Fact]
    public Task LinqChainEndingInCount_Diagnostic() => Verify("""
        class C
        {
            int M(string path) => File.{|PERF051:ReadAllLines|}(path).Skip(1).Where(l => l.Length > 0).Count();
        }
        """);

    [Fact]
    public Task LinqChainEndingInToList_Diagnostic() => Verify("""
        class C
        {
            List<string[]> M(string path) => File.{|PERF051:ReadAllLines|}(path).Skip(1).Select(l => l.Split(',')).ToList();
        }
        """);

    [Fact]
    public Task LocalEnumeratedByNextStatement_Diagnostic() => Verify("""
        class C
        {
            void M(string path)
            {
                string[] lines = File.{|PERF051:ReadAllLines|}(path);
                foreach (var line in lines.Where(l => !l.StartsWith("#")))
                {
                    Console.WriteLine(line);
                }
            }
        }
        """);

    [Fact]
    public Task ArrayIndexed_NoDiagnostic() => Verify("""
        class C
        {
            string M(string path)
            {
                var lines = File.ReadAllLines(path);
                return lines[0];
            }
        }
        """);

    [Fact]
    public Task LengthUsed_NoDiagnostic() => Verify("""
        class C
        {
            int M(string path) => File.ReadAllLines(path).Length;
        }
        """);

    [Fact]
    public Task EnumeratedTwice_NoDiagnostic() => Verify("""
        class C
        {
            void M(string path)
            {
                var lines = File.ReadAllLines(path);
                foreach (var line in lines) Console.WriteLine(line);
                foreach (var line in lines) Console.Error.WriteLine(line);
            }
        }
        """);

    [Fact]
    public Task ArrayReturned_NoDiagnostic() => Verify("""
        class C
        {
            string[] M(string path) => File.ReadAllLines(path);
        }
        """);

    [Fact]
    public Task ArrayStoredInField_NoDiagnostic() => Verify("""
        class C
        {
            private string[] _lines;
            void M(string path) { _lines = File.ReadAllLines(path); }
        }
        """);

    [Fact]
    public Task LazyChainReturned_NoDiagnostic() => Verify("""
        class C
        {
            IEnumerable<string> M(string path) => File.ReadAllLines(path).Where(l => l.Length > 0);
        }
        """);

    [Fact]
    public Task LocalUsedLaterNotNext_NoDiagnostic() => Verify("""
        class C
        {
            int M(string path)
            {
                var lines = File.ReadAllLines(path);
                Console.WriteLine("read");
                return lines.Count(l => l.Length > 0);
            }
        }
        """);

    [Fact]
    public Task LocalEnumeratedInsideLoop_NoDiagnostic() => Verify("""
        class C
        {
            int M(string path, string[] keys)
            {
                var lines = File.ReadAllLines(path);
                var n = 0;
                foreach (var key in keys) n += lines.Count(l => l.StartsWith(key));
                return n;
            }
        }
        """);

    [Fact]
    public Task LoopWritesSameFile_NoDiagnostic() => Verify("""
        class C
        {
            void M(string path)
            {
                foreach (var line in File.ReadAllLines(path))
                {
                    File.AppendAllText(path, line);
                }
            }
        }
        """);

    [Fact]
    public Task IteratorYieldsInLoop_NoDiagnostic() => Verify("""
        class C
        {
            IEnumerable<string> M(string path)
            {
                foreach (var line in File.ReadAllLines(path))
                {
                    yield return line;
                }
            }
        }
        """);

    [Fact]
    public Task AsyncMethod_NoDiagnosticLeftToPerf001() => Verify("""
        class C
        {
            async Task<int> M(string path)
            {
                await Task.Yield();
                return File.ReadAllLines(path).Count(l => l.Length > 0);
            }
        }
        """);

    [Fact]
    public Task ReadLinesAlready_NoDiagnostic() => Verify("""
        class C
        {
            int M(string path) => File.ReadLines(path).Count(l => l.Length > 0);
        }
        """);
}
