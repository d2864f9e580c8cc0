using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfAnalyzers.Infrastructure;
using PerfAnalyzers.Testing;
using VerifyQueryInLoop = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.QueryInLoopAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Infrastructure;

/// <summary>
/// Framework types found through the assembly that owns them. Two references that both define
/// <c>System.Linq.AsyncEnumerable</c> (.NET 10's and the System.Linq.Async package's): the compiler's own lookup
/// gives up, the provider still hands out the types.
/// </summary>
public class WellKnownTypeProviderTests
{
    private const string AsyncEnumerableName = "System.Linq.AsyncEnumerable";

    [Fact]
    public async Task TwoDefinitions_ProviderReturnsUsableType()
    {
        var references = await TwoAsyncEnumerableDefinitionsAsync();
        var compilation = CSharpCompilation.Create(
            "App",
            new[] { CSharpSyntaxTree.ParseText("class C { }") },
            (await NetReferencesAsync()).AddRange(references),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var provider = WellKnownTypeProvider.GetOrCreate(compilation);

        Assert.Null(compilation.GetTypeByMetadataName(AsyncEnumerableName));
        Assert.NotNull(provider.Get(AsyncEnumerableName));
        var all = provider.GetAll(AsyncEnumerableName);
        Assert.Equal(2, all.Length);
        Assert.True(provider.IsAny(all[1], AsyncEnumerableName));
        Assert.Same(provider, WellKnownTypeProvider.GetOrCreate(compilation));
    }

    [Fact]
    public async Task LambdaOfEitherAsyncEnumerableDefinition_PerElementDiagnostic()
    {
        var test = new VerifyQueryInLoop.Test
        {
            TestCode = EfCoreModel.With("""
                using System.Collections.Generic;
                using System.Linq;
                using Microsoft.EntityFrameworkCore;
                using Shop;

                class C
                {
                    void M(ShopContext db, IAsyncEnumerable<int> ids)
                    {
                        var counts = ids.SelectFromFirst(id => db.Orders.{|PERF010:Count|}(o => o.CustomerId == id));
                        var some = ids.WhereFromSecond(id => db.Orders.{|PERF010:Any|}(o => o.CustomerId == id));
                    }
                }
                """),
        };
        test.TestState.AdditionalReferences.AddRange(await TwoAsyncEnumerableDefinitionsAsync());
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task FrameworkType_FoundInItsOwningAssembly_SameAsCompilerLookup()
    {
        var compilation = await CompilationOverNetAsync();
        var provider = WellKnownTypeProvider.GetOrCreate(compilation);

        var client = provider.GetFramework("System.Net.Http.HttpClient", "System.Net.Http", "netstandard");

        Assert.NotNull(client);
        Assert.Equal("System.Net.Http", client!.ContainingAssembly.Identity.Name);
        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName("System.Net.Http.HttpClient"), client));
    }

    [Fact]
    public async Task FrameworkType_NotDeclaredByNamedOwner_FoundAmongEveryReference()
    {
        var compilation = await CompilationOverNetAsync();

        var regex = WellKnownTypeProvider.GetOrCreate(compilation).GetFramework("System.Text.RegularExpressions.Regex", "System");

        Assert.True(SymbolEqualityComparer.Default.Equals(compilation.GetTypeByMetadataName("System.Text.RegularExpressions.Regex"), regex));
    }

    [Fact]
    public async Task FrameworkType_Absent_Null()
    {
        var compilation = await CompilationOverNetAsync();

        Assert.Null(WellKnownTypeProvider.GetOrCreate(compilation).GetFramework("System.Net.Http.NoSuchClient", "System.Net.Http", "netstandard"));
    }

    private static async Task<CSharpCompilation> CompilationOverNetAsync() =>
        CSharpCompilation.Create(
            "App",
            new[] { CSharpSyntaxTree.ParseText("class C { }") },
            await NetReferencesAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static Task<ImmutableArray<MetadataReference>> NetReferencesAsync() =>
        Task.FromResult(TestReferences.Net80.References);

    /// <summary>Two small assemblies, each with its own <c>System.Linq.AsyncEnumerable</c> and one operator on it.</summary>
    private static async Task<MetadataReference[]> TwoAsyncEnumerableDefinitionsAsync()
    {
        var net = await NetReferencesAsync();
        return new[]
        {
            Emit(net, "FirstAsyncLinq", "public static IAsyncEnumerable<R> SelectFromFirst<T, R>(this IAsyncEnumerable<T> source, Func<T, R> selector) => throw null!;"),
            Emit(net, "SecondAsyncLinq", "public static IAsyncEnumerable<T> WhereFromSecond<T>(this IAsyncEnumerable<T> source, Func<T, bool> predicate) => throw null!;"),
        };
    }

    private static MetadataReference Emit(ImmutableArray<MetadataReference> net, string assemblyName, string member)
    {
        var source = $$"""
            using System;
            using System.Collections.Generic;

            namespace System.Linq
            {
                public static class AsyncEnumerable
                {
                    {{member}}
                }
            }
            """;
        var compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source) },
            net,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
