using Microsoft.CodeAnalysis.Diagnostics;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.HttpClientPerOperationAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class HttpClientPerOperationAnalyzerTests
{
    [Fact]
    public Task NewHttpClientInUsingDeclaration_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> GetAsync(string url)
            {
                using var client = {|PERF040:new HttpClient()|};
                return await client.GetStringAsync(url);
            }
        }
        """);

    [Fact]
    public Task NewHttpClientInUsingStatement_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> GetAsync(string url)
            {
                using (var client = {|PERF040:new HttpClient { Timeout = TimeSpan.FromSeconds(5) }|})
                {
                    return await client.GetStringAsync(url);
                }
            }
        }
        """);

    [Fact]
    public Task DisposedInFinally_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> GetAsync(string url)
            {
                var client = {|PERF040:new HttpClient()|};
                try
                {
                    return await client.GetStringAsync(url);
                }
                finally
                {
                    client.Dispose();
                }
            }
        }
        """);

    [Fact]
    public Task ConditionallyDisposedInFinally_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> GetAsync(string url)
            {
                HttpClient client = null;
                try
                {
                    client = {|PERF040:new HttpClient()|};
                    return await client.GetStringAsync(url);
                }
                finally
                {
                    client?.Dispose();
                }
            }
        }
        """);

    [Fact]
    public Task OwnHandlerInUsingInLambda_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            Func<string, Task<string>> Fetch = async url =>
            {
                using var client = {|PERF040:new HttpClient(new HttpClientHandler { UseCookies = false })|};
                return await client.GetStringAsync(url);
            };
        }
        """);

    [Fact]
    public Task HandlerLocalCreatedInMethod_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task<string> GetAsync(string url)
            {
                var handler = new SocketsHttpHandler();
                using var client = {|PERF040:new HttpClient(handler, disposeHandler: true)|};
                return await client.GetStringAsync(url);
            }
        }
        """);

    [Fact]
    public Task NewHttpClientPerLoopIteration_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task<List<string>> GetAllAsync(IEnumerable<string> urls)
            {
                var pages = new List<string>();
                foreach (var url in urls)
                {
                    var client = {|PERF040:new HttpClient()|};
                    client.DefaultRequestHeaders.Add("Accept", "text/html");
                    pages.Add(await client.GetStringAsync(url));
                }
                return pages;
            }
        }
        """);

    [Fact]
    public Task NewHttpClientAsReceiverInLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task PingAsync(string[] urls)
            {
                for (var i = 0; i < urls.Length; i++)
                {
                    await {|PERF040:new HttpClient()|}.GetAsync(urls[i]);
                }
            }
        }
        """);

    [Fact]
    public Task ClientInFieldInitializer_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            private static readonly HttpClient Shared = new HttpClient();
            private readonly HttpClient _instance = new HttpClient();
        }
        """);

    [Fact]
    public Task ClientStoredInFieldByConstructor_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        class C
        {
            private readonly HttpClient _client;
            private static HttpClient _lazy;

            public C()
            {
                _client = new HttpClient { BaseAddress = new Uri("https://example.org") };
            }

            HttpClient Client => _lazy ??= new HttpClient();
        }
        """);

    [Fact]
    public Task ClientReturnedToCaller_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;

        static class ClientFactory
        {
            public static HttpClient Create(Uri baseAddress)
            {
                var client = new HttpClient();
                client.BaseAddress = baseAddress;
                return client;
            }
        }
        """);

    [Fact]
    public Task ClientPassedToRegistration_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using Microsoft.Extensions.DependencyInjection;

        static class Registration
        {
            public static void Register(IServiceCollection services)
            {
                services.AddSingleton(new HttpClient());
            }

            public static void RegisterPerItem(IServiceCollection services, string[] names)
            {
                foreach (var name in names)
                {
                    services.AddSingleton(new HttpClient());
                }
            }
        }
        """);

    [Fact]
    public Task ClientsAddedToCollectionInLoop_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;

        class Pool
        {
            private readonly Dictionary<string, HttpClient> _clients = new();

            public void Build(string[] hosts)
            {
                foreach (var host in hosts)
                {
                    var client = new HttpClient { BaseAddress = new Uri(host) };
                    _clients[host] = client;
                }
            }
        }
        """);

    [Fact]
    public Task UsingInMain_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        static class Program
        {
            static async Task Main(string[] args)
            {
                using var client = new HttpClient();
                foreach (var url in args)
                {
                    using var perUrl = new HttpClient();
                    await perUrl.GetStringAsync(url);
                }
                await client.GetStringAsync(args[0]);
            }
        }
        """);

    [Fact]
    public Task UsingInTopLevelStatements_NoDiagnostic() => VerifyProgramAsync("""
        using System.Net.Http;

        using var client = new HttpClient();
        System.Console.WriteLine(await client.GetStringAsync("https://example.org"));
        """);

    [Fact]
    public Task UsingInLambdaInTopLevelStatements_Diagnostic() => VerifyProgramAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        Func<string, Task<string>> fetch = async url =>
        {
            using var client = {|PERF040:new HttpClient()|};
            return await client.GetStringAsync(url);
        };
        Console.WriteLine(await fetch("https://example.org"));
        """);

    [Fact]
    public Task ClientFromFactory_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            private readonly IHttpClientFactory _factory;

            public C(IHttpClientFactory factory) => _factory = factory;

            async Task<string> GetAsync(string url)
            {
                using var client = _factory.CreateClient("api");
                return await client.GetStringAsync(url);
            }
        }

        namespace System.Net.Http
        {
            public interface IHttpClientFactory { HttpClient CreateClient(string name); }
        }
        """);

    [Fact]
    public Task SharedHandlerNotDisposed_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            private static readonly SocketsHttpHandler Handler = new SocketsHttpHandler();

            async Task<string> GetAsync(string url, HttpMessageHandler injected)
            {
                using var client = new HttpClient(Handler, disposeHandler: false);
                using var other = new HttpClient(injected, false);
                return await client.GetStringAsync(url) + await other.GetStringAsync(url);
            }
        }
        """);

    [Fact]
    public Task ClientCreatedInMethodWithoutDispose_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;

        class C
        {
            private HttpClient _client;

            void Initialize()
            {
                var client = new HttpClient();
                client.DefaultRequestHeaders.Add("X-Key", "1");
                _client = client;
            }
        }
        """);

    [Fact]
    public Task ClientInRetryLoopWithFewIterations_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            async Task PingAsync(string url)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    var client = new HttpClient();
                    await client.GetAsync(url);
                }
            }
        }
        """);

    [Fact]
    public Task DerivedDelegatingHandlerOverSharedHandler_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class LoggingHandler : DelegatingHandler
        {
            public LoggingHandler(HttpMessageHandler inner) : base(inner) { }
        }

        class C
        {
            private static readonly HttpClientHandler Inner = new HttpClientHandler();

            async Task<string> GetAsync(string url)
            {
                using var client = new HttpClient(new LoggingHandler(Inner), disposeHandler: false);
                return await client.GetStringAsync(url);
            }
        }
        """);

    private static Task VerifyProgramAsync(string source) => new VerifyCS.Test
    {
        TestCode = source,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    [Fact]
    public async Task CompilationWithoutHttpClient_RegistersNoAction()
    {
        // Only the core library: no System.Net.Http, System.Text.RegularExpressions or System.Text.Json.
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Bare",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { object M() => new object(); }")],
            [Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
        var analyzer = new PerfAnalyzers.Rules.HttpClientPerOperationAnalyzer();
        var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
            new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers([analyzer], options);
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
        Assert.Equal(0, telemetry.OperationActionsCount);
    }
}
