using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>Runs analyzers over a fresh copy of the compilation, repeatedly, and keeps medians.</summary>
public static class AnalyzerRunner
{
    /// <summary>
    /// Hold the garbage collector off during each measured analysis run (<see cref="GC.TryStartNoGCRegion(long)"/>).
    /// Callback times are wall-clock, so a collection that starts inside a callback is charged to whichever analyzer
    /// happened to allocate; on a 100k-line compilation the pauses are a fifth of the run and land at random. With the
    /// collector held off, a callback's time is the analyzer's own work; what each analyzer allocates is reported
    /// beside it. A run that allocates more than the region allows collects as usual (its GC pauses then show).
    /// </summary>
    public static bool HoldOffGarbageCollection { get; set; }

    /// <summary>Compilation's own work on a fresh copy: declaration and method-body diagnostics, then a full emit.</summary>
    public static CompileMeasurement MeasureCompile(Compilation compilation, Compilation? warmup, int repetitions)
    {
        if (warmup is not null)
        {
            using var warmupStream = new MemoryStream();
            warmup.Clone().Emit(warmupStream);
        }

        var diagnostics = new List<double>();
        var emits = new List<double>();
        var emitCpus = new List<double>();
        long allocated = 0;
        for (var i = 0; i < repetitions; i++)
        {
            Settle();
            var watch = Stopwatch.StartNew();
            compilation.Clone().GetDiagnostics();
            diagnostics.Add(watch.Elapsed.TotalMilliseconds);

            Settle();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            using var stream = new MemoryStream();
            var result = compilation.Clone().Emit(stream);
            emits.Add(watch.Elapsed.TotalMilliseconds);
            emitCpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            if (!result.Success)
            {
                throw new InvalidOperationException("The generated code does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
            }
        }

        return new CompileMeasurement(Median(diagnostics), Median(emits), Median(emitCpus), allocated);
    }

    public static async Task<AnalyzerMeasurement> MeasureAsync(
        string label,
        Compilation compilation,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        ImmutableDictionary<string, ReportDiagnostic>? specificOptions,
        int repetitions,
        CancellationToken cancellationToken,
        Compilation? warmup = null,
        bool concurrent = true,
        bool logExecutionTime = true)
    {
        if (specificOptions is not null)
        {
            compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(specificOptions));
            warmup = warmup?.WithOptions(warmup.Options.WithSpecificDiagnosticOptions(specificOptions));
        }

        if (warmup is not null)
        {
            // One unmeasured pass on a small compilation: loading and JIT compiling the analyzers is not what a rebuild pays.
            var warm = warmup.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrent, logExecutionTime));
            await warm.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }

        var walls = new List<double>();
        var cpus = new List<double>();
        var pauses = new List<double>();
        var allocations = new List<double>();
        var perAnalyzer = analyzers.ToDictionary(a => a, _ => new List<double>());
        var actions = new Dictionary<DiagnosticAnalyzer, int>();
        var exceptions = new ConcurrentBag<string>();
        ImmutableArray<Diagnostic> diagnostics = ImmutableArray<Diagnostic>.Empty;
        for (var i = 0; i < repetitions; i++)
        {
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message}"),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: logExecutionTime,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = WithAnalyzersDeclared(compilation, analyzers, options);
            Settle();
            var noGcRegion = HoldOffGarbageCollection && TryStartNoGCRegion();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            walls.Add(watch.Elapsed.TotalMilliseconds);
            cpus.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds);
            pauses.Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
            if (noGcRegion && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                GC.EndNoGCRegion();
            }

            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            foreach (var analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).ConfigureAwait(false);
                perAnalyzer[analyzer].Add(telemetry.ExecutionTime.TotalMilliseconds);
                actions[analyzer] = RegisteredActions(telemetry);
            }
        }

        var counts = diagnostics
            .Where(d => d.Severity != DiagnosticSeverity.Hidden || d.Id.StartsWith("PERF", StringComparison.Ordinal))
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new AnalyzerMeasurement(
            label,
            Median(walls),
            Median(cpus),
            Median(pauses),
            (long)Median(allocations),
            analyzers.ToDictionary(NameOf, a => Median(perAnalyzer[a]), StringComparer.Ordinal),
            analyzers.ToDictionary(NameOf, a => actions[a], StringComparer.Ordinal),
            counts,
            exceptions.Distinct().ToList());
    }

    /// <summary>The analyzer's name in results: its type's, or the one it was given.</summary>
    internal static string NameOf(DiagnosticAnalyzer analyzer) => analyzer is INamedAnalyzer named ? named.Name : analyzer.GetType().Name;

    /// <summary>Everything an analyzer registered beyond its compilation-start action: zero means it does no work.</summary>
    internal static int RegisteredActions(AnalyzerTelemetryInfo t) =>
        t.CompilationActionsCount + t.CompilationEndActionsCount + t.SemanticModelActionsCount + t.SyntaxTreeActionsCount
        + t.AdditionalFileActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount
        + t.SyntaxNodeActionsCount + t.CodeBlockStartActionsCount + t.CodeBlockEndActionsCount + t.CodeBlockActionsCount
        + t.OperationActionsCount + t.OperationBlockStartActionsCount + t.OperationBlockEndActionsCount + t.OperationBlockActionsCount;

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>
    /// Analyzers over a fresh copy whose source assembly and declarations are already built. A build's compiler builds
    /// them while analyzers start; a bare copy builds them on its first symbol lookup, which would charge the
    /// compiler's work to whichever analyzer's compilation-start action asks first. The declarations are built on the
    /// analyzers' own compilation: <c>WithAnalyzers</c> attaches an event queue, which makes a new compilation with a
    /// new source assembly, so building them on the copy beforehand would not carry over.
    /// </summary>
    internal static CompilationWithAnalyzers WithAnalyzersDeclared(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, CompilationWithAnalyzersOptions options)
    {
        var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, options);
        _ = withAnalyzers.Compilation.Assembly.GlobalNamespace.GetMembers();
        return withAnalyzers;
    }

    /// <summary>A region as large as half the memory available, at most 8 GiB (a 500k-line run allocates about 3 GiB).</summary>
    private static bool TryStartNoGCRegion()
    {
        var budget = Math.Min(8L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2);
        try
        {
            return GC.TryStartNoGCRegion(budget);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>Each measured run starts from a collected heap, so one run's garbage is not charged to the next.</summary>
    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

public sealed record CompileMeasurement(double GetDiagnosticsMs, double EmitMs, double EmitCpuMs, long EmitAllocatedBytes);

public sealed record AnalyzerMeasurement(
    string Label,
    double WallMs,
    double CpuMs,
    double GcPauseMs,
    long AllocatedBytes,
    IReadOnlyDictionary<string, double> ExecutionMsByAnalyzer,
    IReadOnlyDictionary<string, int> RegisteredActionsByAnalyzer,
    IReadOnlyDictionary<string, int> DiagnosticCounts,
    IReadOnlyList<string> AnalyzerExceptions)
{
    public double TotalExecutionMs => ExecutionMsByAnalyzer.Values.Sum();
}
