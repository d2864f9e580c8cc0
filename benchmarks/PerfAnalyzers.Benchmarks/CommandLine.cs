using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PerfAnalyzers.Benchmarks;

/// <summary>The benchmark's arguments: a command and a few options.</summary>
public sealed class CommandLine
{
    public const string Usage = """
        usage: PerfAnalyzers.Benchmarks <command> [options]
          all              every size (10k, 100k, 500k), pathological inputs, no-data-access check, scaling,
                           the 100k solution written to disk and the build/report throughput
          bench            analyzer benchmark at --sizes (default 10k)
          pathological     a 5,000-statement method and loops nested 50 deep
          no-data          the N+1 analyzers on a compilation without EF Core, Dapper or ADO.NET
          small-projects   --projects N (default 50) projects of 1-2k lines with EF Core, each its own compilation;
                           per-rule time summed over them. --compare DLL: another build's PerfAnalyzers.Analyzers.dll,
                           measured turn about with this one ("before" / "after"). --project-lines 1k-2k: the size
                           range (a size below the EF Core model's, e.g. 1-1, gives the model alone: the fixed cost)
          rule-vs-peers    --rule PERF030: that rule alone against its nearest peer rules at the first of --sizes, on one
                           thread, turn about (with --compare DLL, also that build's analyzer of the rule)
          rule-groups      --groups "PERF030;PERF040,PERF041": each group's rules together on one thread, the groups turn
                           about, at the first of --sizes; the first group is the one the others are set against.
                           A member "EMPTY:Invocation" is an empty action for that operation kind (the driver's floor);
                           "REPORT-ONLY:ObjectCreation:PERF040+PERF041" one action for that kind that reports those
                           rules' findings where they fall, analysing nothing (the least any analyzer reporting them costs)
          profile          all PerfAnalyzers analyzers (or --rule's) on one thread, --reps times, at the first of --sizes
                           (a steady workload for `dotnet-trace collect -- <this command>`)
          scaling          rebuild results/scaling.md from the per-size results
          generate         print the generated solution's size, expected counts and hash
          write-solution   write the generated solution to --out as a buildable .sln
          throughput       write-solution, then time `dotnet build` and `perf-report` on it
        options:
          --sizes 10k,100k   --reps N (default 5)   --no-peers   --no-alone (skip each analyzer alone)   --seed N
          --with-gc          let the garbage collector run during measured analysis (default: held off)
          --out DIR          --perf-report PATH (the report tool's project or executable)
          --results DIR      where the result pages go (default benchmarks/results)
        """;

    public required string Command { get; init; }
    public IReadOnlyList<int> Sizes { get; init; } = [10_000];
    public int? Repetitions { get; init; }
    public bool Peers { get; init; } = true;
    public bool Alone { get; init; } = true;
    public bool WithGc { get; init; }
    public int Seed { get; init; } = Generation.SolutionGenerator.DefaultSeed;
    public string? Output { get; init; }
    public string? PerfReport { get; init; }
    public string? Results { get; init; }
    public int Projects { get; init; } = 50;
    public string? Rule { get; init; }
    public string? Compare { get; init; }
    public IReadOnlyList<IReadOnlyList<string>> Groups { get; init; } = [];
    public (int Min, int Max) ProjectLines { get; init; } = (1_000, 2_000);

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("missing command");
        }

        var sizes = (IReadOnlyList<int>)[10_000];
        int? reps = null;
        var peers = true;
        var alone = true;
        var withGc = false;
        var seed = Generation.SolutionGenerator.DefaultSeed;
        string? output = null;
        string? perfReport = null;
        string? results = null;
        var projects = 50;
        string? rule = null;
        string? compare = null;
        IReadOnlyList<IReadOnlyList<string>> groups = [];
        var projectLines = (Min: 1_000, Max: 2_000);
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--sizes":
                case "--size":
                    sizes = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseSize).ToList();
                    break;
                case "--reps":
                    reps = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--no-peers":
                    peers = false;
                    break;
                case "--no-alone":
                    alone = false;
                    break;
                case "--with-gc":
                    withGc = true;
                    break;
                case "--seed":
                    seed = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--perf-report":
                    perfReport = Value(args, ref i);
                    break;
                case "--results":
                    results = Value(args, ref i);
                    break;
                case "--projects":
                    projects = int.Parse(Value(args, ref i), CultureInfo.InvariantCulture);
                    break;
                case "--project-lines":
                    var range = Value(args, ref i).Split('-');
                    projectLines = (ParseSize(range[0]), ParseSize(range[^1]));
                    break;
                case "--rule":
                    rule = Value(args, ref i).ToUpperInvariant();
                    break;
                case "--compare":
                    compare = Value(args, ref i);
                    break;
                case "--groups":
                    groups = Value(args, ref i).ToUpperInvariant().Split(';', StringSplitOptions.RemoveEmptyEntries)
                        .Select(g => (IReadOnlyList<string>)g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                    break;
                default:
                    throw new ArgumentException("unknown option " + args[i]);
            }
        }

        return new CommandLine { Command = args[0], Sizes = sizes, Repetitions = reps, Peers = peers, Alone = alone, WithGc = withGc, Seed = seed, Output = output, PerfReport = perfReport, Results = results, Projects = projects, Compare = compare, ProjectLines = projectLines, Rule = rule, Groups = groups };
    }

    /// <summary>"10k" is 10,000 lines, "1m" a million.</summary>
    public static int ParseSize(string text)
    {
        text = text.Trim().ToLowerInvariant();
        var multiplier = text.EndsWith('k') ? 1_000 : text.EndsWith('m') ? 1_000_000 : 1;
        var digits = multiplier == 1 ? text : text[..^1];
        return int.Parse(digits, CultureInfo.InvariantCulture) * multiplier;
    }

    public static string SizeLabel(int lines) =>
        lines % 1_000_000 == 0 ? (lines / 1_000_000).ToString(CultureInfo.InvariantCulture) + "m"
        : lines % 1_000 == 0 ? (lines / 1_000).ToString(CultureInfo.InvariantCulture) + "k"
        : lines.ToString(CultureInfo.InvariantCulture);

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException("missing value for " + args[i - 1]);
}
