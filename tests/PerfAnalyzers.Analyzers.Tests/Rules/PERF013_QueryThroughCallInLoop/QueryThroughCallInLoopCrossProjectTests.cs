using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PerfAnalyzers.Testing;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.QueryThroughCallInLoopAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

/// <summary>
/// PERF013 across projects: a loop in Web calls a service in Core whose implementation calls a repository in Data. A
/// workspace hands project references over as compilations (followed); a build as metadata (out of sight).
/// </summary>
public class QueryThroughCallInLoopCrossProjectTests
{
    private const string Data = """
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        namespace Data
        {
            public class Media { public int Id { get; set; } }

            public class MediaContext : DbContext { public DbSet<Media> Media => Set<Media>(); }

            public interface IMediaRepository { Task<Media> FindAsync(int id); }

            public class MediaRepository : IMediaRepository
            {
                private readonly MediaContext _db;

                public MediaRepository(MediaContext db) => _db = db;

                public Task<Media> FindAsync(int id) => _db.Media.FirstOrDefaultAsync(m => m.Id == id);
            }
        }
        """;

    private const string Core = """
        using System.Threading.Tasks;

        namespace Core
        {
            public interface IMediaService { Task<Data.Media> GetAsync(int id); }

            public interface IMediaLookup { Task<Data.Media> LookUpAsync(int id); }

            public class MediaService : IMediaService
            {
                private readonly Data.IMediaRepository _repository;

                public MediaService(Data.IMediaRepository repository) => _repository = repository;

                public Task<Data.Media> GetAsync(int id) => _repository.FindAsync(id);
            }
        }
        """;

    private const string Web = """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        class GalleryController
        {
            async Task M(Core.IMediaService media, List<int> ids)
            {
                foreach (var id in ids)
                {
                    await media.{|#0:GetAsync|}(id);
                }
            }
        }
        """;

    private const string SecondServiceInWeb = """

        class PlaceholderMediaService : Core.IMediaService
        {
            public System.Threading.Tasks.Task<Data.Media> GetAsync(int id) => System.Threading.Tasks.Task.FromResult(new Data.Media { Id = id });
        }
        """;

    [Fact]
    public async Task ChainThroughServiceAndRepositoryInReferencedProjects_Diagnostic()
    {
        var test = WebOverCoreOverData(Web);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PERF013").WithLocation(0)
            .WithArguments("GetAsync", "MediaService.GetAsync → MediaRepository.FindAsync → Media.FirstOrDefaultAsync", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task InterfaceOfReferencedProjectImplementedHere_Diagnostic()
    {
        var test = WebOverCoreOverData("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            class ContextLookup : Core.IMediaLookup
            {
                private readonly Data.MediaContext _db = new();

                public Task<Data.Media> LookUpAsync(int id) => _db.Media.FirstOrDefaultAsync(m => m.Id == id);
            }

            class GalleryController
            {
                async Task M(Core.IMediaLookup lookup, List<int> ids)
                {
                    foreach (var id in ids)
                    {
                        await lookup.{|#0:LookUpAsync|}(id);
                    }
                }
            }
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PERF013").WithLocation(0)
            .WithOptions(Microsoft.CodeAnalysis.Testing.DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("LookUpAsync", "ContextLookup.LookUpAsync → Media.FirstOrDefaultAsync", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task SecondImplementationInAnotherProject_NoDiagnostic()
    {
        var test = WebOverCoreOverData(Web + SecondServiceInWeb);
        await test.RunAsync();
    }

    [Fact]
    public async Task ReferencedProjectsAsMetadataLikeABuild_NoDiagnostic()
    {
        var test = new VerifyCS.Test { TestCode = Web };
        var layers = CompiledLibrary("Layers", Data, Core);
        test.SolutionTransforms.Add((solution, projectId) => solution.AddMetadataReference(projectId, layers));
        await test.RunAsync();
    }

    /// <summary>Web → Core → Data as project references, which the testing library turns into compilation references.</summary>
    private static VerifyCS.Test WebOverCoreOverData(string web)
    {
        var test = new VerifyCS.Test { TestCode = web };
        var data = new Microsoft.CodeAnalysis.Testing.ProjectState("Data", LanguageNames.CSharp, "/0/Data", "cs");
        data.Sources.Add(("Data.cs", Data));
        data.AdditionalReferences.AddRange(TestReferences.Net80WithData.References);
        var core = new Microsoft.CodeAnalysis.Testing.ProjectState("Core", LanguageNames.CSharp, "/0/Core", "cs");
        core.Sources.Add(("Core.cs", Core));
        core.AdditionalReferences.AddRange(TestReferences.Net80WithData.References);
        core.AdditionalProjectReferences.Add("Data");
        test.TestState.AdditionalProjects.Add("Data", data);
        test.TestState.AdditionalProjects.Add("Core", core);
        test.TestState.AdditionalProjectReferences.Add("Core");
        test.TestState.AdditionalProjectReferences.Add("Data");
        return test;
    }

    /// <summary>Source compiled into an assembly image: referenced as metadata, as a build references another project.</summary>
    private static MetadataReference CompiledLibrary(string name, params string[] sources)
    {
        var compilation = CSharpCompilation.Create(
            name,
            System.Array.ConvertAll(sources, source => CSharpSyntaxTree.ParseText(source)),
            TestReferences.Net80WithData.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("; ", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
