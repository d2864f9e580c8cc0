using Microsoft.CodeAnalysis;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.BlockingIOInAsyncMethodAnalyzer, PerfAnalyzers.Rules.BlockingIOInAsyncMethodCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class BlockingIOInAsyncMethodCodeFixTests
{
    private const string Model = """

        public class Order
        {
            public int Id { get; set; }
            public decimal Total { get; set; }
        }

        public class ShopContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public Microsoft.EntityFrameworkCore.DbSet<Order> Orders => Set<Order>();
        }
        """;

    [Fact]
    public Task ReturnedCall_AwaitsCounterpartWithToken() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(string path, CancellationToken cancellationToken)
            {
                await Task.Yield();
                // read the file
                return File.{|PERF001:ReadAllText|}(path); // trailing
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(string path, CancellationToken cancellationToken)
            {
                await Task.Yield();
                // read the file
                return await File.ReadAllTextAsync(path, cancellationToken); // trailing
            }
        }
        """);

    [Fact]
    public Task ResultUsedInExpression_Parenthesized() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(string path)
            {
                await Task.Yield();
                var text = File.{|PERF001:ReadAllText|}(path).Trim();
                return File.{|PERF001:ReadAllLines|}(path).Length + text.Length;
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(string path)
            {
                await Task.Yield();
                var text = (await File.ReadAllTextAsync(path)).Trim();
                return (await File.ReadAllLinesAsync(path)).Length + text.Length;
            }
        }
        """);

    [Fact]
    public Task TwoTokensInScope_NoTokenForwarded() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(string path, CancellationToken first, CancellationToken second)
            {
                File.{|PERF001:WriteAllText|}(path, "x");
                await Task.Yield();
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(string path, CancellationToken first, CancellationToken second)
            {
                await File.WriteAllTextAsync(path, "x");
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task LocalTokenDeclaredBefore_Forwarded() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(string path)
            {
                using var source = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var token = source.Token;
                File.{|PERF001:AppendAllText|}(path, "x");
                await Task.Yield();
                var later = CancellationToken.None;
            }
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(string path)
            {
                using var source = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var token = source.Token;
                await File.AppendAllTextAsync(path, "x", token);
                await Task.Yield();
                var later = CancellationToken.None;
            }
        }
        """);

    [Fact]
    public Task NestedCalls_BothAwaited() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task M(string from, string to)
            {
                File.{|PERF001:WriteAllText|}(to, File.{|PERF001:ReadAllText|}(from));
                await Task.Yield();
            }
        }
        """, """
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task M(string from, string to)
            {
                await File.WriteAllTextAsync(to, await File.ReadAllTextAsync(from));
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task EfQuery_AwaitsAsyncOperatorAndAddsUsing() => VerifyCS.VerifyCodeFixAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        class Repo
        {
            async Task<List<Order>> M(ShopContext db, int id, CancellationToken ct)
            {
                var first = db.Orders.{|PERF001:FirstOrDefault|}(o => o.Id == id);
                var count = db.Orders.{|PERF001:Count|}() + 1;
                await Task.Yield();
                return db.Orders.Where(o => o.Total > 10).{|PERF001:ToList|}();
            }
        }
        """ + Model, """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        class Repo
        {
            async Task<List<Order>> M(ShopContext db, int id, CancellationToken ct)
            {
                var first = await db.Orders.FirstOrDefaultAsync(o => o.Id == id, ct);
                var count = await db.Orders.CountAsync(ct) + 1;
                await Task.Yield();
                return await db.Orders.Where(o => o.Total > 10).ToListAsync(ct);
            }
        }
        """ + Model);

    [Fact]
    public Task EfQueryWithUsingPresent_NoSecondUsing() => VerifyCS.VerifyCodeFixAsync("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        class Repo
        {
            async Task<bool> M(ShopContext db)
            {
                await Task.Yield();
                return db.Orders.AsNoTracking().{|PERF001:Any|}(o => o.Total > 100);
            }
        }
        """ + Model, """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        class Repo
        {
            async Task<bool> M(ShopContext db)
            {
                await Task.Yield();
                return await db.Orders.AsNoTracking().AnyAsync(o => o.Total > 100);
            }
        }
        """ + Model);

    [Fact]
    public Task ForeachOverEfQuery_MaterialisesWithToListAsync() => VerifyCS.VerifyCodeFixAsync("""
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;

        class Repo
        {
            async Task<decimal> M(ShopContext db, CancellationToken cancellationToken)
            {
                decimal sum = 0;
                foreach (var order in {|PERF001:db.Orders.Where(o => o.Total > 10)|})
                {
                    sum += order.Total;
                }
                await Task.Yield();
                return sum;
            }
        }
        """ + Model, """
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        class Repo
        {
            async Task<decimal> M(ShopContext db, CancellationToken cancellationToken)
            {
                decimal sum = 0;
                foreach (var order in await db.Orders.Where(o => o.Total > 10).ToListAsync(cancellationToken))
                {
                    sum += order.Total;
                }
                await Task.Yield();
                return sum;
            }
        }
        """ + Model);

    [Fact]
    public Task FindAndSaveChanges_TokenOnlyWhereItBindsToTheTokenParameter() => VerifyCS.VerifyCodeFixAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        class Repo
        {
            async Task M(ShopContext db, int id, CancellationToken ct)
            {
                var order = db.Orders.{|PERF001:Find|}(id);
                order!.Total = 0;
                db.{|PERF001:SaveChanges|}();
                await Task.Yield();
            }
        }
        """ + Model, """
        using System.Threading;
        using System.Threading.Tasks;

        class Repo
        {
            async Task M(ShopContext db, int id, CancellationToken ct)
            {
                var order = await db.Orders.FindAsync(id);
                order!.Total = 0;
                await db.SaveChangesAsync(ct);
                await Task.Yield();
            }
        }
        """ + Model);

    [Fact]
    public Task DapperQuery_AwaitsQueryAsync() => VerifyCS.VerifyCodeFixAsync("""
        using System.Data;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Dapper;

        class Repo
        {
            async Task<int> M(IDbConnection connection, CancellationToken ct)
            {
                await Task.Yield();
                return connection.{|PERF001:Query|}<Order>("select * from Orders").Count();
            }
        }
        """ + Model, """
        using System.Data;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Dapper;

        class Repo
        {
            async Task<int> M(IDbConnection connection, CancellationToken ct)
            {
                await Task.Yield();
                return (await connection.QueryAsync<Order>("select * from Orders")).Count();
            }
        }
        """ + Model);

    [Fact]
    public Task ForeachOverReadLines_AwaitForeach() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(string path, CancellationToken ct)
            {
                var count = 0;
                // count characters
                foreach (var line in File.{|PERF001:ReadLines|}(path))
                {
                    count += line.Length;
                }
                await Task.Yield();
                return count;
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(string path, CancellationToken ct)
            {
                var count = 0;
                // count characters
                await foreach (var line in File.ReadLinesAsync(path, ct))
                {
                    count += line.Length;
                }
                await Task.Yield();
                return count;
            }
        }
        """);

    [Fact]
    public Task AsyncLambdaAndExpressionBody_Fixed() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> Read(string path) => File.{|PERF001:ReadAllText|}(path);

            Func<string, Task<byte[]>> Bytes = async path => File.{|PERF001:ReadAllBytes|}(path);
        }
        """, """
        using System;
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> Read(string path) => await File.ReadAllTextAsync(path);

            Func<string, Task<byte[]>> Bytes = async path => await File.ReadAllBytesAsync(path);
        }
        """);

    [Fact]
    public async Task TopLevelStatements_Fixed()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;

                await Task.Yield();
                var text = File.{|PERF001:ReadAllText|}("a.txt");
                """,
            FixedCode = """
                using System.IO;
                using System.Threading.Tasks;

                await Task.Yield();
                var text = await File.ReadAllTextAsync("a.txt");
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public Task StreamReaderAfterConfigureAwait_Fixed() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(Stream stream, Task ready, CancellationToken ct)
            {
                await ready.ConfigureAwait(false);
                using var reader = new StreamReader(stream);
                return reader.{|PERF001:ReadToEnd|}();
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(Stream stream, Task ready, CancellationToken ct)
            {
                await ready.ConfigureAwait(false);
                using var reader = new StreamReader(stream);
                return await reader.ReadToEndAsync(ct);
            }
        }
        """);

    [Fact]
    public Task QueryExpressionSource_ReportedWithoutFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(string path)
            {
                await Task.Yield();
                var lines = from line in File.{|PERF001:ReadAllLines|}(path) where line.Length > 0 select line;
                return lines.Count();
            }
        }
        """);

    [Fact]
    public Task StreamWriteOfArray_AwaitsWriteAsyncWithToken() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(Stream stream, byte[] data, CancellationToken ct)
            {
                stream.{|PERF001:Write|}(data);
                stream.{|PERF001:Flush|}();
                await Task.Yield();
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(Stream stream, byte[] data, CancellationToken ct)
            {
                await stream.WriteAsync(data, ct);
                await stream.FlushAsync(ct);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task ReadLineInWhileCondition_AwaitedInsideAssignment() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(StreamReader reader, CancellationToken ct)
            {
                var count = 0;
                string? line;
                while ((line = reader.{|PERF001:ReadLine|}()) != null)
                {
                    count += line.Length;
                }
                return count;
            }
        }
        """, """
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(StreamReader reader, CancellationToken ct)
            {
                var count = 0;
                string? line;
                while ((line = await reader.ReadLineAsync(ct)) != null)
                {
                    count += line.Length;
                }
                return count;
            }
        }
        """);

    [Fact]
    public Task StaticAsyncLambda_DoesNotCaptureOuterToken() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            Func<string, Task<string>> M(CancellationToken ct) => static async path => File.{|PERF001:ReadAllText|}(path)!;
        }
        """, """
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            Func<string, Task<string>> M(CancellationToken ct) => static async path => (await File.ReadAllTextAsync(path))!;
        }
        """);

    [Fact]
    public Task GenericMethodWithOptionalParameters_TokenPassedByName() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<T?> M<T>(Stream stream, CancellationToken ct)
            {
                await Task.Yield();
                return JsonSerializer.{|PERF001:Deserialize|}<T>(stream);
            }
        }
        """, """
        using System.IO;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<T?> M<T>(Stream stream, CancellationToken ct)
            {
                await Task.Yield();
                return await JsonSerializer.DeserializeAsync<T>(stream, cancellationToken: ct);
            }
        }
        """);

    [Fact]
    public Task UserExtensionMethod_AwaitsExtensionCounterpartWithToken() => VerifyCS.VerifyCodeFixAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        class Store { }

        static class StoreExtensions
        {
            public static string Load(this Store store, string key) => key;
            public static Task<string> LoadAsync(this Store store, string key, CancellationToken cancellationToken = default) => Task.FromResult(key);
        }

        class C
        {
            async Task<int> M(Store store, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return store.{|PERF001:Load|}("a").Length;
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;

        class Store { }

        static class StoreExtensions
        {
            public static string Load(this Store store, string key) => key;
            public static Task<string> LoadAsync(this Store store, string key, CancellationToken cancellationToken = default) => Task.FromResult(key);
        }

        class C
        {
            async Task<int> M(Store store, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return (await store.LoadAsync("a", cancellationToken)).Length;
            }
        }
        """);
}
