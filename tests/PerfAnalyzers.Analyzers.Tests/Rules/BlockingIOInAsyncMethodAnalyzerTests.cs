using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.BlockingIOInAsyncMethodAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class BlockingIOInAsyncMethodAnalyzerTests
{
    private const string Model = """

        public class Order
        {
            public int Id { get; set; }
            public decimal Total { get; set; }
            public string Customer { get; set; } = "";
        }

        public class ShopContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<Order> Orders => Set<Order>();
        }
        """;

    [Fact]
    public Task FileReadAllTextInAsyncMethod_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(string path)
            {
                await Task.Yield();
                return File.{|PERF001:ReadAllText|}(path);
            }
        }
        """);

    [Fact]
    public Task MessageNamesCallAndCounterpart() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task M(string path, string text)
            {
                File.WriteAllText(path, text);
                await Task.Yield();
            }
        }
        """, VerifyCS.Diagnostic("PERF001").WithSpan(8, 14, 8, 26).WithArguments("File.WriteAllText", "File.WriteAllTextAsync"));

    [Fact]
    public Task FileReadAllTextInSyncMethod_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;

        class C
        {
            string M(string path) => File.ReadAllText(path);

            C(string path) { File.ReadAllText(path); }

            string P => File.ReadAllText("x");

            static void Main() { File.ReadAllText("x"); }
        }
        """);

    [Fact]
    public Task TopLevelStatementsWithAwait_Diagnostic() => VerifyProgramAsync("""
        using System.IO;
        using System.Threading.Tasks;

        await Task.Yield();
        var text = File.{|PERF001:ReadAllText|}("a.txt");
        """);

    [Fact]
    public Task TopLevelStatementsWithoutAwait_NoDiagnostic() => VerifyProgramAsync("""
        using System.IO;

        var text = File.ReadAllText("a.txt");
        System.Console.WriteLine(text);
        """);

    private static Task VerifyProgramAsync(string source)
    {
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task StreamReaderReadToEnd_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(Stream stream)
            {
                using var reader = new StreamReader(stream);
                var first = reader.{|PERF001:ReadLine|}();
                return first + reader.{|PERF001:ReadToEnd|}();
            }
        }
        """);

    [Fact]
    public Task EfToListOnDbSetQuery_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Linq;
        using System.Threading.Tasks;

        class Repo
        {
            private readonly ShopContext _db = new();

            async Task<int> M(int id)
            {
                var list = _db.Orders.Where(o => o.Id > id).{|PERF001:ToList|}();
                var first = _db.Orders.{|PERF001:FirstOrDefault|}(o => o.Id == id);
                var count = _db.Orders.{|PERF001:Count|}();
                await Task.Yield();
                return list.Count + count;
            }
        }
        """ + Model);
}
