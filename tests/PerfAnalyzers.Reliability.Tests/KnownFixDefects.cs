using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>
/// Fix defects found by these tests and reported to the rule's owner, each with a strict reproducer in
/// <see cref="KnownFixDefectTests"/> (skipped, with its reason, until fixed). Only an error of exactly that shape from
/// exactly that fix is tolerated, and every occurrence is printed in the test output; remove the entry with the fix.
/// </summary>
internal static class KnownFixDefects
{
    public const string DuplicateBuilderKey = "PERF030-fixall-duplicate-builder";

    public static IReadOnlyList<Defect> All { get; } =
    [
        new(
            DuplicateBuilderKey,
            "PERF030 Fix All: when two loops in one function accumulate into the same string, Fix All declares '<name>Builder' before each loop (CS0128)",
            FixPrefix: "StringConcatenationInLoopCodeFix Fix All",
            ErrorId: "CS0128",
            MessageContains: "Builder'"),
    ];

    public static Defect? Match(string fixDescription, string error) =>
        All.FirstOrDefault(d => fixDescription.StartsWith(d.FixPrefix, StringComparison.Ordinal)
            && error.Contains("error " + d.ErrorId + ":", StringComparison.Ordinal)
            && error.Contains(d.MessageContains, StringComparison.Ordinal));

    public static string Describe(IReadOnlyDictionary<string, int> seen) =>
        seen.Count == 0 ? "no known defect hit" : "known defects hit: " + string.Join(", ", seen.Select(p => $"{p.Key} x{p.Value}"));

    public sealed record Defect(string Key, string Summary, string FixPrefix, string ErrorId, string MessageContains);
}
