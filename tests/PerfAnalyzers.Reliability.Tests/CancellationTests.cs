using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// The IDE cancels analysis on every keystroke: a cancelled run must end with OperationCanceledException, soon, and leave
/// no analyzer failure (AD0001) or partial state behind.
/// </summary>
public class CancellationTests(ITestOutputHelper output)
{
    /// <summary>Large enough that a run which ignored cancellation would visit hundreds more methods.</summary>
    private const int SubjectLines = 8_000;

    [Fact]
    public async Task TokenCancelledBeforeAnalysis_ThrowsOperationCanceledAndNoAnalyzerFailure()
    {
        using var project = await AnalysisProject.CreateAsync([new SourceInput("generated", LargeSourceGenerator.LongFile(SubjectLines))]);
        var compilation = await project.GetCompilationAsync();
        using var source = new CancellationTokenSource();
        source.Cancel();
        var failures = new ConcurrentQueue<string>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => AnalyzerRunner.RunAsync(compilation, concurrent: true, cancellationToken: source.Token, failures: failures));

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TokenCancelledMidway_StopsPromptlyAndNoAnalyzerFailure(bool concurrent)
    {
        using var project = await AnalysisProject.CreateAsync([new SourceInput("generated", LargeSourceGenerator.LongFile(SubjectLines))]);
        var compilation = await project.GetCompilationAsync();
        var methods = (await compilation.SyntaxTrees.Single().GetRootAsync()).DescendantNodes().Count(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax);
        var cancelAt = methods / 10;

        using var source = new CancellationTokenSource();
        var tripwire = new CancellationTripwire(source, cancelAt);
        var failures = new ConcurrentQueue<string>();
        var analyzers = AnalyzerRunner.AllAnalyzers.Add(tripwire);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => AnalyzerRunner.RunAsync(compilation, concurrent, analyzers, source.Token, failures));

        output.WriteLine($"{methods} methods; cancelled at method {cancelAt}; {tripwire.MethodsSeenAfterCancel} method callbacks ran after the cancellation.");
        Assert.Empty(failures);
        Assert.True(source.IsCancellationRequested, "The tripwire never fired: the analysis did not reach the methods.");
        // In-flight callbacks may finish, but the run must not carry on through the rest of the file.
        Assert.True(tripwire.MethodsSeenAfterCancel < (methods - cancelAt) / 4, $"{tripwire.MethodsSeenAfterCancel} methods analyzed after cancellation");
    }

    [Fact]
    public async Task AnalysisAfterACancelledRun_GivesTheSameDiagnosticsAsAnUncancelledRun()
    {
        using var project = await AnalysisProject.CreateAsync([new SourceInput("generated", LargeSourceGenerator.LongFile(SubjectLines / 4))]);
        var compilation = await project.GetCompilationAsync();
        var expected = await AnalyzerRunner.RunAsync(compilation.Clone(), concurrent: true);
        Assert.NotEmpty(expected.Diagnostics);

        using (var source = new CancellationTokenSource())
        {
            var tripwire = new CancellationTripwire(source, cancelAtMethod: 10);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(
                () => AnalyzerRunner.RunAsync(compilation, concurrent: true, AnalyzerRunner.AllAnalyzers.Add(tripwire), source.Token));
        }

        // The same compilation, partly bound and partly analyzed before the cancellation.
        var after = await AnalyzerRunner.RunAsync(compilation, concurrent: true);
        Assert.Empty(after.Failures);
        Assert.Equal(AnalyzerRunner.Describe(expected.Diagnostics), AnalyzerRunner.Describe(after.Diagnostics));
    }

    [Fact]
    public async Task CodeFixesWithCancelledToken_ThrowOperationCanceledOrOfferNothing()
    {
        var units = await ConcurrencySubjects.CreateAsync();
        var failures = new List<string>();
        var offered = 0;
        try
        {
            using var source = new CancellationTokenSource();
            source.Cancel();
            foreach (var unit in units)
            {
                var run = await AnalyzerRunner.RunAsync(await unit.GetCompilationAsync());
                foreach (var diagnostic in run.Diagnostics)
                {
                    var document = unit.Solution.GetDocument(diagnostic.Location.SourceTree)!;
                    foreach (var provider in CodeFixApplier.AllCodeFixes.Where(p => p.FixableDiagnosticIds.Contains(diagnostic.Id)))
                    {
                        offered++;
                        try
                        {
                            await CodeFixApplier.RegisterAsync(provider, document, diagnostic, source.Token);
                        }
                        catch (OperationCanceledException)
                        {
                        }
                        catch (Exception exception)
                        {
                            failures.Add($"{provider.GetType().Name} on {diagnostic} in {unit.InputOf(diagnostic.Location.SourceTree).Name} threw {exception}");
                        }

                        // A registered action must honour the token when it computes its changes.
                        var actions = await CodeFixApplier.RegisterAsync(provider, document, diagnostic, CancellationToken.None);
                        foreach (var action in actions)
                        {
                            try
                            {
                                await action.GetOperationsAsync(source.Token);
                                failures.Add($"'{action.Title}' from {provider.GetType().Name} ignored a cancelled token");
                            }
                            catch (OperationCanceledException)
                            {
                            }
                            catch (Exception exception)
                            {
                                failures.Add($"'{action.Title}' from {provider.GetType().Name} threw {exception}");
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var unit in units)
            {
                unit.Dispose();
            }
        }

        output.WriteLine($"{offered} diagnostic/fix pairs tried with a cancelled token.");
        Assert.True(offered > 0, "No fixable diagnostic: the test tried nothing.");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }
}
