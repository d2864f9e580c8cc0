using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PerfAnalyzers.Benchmarks.Generation;

/// <summary>Inputs that break analyzers with quadratic walks: one very long method, one very deep loop nest.</summary>
public static class PathologicalSources
{
    /// <summary>An async method of <paramref name="statements"/> statements: awaits, arithmetic, short loops, appends. No smell.</summary>
    public static SyntheticSolution LongMethod(int statements = 5000)
    {
        var sb = new StringBuilder(SharedModel.Usings);
        sb.Append("namespace Synthetic.Pathological;\n\npublic static class LongMethod\n{\n");
        sb.Append("    public static async Task<int> RunAsync(int[] data, CancellationToken ct)\n    {\n");
        sb.Append("        var total = 0;\n        var text = new StringBuilder();\n");
        for (var i = 0; i < statements; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            switch (i % 5)
            {
                case 0:
                    sb.Append("        total += await Task.FromResult(").Append(n).Append(");\n");
                    break;
                case 1:
                    sb.Append("        total = total * 31 + data[").Append(n).Append(" % data.Length];\n");
                    break;
                case 2:
                    sb.Append("        for (var i").Append(n).Append(" = 0; i").Append(n).Append(" < data.Length; i").Append(n).Append("++) { total ^= data[i").Append(n).Append("]; }\n");
                    break;
                case 3:
                    sb.Append("        text.Append(total).Append(',');\n");
                    break;
                default:
                    sb.Append("        if (total > ").Append(n).Append(") { ct.ThrowIfCancellationRequested(); }\n");
                    break;
            }
        }

        sb.Append("        return total + text.Length;\n    }\n}\n");
        return Single("long-method-" + statements.ToString(CultureInfo.InvariantCulture), sb.ToString(), new());
    }

    /// <summary><paramref name="depth"/> for loops nested in one method: exactly one PERF020 (on the third loop).</summary>
    public static SyntheticSolution DeepNest(int depth = 50)
    {
        var sb = new StringBuilder(SharedModel.Usings);
        sb.Append("namespace Synthetic.Pathological;\n\npublic static class DeepNest\n{\n");
        sb.Append("    public static long Run(int n)\n    {\n        long sum = 0;\n");
        for (var i = 0; i < depth; i++)
        {
            var v = "i" + i.ToString(CultureInfo.InvariantCulture);
            sb.Append(' ', 8 + 4 * i).Append("for (var ").Append(v).Append(" = 0; ").Append(v).Append(" < n; ").Append(v).Append("++)\n");
            sb.Append(' ', 8 + 4 * i).Append("{\n");
        }

        sb.Append(' ', 8 + 4 * depth).Append("sum += i0 + i").Append((depth - 1).ToString(CultureInfo.InvariantCulture)).Append(";\n");
        for (var i = depth - 1; i >= 0; i--)
        {
            sb.Append(' ', 8 + 4 * i).Append("}\n");
        }

        sb.Append("        return sum;\n    }\n}\n");
        return Single("deep-nest-" + depth.ToString(CultureInfo.InvariantCulture), sb.ToString(), new() { ["PERF020"] = depth > 2 ? 1 : 0 });
    }

    private static SyntheticSolution Single(string name, string text, Dictionary<string, int> counts)
    {
        var expected = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var id in SolutionGenerator.RuleIds)
        {
            expected[id] = counts.TryGetValue(id, out var count) ? count : 0;
        }

        return new SyntheticSolution(name, includesDataAccess: false, [new GeneratedFile("Pathological/" + name + ".cs", text)], expected);
    }
}
