using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfAnalyzers.Testing;
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

    [Fact]
    public Task EfQueryThroughLocalVariable_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        class Repo
        {
            async Task<Order[]> M(ShopContext db, decimal min)
            {
                var query = db.Orders.AsNoTracking().Where(o => o.Total > min);
                await Task.Yield();
                var any = query.{|PERF001:Any|}();
                var total = query.{|PERF001:Sum|}(o => o.Total);
                return query.OrderBy(o => o.Id).{|PERF001:ToArray|}();
            }
        }
        """ + Model);

    [Fact]
    public Task EfMessageNamesOperatorAndAsyncOperator() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Linq;
        using System.Threading.Tasks;

        class Repo
        {
            async Task M(ShopContext db)
            {
                await Task.Yield();
                var list = db.Orders.ToList();
            }
        }
        """ + Model, VerifyCS.Diagnostic("PERF001").WithSpan(9, 30, 9, 36).WithArguments("ToList", "ToListAsync"));

    [Fact]
    public Task InMemoryLinq_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        class Repo
        {
            async Task<int> M(List<Order> orders, IQueryable<Order> unknown, ShopContext db)
            {
                await Task.Yield();
                var a = orders.Where(o => o.Id > 1).ToList();
                var b = orders.AsQueryable().Where(o => o.Id > 1).ToList();
                var c = unknown.Count();
                var loaded = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Orders);
                var d = loaded.Where(o => o.Total > 0).ToList();
                return a.Count + b.Count + c + d.Count + loaded.Count(o => o.Id > 2);
            }
        }
        """ + Model);

    [Fact]
    public Task ForeachOverEfQuery_DiagnosticOnCollection() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Linq;
        using System.Threading.Tasks;

        class Repo
        {
            async Task<decimal> M(ShopContext db)
            {
                await Task.Yield();
                decimal sum = 0;
                foreach (var order in {|PERF001:db.Orders.Where(o => o.Total > 10)|})
                {
                    sum += order.Total;
                }
                foreach (var order in db.Orders.AsEnumerable().ToList())
                {
                    sum += order.Total;
                }
                return sum;
            }
        }
        """ + Model);

    [Fact]
    public Task AwaitForeachOverDbSet_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class Repo
        {
            async Task<decimal> M(ShopContext db)
            {
                decimal sum = 0;
                await foreach (var order in db.Orders.AsAsyncEnumerable())
                {
                    sum += order.Total;
                }
                return sum;
            }
        }
        """ + Model);

    [Fact]
    public Task EfFindAndSaveChanges_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class Repo
        {
            async Task M(ShopContext db, int id)
            {
                var order = db.Orders.{|PERF001:Find|}(id);
                order!.Total = 0;
                db.{|PERF001:SaveChanges|}();
                await Task.Yield();
            }
        }
        """ + Model);

    [Fact]
    public Task EfAddAndCreateDbContext_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        class Repo
        {
            async Task M(IDbContextFactory<ShopContext> factory, Order order)
            {
                using var db = factory.CreateDbContext();
                db.Orders.Add(order);
                db.Orders.AddRange(order, order);
                db.Add(order);
                db.AddRange(order);
                await db.SaveChangesAsync();
                db.Dispose();
            }
        }
        """ + Model);

    [Fact]
    public Task DapperQueryAndExecute_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Data;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;

        class Repo
        {
            async Task<int> M(IDbConnection connection, int id)
            {
                await Task.Yield();
                var orders = connection.{|PERF001:Query|}<Order>("select * from Orders where Id > @id", new { id });
                var one = connection.{|PERF001:QueryFirstOrDefault|}<Order>("select * from Orders where Id = @id", new { id });
                return orders.Count() + connection.{|PERF001:Execute|}("delete from Orders");
            }
        }
        """ + Model);

    [Fact]
    public Task DapperQueryWithBufferedArgument_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Data;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;

        class Repo
        {
            async Task<int> M(IDbConnection connection)
            {
                await Task.Yield();
                return connection.Query<Order>("select * from Orders", buffered: false).Count();
            }
        }
        """ + Model);

    [Fact]
    public Task AdoNetOpenAndExecute_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Data.Common;
        using System.Threading.Tasks;

        class Repo
        {
            async Task<object?> M(DbConnection connection)
            {
                connection.{|PERF001:Open|}();
                using var command = connection.CreateCommand();
                command.CommandText = "select count(*) from Orders";
                command.{|PERF001:ExecuteNonQuery|}();
                using var reader = command.{|PERF001:ExecuteReader|}();
                while (reader.{|PERF001:Read|}())
                {
                }
                var result = command.{|PERF001:ExecuteScalar|}();
                connection.Close();
                await Task.Yield();
                return result;
            }
        }
        """);

    [Fact]
    public Task SqliteTypes_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class Repo
        {
            async Task M(Microsoft.Data.Sqlite.SqliteCommand command)
            {
                command.ExecuteNonQuery();
                await Task.Yield();
            }
        }

        namespace Microsoft.Data.Sqlite
        {
            public class SqliteCommand
            {
                public int ExecuteNonQuery() => 0;
                public Task<int> ExecuteNonQueryAsync() => Task.FromResult(0);
            }
        }
        """);

    [Fact]
    public Task HttpClientSendAndProcessWaitForExit_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(HttpClient client, Process process)
            {
                using var response = client.{|PERF001:Send|}(new HttpRequestMessage(HttpMethod.Get, "https://example.com"));
                process.{|PERF001:WaitForExit|}();
                var exited = process.WaitForExit(1000);
                await Task.Yield();
                return (int)response.StatusCode;
            }
        }
        """);

    [Fact]
    public Task StreamAndWriterMembers_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task M(Stream stream, TextWriter writer, byte[] buffer)
            {
                var read = stream.{|PERF001:Read|}(buffer, 0, buffer.Length);
                System.Text.Json.JsonSerializer.{|PERF001:Serialize|}(stream, read);
                stream.{|PERF001:Write|}(buffer, 0, read);
                stream.{|PERF001:Flush|}();
                stream.{|PERF001:CopyTo|}(new MemoryStream());
                writer.{|PERF001:WriteLine|}("done");
                stream.Dispose();
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task InMemoryStreamsAndConsole_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(byte[] buffer)
            {
                using var memory = new MemoryStream();
                memory.Write(buffer, 0, buffer.Length);
                memory.Flush();
                var reader = new StringReader("a\nb");
                var line = reader.ReadLine();
                var writer = new StringWriter();
                writer.Write(line);
                Console.WriteLine(line);
                Console.Out.WriteLine(line);
                Console.Out.Flush();
                var input = Console.In.ReadLine();
                System.Text.Json.JsonSerializer.Serialize(memory, line);
                await Task.Yield();
                return writer.ToString() + reader.ReadToEnd() + input;
            }
        }
        """);

    [Fact]
    public Task ReaderAndWriterOverMemoryStream_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.IO.Compression;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(byte[] data)
            {
                using var memory = new MemoryStream();
                using (var writer = new StreamWriter(memory, leaveOpen: true))
                {
                    writer.Write("hello");
                    writer.Flush();
                }

                memory.Position = 0;
                using var reader = new StreamReader(memory);
                var text = reader.ReadToEnd();
                using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
                var unzipped = new StreamReader(gzip).ReadToEnd();
                await Task.Yield();
                return text + unzipped + new StreamReader(new MemoryStream(data)).ReadLine();
            }
        }
        """);

    [Fact]
    public Task JsonWriterOverBufferAndZipEntryOverMemoryStream_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Buffers;
        using System.IO;
        using System.IO.Compression;
        using System.Text.Json;
        using System.Threading.Tasks;

        class C
        {
            async Task<byte[]> M(int id)
            {
                var buffer = new ArrayBufferWriter<byte>();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteNumber("id", id);
                    writer.Flush();
                }

                using var memory = new MemoryStream();
                using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
                {
                    var entry = zip.CreateEntry("a.txt");
                    using var stream = entry.Open();
                    using var text = new StreamWriter(stream);
                    text.Write("hello");
                }

                await Task.Yield();
                return buffer.WrittenSpan.ToArray();
            }
        }
        """);

    [Fact]
    public Task ReaderOverFileOrRequestStream_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(string path, Stream body)
            {
                using var file = new StreamReader(path);
                using var request = new StreamReader(body);
                await Task.Yield();
                return file.{|PERF001:ReadToEnd|}() + request.{|PERF001:ReadToEnd|}();
            }
        }
        """);

    [Fact]
    public Task SemaphoreWait_DiagnosticButZeroTimeoutIsNot() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            private readonly SemaphoreSlim _gate = new(1);

            async Task M()
            {
                if (!_gate.Wait(0) && !_gate.Wait(TimeSpan.Zero))
                {
                    _gate.{|PERF001:Wait|}();
                }
                _gate.Release();
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task AsyncLambdaAndAsyncLocalFunction_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            void M(string path)
            {
                Func<Task<string>> read = async () => File.{|PERF001:ReadAllText|}(path);
                Func<Task> write = async delegate { File.{|PERF001:WriteAllText|}(path, ""); await Task.Yield(); };
                async Task<byte[]> LocalAsync() => File.{|PERF001:ReadAllBytes|}(path);
                _ = LocalAsync();
            }
        }
        """);

    [Fact]
    public Task SyncLambdaLocalFunctionOrLockInAsyncMethod_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;

        class C
        {
            private readonly object _sync = new();

            async Task M(string[] paths)
            {
                var texts = paths.Select(p => File.ReadAllText(p)).ToList();
                Func<string, string> read = p => File.ReadAllText(p);
                string Local(string p) => File.ReadAllText(p);
                lock (_sync)
                {
                    File.WriteAllText(paths[0], Local(paths[1]));
                }
                await Task.Run(() => File.ReadAllText(paths[0]));
                _ = nameof(File.ReadAllText);
            }
        }
        """);

    [Fact]
    public Task ExpressionBodiedAsyncMethod_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<string[]> M(string path) => File.{|PERF001:ReadAllLines|}(path);
        }
        """);

    [Fact]
    public Task AfterConfigureAwait_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task M(string path, Task pending)
            {
                await pending.ConfigureAwait(false);
                File.{|PERF001:AppendAllText|}(path, "x");
            }
        }
        """);

    [Fact]
    public Task GenericMethodCounterpart_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Text.Json;
        using System.Threading.Tasks;

        class C
        {
            async Task<T?> M<T>(Stream stream)
            {
                await Task.Yield();
                return JsonSerializer.{|PERF001:Deserialize|}<T>(stream);
            }

            async Task<T?> FromString<T>(string json)
            {
                await Task.Yield();
                return JsonSerializer.Deserialize<T>(json);
            }
        }
        """);

    [Fact]
    public Task UserExtensionMethodWithCounterpart_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        class Store { }

        static class StoreExtensions
        {
            public static string Load(this Store store, string key) => key;
            public static Task<string> LoadAsync(this Store store, string key, CancellationToken cancellationToken = default) => Task.FromResult(key);
            public static int Size(this Store store, string key) => key.Length;
            public static Task<int> SizeAsync(this Store store) => Task.FromResult(0);
        }

        class C
        {
            async Task<int> M(Store store)
            {
                await Task.Yield();
                return store.{|PERF001:Load|}("a").Length + store.Size("b");
            }
        }
        """);

    [Fact]
    public Task CounterpartOnBaseType_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class ClientBase
        {
            public string Get(int id) => "";
            public Task<string> GetAsync(int id) => Task.FromResult("");
        }

        class Client : ClientBase { }

        class C
        {
            async Task<string> M(Client client)
            {
                await Task.Yield();
                return client.{|PERF001:Get|}(1);
            }
        }
        """);

    [Fact]
    public Task MismatchedObsoleteOrWrongResultCounterparts_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;

        class Client
        {
            public string Fetch(string url) => url;
            public Task<string> FetchAsync() => Task.FromResult("");
            public string Old(int id) => "";
            [Obsolete("use New")]
            public Task<string> OldAsync(int id) => Task.FromResult("");
            public int Count() => 0;
            public Task<long> CountAsync() => Task.FromResult(0L);
            public void Start() { }
            public void StartAsync() { }
        }

        class C
        {
            async Task<string> M(Client client)
            {
                await Task.Yield();
                client.Start();
                return client.Fetch("u") + client.Old(1) + client.Count();
            }
        }
        """);

    [Fact]
    public Task CounterpartIsTheEnclosingMethod_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class Cache
        {
            public string Read(string key) => File.ReadAllText(key);

            public async Task<string> ReadAsync(string key)
            {
                await Task.Yield();
                return Read(key);
            }

            public Task SaveAsync(string key) => SaveAsync(key, CancellationToken.None);

            public async Task SaveAsync(string key, CancellationToken cancellationToken)
            {
                await Task.Yield();
                Save(key);
            }

            public void Save(string key) { }
        }
        """);

    [Fact]
    public Task TaskWaitAndCancel_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(Task other, CancellationTokenSource source, CancellationToken token)
            {
                source.Cancel();
                other.Wait(token);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task XmlReader_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using System.Xml;

        class C
        {
            async Task M(XmlReader reader)
            {
                while (reader.Read()) { }
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task GeneratedCode_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        // <auto-generated/>
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(string path)
            {
                await Task.Yield();
                return File.ReadAllText(path);
            }
        }
        """);

    [Fact]
    public Task ForeachOverFileReadLines_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(string path)
            {
                await Task.Yield();
                var count = 0;
                foreach (var line in File.{|PERF001:ReadLines|}(path))
                {
                    count += line.Length;
                }
                return count + File.ReadLines(path).Count();
            }
        }
        """);

    [Fact]
    public Task AlreadyAsyncCalls_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> M(string path)
            {
                var text = await File.ReadAllTextAsync(path);
                await File.WriteAllTextAsync(path, text);
                return File.Exists(path) ? Path.GetFileName(path) : text;
            }
        }
        """);

    [Fact]
    public Task StreamSpanOverloadsWithArrays_DiagnosticButStackallocIsNot() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;

        class C
        {
            async Task M(Stream stream, byte[] data)
            {
                stream.{|PERF001:Write|}(data);
                var read = stream.{|PERF001:Read|}(data);
                Write(stream);
                await Task.Yield();
            }

            static void Write(Stream stream)
            {
                Span<byte> small = stackalloc byte[4];
                stream.Write(small);
            }
        }
        """);

    [Fact]
    public Task InaccessibleCounterpart_NoDiagnosticButProtectedFromDerivedIs() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class Gateway
        {
            public string Read(int id) => "";
            private Task<string> ReadAsync(int id) => Task.FromResult("");
            public string Fetch(int id) => "";
            protected Task<string> FetchAsync(int id) => Task.FromResult("");
        }

        class Client
        {
            async Task<string> M(Gateway gateway)
            {
                await Task.Yield();
                return gateway.Read(1) + gateway.Fetch(2);
            }
        }

        class DerivedGateway : Gateway
        {
            async Task<string> M()
            {
                await Task.Yield();
                return Read(1) + {|PERF001:Fetch|}(2);
            }
        }
        """);

    [Fact]
    public Task EfSqlQueryAndFromSql_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        class Repo
        {
            async Task<int> M(ShopContext db)
            {
                await Task.Yield();
                var ids = db.Database.SqlQueryRaw<int>("select Id from Orders").{|PERF001:ToList|}();
                return db.Orders.FromSqlRaw("select * from Orders").{|PERF001:Count|}() + ids.Count;
            }
        }
        """ + Model);

    [Fact]
    public Task DataReaderFieldAccessAndHostRun_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Data.Common;
        using System.Threading.Tasks;

        class Repo
        {
            async Task<string> M(DbDataReader reader, Microsoft.AspNetCore.Builder.WebApplication app)
            {
                await Task.Yield();
                var name = reader.IsDBNull(0) ? "" : reader.GetFieldValue<string>(0);
                app.Run();
                return name;
            }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public sealed class WebApplication
            {
                public void Run(string? url = null) { }
                public Task RunAsync(string? url = null) => Task.CompletedTask;
            }
        }
        """);

    // System.IO.Pipelines ships in the ASP.NET Core reference pack.
    private static readonly PerfAnalyzers.Testing.ReferenceSet WithPipelines = PerfAnalyzers.Testing.TestReferences.Net80Web;

    [Fact]
    public Task CompletingInMemoryPipe_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO.Pipelines;
        using System.Threading.Tasks;

        class Connection
        {
            private readonly IDuplexPipe _application;
            private readonly Pipe _pipe = new();

            Connection(IDuplexPipe application) => _application = application;

            async Task CloseAsync()
            {
                await Task.Yield();
                _application.Input.Complete();
                _application.Output.Complete();
                _pipe.Reader.Complete();
                _pipe.Writer.Complete();
            }
        }
        """, WithPipelines);

    [Fact]
    public Task FlushingTheNetworkStreamBehindAPipe_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO.Pipelines;
        using System.Net.Sockets;
        using System.Threading.Tasks;

        class Connection
        {
            private readonly Pipe _pipe = new();

            async Task CloseAsync(NetworkStream transport)
            {
                await Task.Yield();
                _pipe.Writer.Complete();
                transport.{|PERF001:Flush|}();
            }
        }
        """, WithPipelines);

    [Fact]
    public Task ApplicationMethodThatOnlyEnqueues_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Concurrent;
        using System.Threading.Channels;
        using System.Threading.Tasks;

        class Dispatcher
        {
            private readonly Channel<string> _channel = Channel.CreateUnbounded<string>();
            private readonly ConcurrentQueue<string> _queue = new();

            public void Publish(string message) => _channel.Writer.TryWrite(message);
            public Task PublishAsync(string message) => _channel.Writer.WriteAsync(message).AsTask();

            public void Schedule(string message)
            {
                if (message.Length > 0) _queue.Enqueue(message);
            }

            public Task ScheduleAsync(string message) => Task.Run(() => Schedule(message));
        }

        class C
        {
            async Task M(Dispatcher dispatcher)
            {
                await Task.Yield();
                dispatcher.Publish("a");
                dispatcher.Schedule("b");
            }
        }
        """);

    [Fact]
    public Task ApplicationMethodWhoseBodyWritesAFile_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        class Journal
        {
            public void Append(string line) => Write(line + "\n");
            public Task AppendAsync(string line) => File.AppendAllTextAsync("journal.log", line + "\n");

            private static void Write(string text)
            {
                if (text.Length > 0) File.AppendAllText("journal.log", text);
            }
        }

        class C
        {
            async Task M(Journal journal)
            {
                await Task.Yield();
                journal.{|PERF001:Append|}("a");
            }
        }
        """);

    [Fact]
    public Task StreamReadFromCopyToAsyncWhenReadAsyncWrapsRead_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class ChunkStream : Stream
        {
            private readonly Stream _inner;

            public ChunkStream(Stream inner) => _inner = inner;

            public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                Task.FromResult(Read(buffer, offset, count));

            public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
            {
                var buffer = new byte[bufferSize];
                int read;
                while ((read = Read(buffer, 0, buffer.Length)) > 0)
                {
                    await destination.WriteAsync(buffer, 0, read, cancellationToken);
                }
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
        """);

    [Fact]
    public Task StreamReadFromCopyToAsyncWhenReadAsyncIsAsync_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        class ChunkStream : Stream
        {
            private readonly Stream _inner;

            public ChunkStream(Stream inner) => _inner = inner;

            public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
                _inner.ReadAsync(buffer, offset, count, cancellationToken);

            public override async Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
            {
                var buffer = new byte[bufferSize];
                int read;
                while ((read = {|PERF001:Read|}(buffer, 0, buffer.Length)) > 0)
                {
                    await destination.WriteAsync(buffer, 0, read, cancellationToken);
                }
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
        """);

    [Fact]
    public Task WriterOverStandardStreamsBehindAnInterface_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.IO;
        using System.Threading.Tasks;

        interface IStandardStreams { TextWriter Out { get; } TextWriter Error { get; } }

        class StandardStreams : IStandardStreams
        {
            private TextWriter? _stdOut;
            private TextWriter? _stdErr;

            public TextWriter Out => _stdOut ??= new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };

            public TextWriter Error
            {
                get
                {
                    if (_stdErr == null)
                    {
                        _stdErr = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
                    }

                    return _stdErr;
                }
            }
        }

        class Command
        {
            async Task M(IStandardStreams streams, StandardStreams own)
            {
                await Task.Yield();
                streams.Error.WriteLine("warning");
                streams.Out.WriteLine("result");
                own.Error.Flush();
            }
        }
        """);

    [Fact]
    public Task WriterOverAFileBehindAnInterface_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.IO;
        using System.Threading.Tasks;

        interface ILog { TextWriter Writer { get; } }

        class FileLog : ILog
        {
            private TextWriter? _writer;

            public TextWriter Writer => _writer ??= new StreamWriter("app.log");
        }

        class Command
        {
            async Task M(ILog log)
            {
                await Task.Yield();
                log.Writer.{|PERF001:WriteLine|}("entry");
            }
        }
        """);

    [Fact]
    public async Task WriterFromAnInterfaceOfAnotherAssembly_NoDiagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                class Command
                {
                    async Task M(Host.IStandardStreams streams)
                    {
                        await Task.Yield();
                        streams.Out.WriteLine("result");
                    }
                }
                """,
        };
        var host = CompiledLibrary("namespace Host { public interface IStandardStreams { System.IO.TextWriter Out { get; } } }");
        test.SolutionTransforms.Add((solution, projectId) => solution.AddMetadataReference(projectId, host));
        await test.RunAsync();
    }

    [Fact]
    public async Task WriterFromAnotherAssemblysInterfaceImplementedHereOverAFile_Diagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.IO;
                using System.Threading.Tasks;

                class FileStreams : Host.IStandardStreams
                {
                    private TextWriter? _out;

                    public TextWriter Out => _out ??= new StreamWriter("out.log");
                }

                class Command
                {
                    async Task M(Host.IStandardStreams streams)
                    {
                        await Task.Yield();
                        streams.Out.{|PERF001:WriteLine|}("result");
                    }
                }
                """,
        };
        var host = CompiledLibrary("namespace Host { public interface IStandardStreams { System.IO.TextWriter Out { get; } } }");
        test.SolutionTransforms.Add((solution, projectId) => solution.AddMetadataReference(projectId, host));
        await test.RunAsync();
    }

    /// <summary>A referenced library compiled from <paramref name="source"/>: its symbols come from metadata, as a package's do.</summary>
    private static MetadataReference CompiledLibrary(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Host",
            [CSharpSyntaxTree.ParseText(source)],
            TestReferences.Net80.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
