using System.Linq;
using System.Text;

namespace PerfAnalyzers.Reliability.Tests;

/// <summary>Generates valid sources of extreme size and depth, the inputs that expose recursion and quadratic work.</summary>
internal static class LargeSourceGenerator
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Threading.Tasks;

        """;

    /// <summary>A file of at least <paramref name="lineCount"/> lines: many classes of ordinary service methods, each with smells.</summary>
    public static string LongFile(int lineCount)
    {
        var builder = new StringBuilder(lineCount * 40).Append(Usings).Append("namespace Generated.Long;\n\n");
        var lines = 8;
        for (var type = 0; lines < lineCount; type++)
        {
            builder.Append("public sealed class Service").Append(type).Append("\n{\n");
            lines += 2;
            for (var method = 0; method < 40 && lines < lineCount; method++)
            {
                var name = $"M{type}_{method}";
                var body = $$"""
                        public string {{name}}(string[] items, int[][] grid)
                        {
                            var text = "";
                            foreach (var item in items)
                            {
                                text += item;
                                if (File.Exists(item))
                                {
                                    text = text + File.ReadAllText(item).Length;
                                }
                            }

                            for (var i = 0; i < grid.Length; i++)
                            {
                                foreach (var cell in grid[i])
                                {
                                    foreach (var other in grid[cell % grid.Length])
                                    {
                                        text = $"{text}{other}";
                                    }
                                }
                            }

                            return text + Task.FromResult(items.Length).Result + items.Count(x => x.Length > 1);
                        }


                    """;
                builder.Append(body);
                lines += body.Count(c => c == '\n');
            }

            builder.Append("}\n\n");
            lines += 2;
        }

        return builder.ToString();
    }

    /// <summary>
    /// A method with <paramref name="depth"/> loops nested in one another (for, foreach, while, do in turn), each level
    /// appending to the same string, and the same depth of nested if blocks: shapes the compiler accepts.
    /// </summary>
    public static string DeeplyNestedLoops(int depth)
    {
        var builder = new StringBuilder().Append(Usings).Append("namespace Generated.Deep;\n\npublic static class Nested\n{\n");
        builder.Append("    public static string Loops(int[] items, int n)\n    {\n        var text = \"\";\n");
        for (var level = 0; level < depth; level++)
        {
            var indent = new string(' ', 8 + (level * 4));
            var opener = (level % 4) switch
            {
                0 => $"for (var i{level} = 0; i{level} < n; i{level}++)",
                1 => "foreach (var item" + level + " in items)",
                2 => $"var w{level} = 0;\n{indent}while (w{level}++ < n)",
                _ => "do",
            };
            builder.Append(indent).Append(opener).Append('\n').Append(indent).Append("{\n");
            builder.Append(indent).Append("    text += \"").Append(level).Append("\";\n");
        }

        for (var level = depth - 1; level >= 0; level--)
        {
            var indent = new string(' ', 8 + (level * 4));
            builder.Append(indent).Append(level % 4 == 3 ? "} while (n < 0);\n" : "}\n");
        }

        builder.Append("        return text;\n    }\n\n");
        builder.Append("    public static int Branches(int value)\n    {\n        var total = 0;\n");
        for (var level = 0; level < depth; level++)
        {
            builder.Append(new string(' ', 8 + (level * 4))).Append("if (value > ").Append(level).Append(")\n")
                .Append(new string(' ', 8 + (level * 4))).Append("{\n")
                .Append(new string(' ', 12 + (level * 4))).Append("total++;\n");
        }

        for (var level = depth - 1; level >= 0; level--)
        {
            builder.Append(new string(' ', 8 + (level * 4))).Append("}\n");
        }

        builder.Append("        return total;\n    }\n}\n");
        return builder.ToString();
    }
}
