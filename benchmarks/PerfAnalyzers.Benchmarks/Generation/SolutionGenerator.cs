using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace PerfAnalyzers.Benchmarks.Generation;

/// <summary>
/// Generates a synthetic application of about <c>targetLines</c> lines: modules of repository, controller, service,
/// file-store and report classes, mostly clean, each module holding one smell (rules in turn, the shape drawn from
/// the seeded generator) and one look-alike. Same size and seed, same text, byte for byte.
/// </summary>
public static class SolutionGenerator
{
    public const int DefaultSeed = 20261122;

    public static readonly string[] RuleIds = ["PERF001", "PERF002", "PERF010", "PERF011", "PERF012", "PERF020", "PERF021", "PERF030", "PERF040", "PERF041"];

    private static readonly string[] Areas =
    [
        "Billing", "Catalog", "Shipping", "Inventory", "Customers", "Reporting", "Pricing", "Returns",
        "Loyalty", "Procurement", "Payments", "Warehouse", "Invoicing", "Support", "Marketing", "Fulfillment",
    ];

    /// <param name="firstModule">Where the rules' and look-alikes' turns start: small projects generated with different
    /// values carry different smells, not all the first rule's.</param>
    public static SyntheticSolution Generate(int targetLines, int seed = DefaultSeed, bool includeDataAccess = true, int firstModule = 0)
    {
        var random = new Random(seed);
        var expected = RuleIds.ToDictionary(id => id, _ => 0, StringComparer.Ordinal);
        var files = new List<GeneratedFile>
        {
            new("Shared/Common.cs", SharedModel.Usings + SharedModel.Common),
        };
        if (includeDataAccess)
        {
            files.Add(new("Shared/Model.cs", SharedModel.Usings + SharedModel.DataUsings + SharedModel.Model));
        }

        var smells = SmellTemplates.All.Where(s => includeDataAccess || !s.NeedsData).ToArray();
        var rules = RuleIds.Where(id => smells.Any(s => s.RuleId == id)).ToArray();
        var lookAlikes = SmellTemplates.LookAlikes.Where(l => includeDataAccess || !l.Template.NeedsData).ToArray();
        var kinds = includeDataAccess
            ? new[] { ClassKind.Repository, ClassKind.Controller, ClassKind.Service, ClassKind.FileStore, ClassKind.ReportBuilder }
            : new[] { ClassKind.Service, ClassKind.FileStore, ClassKind.ReportBuilder };

        var lines = files.Sum(f => f.Lines);
        for (var module = 0; lines < targetLines; module++)
        {
            var name = Areas[module % Areas.Length] + (module / Areas.Length + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var methods = kinds.ToDictionary(k => k, _ => new List<string>());
            foreach (var kind in kinds)
            {
                var pool = CleanPool(kind);
                var count = random.Next(3, 8);
                for (var i = 0; i < count; i++)
                {
                    methods[kind].Add(pool[random.Next(pool.Length)].Code);
                }
            }

            var rule = rules[(module + firstModule) % rules.Length];
            var shapes = smells.Where(s => s.RuleId == rule).ToArray();
            var smell = shapes[random.Next(shapes.Length)];
            Insert(methods[smell.Kind], smell.Code, random);
            expected[rule]++;

            var lookAlike = lookAlikes[(module + firstModule) % lookAlikes.Length];
            Insert(methods[lookAlike.Kind], lookAlike.Template.Code, random);

            foreach (var kind in kinds)
            {
                var file = new GeneratedFile($"{name}/{name}{kind}.cs", RenderClass(name, kind, methods[kind], includeDataAccess));
                files.Add(file);
                lines += file.Lines;
            }
        }

        return new SyntheticSolution($"synthetic-{targetLines}", includeDataAccess, files, expected);
    }

    private static MethodTemplate[] CleanPool(ClassKind kind) => kind switch
    {
        ClassKind.Repository => CleanTemplates.Repository,
        ClassKind.Controller => CleanTemplates.Controller,
        ClassKind.Service => CleanTemplates.Service,
        ClassKind.FileStore => CleanTemplates.FileStore,
        _ => CleanTemplates.ReportBuilder,
    };

    private static void Insert(List<string> methods, string code, Random random) => methods.Insert(random.Next(methods.Count + 1), code);

    private static string RenderClass(string module, ClassKind kind, List<string> methods, bool includeDataAccess)
    {
        var className = module + kind;
        var sb = new StringBuilder();
        sb.Append(SharedModel.Usings);
        if (includeDataAccess)
        {
            sb.Append(SharedModel.DataUsings);
        }

        sb.Append("namespace Synthetic.App.").Append(module).Append(";\n\n");
        sb.Append("public class ").Append(className).Append(kind == ClassKind.Controller ? " : ApiController\n" : "\n").Append("{\n");
        if (includeDataAccess)
        {
            sb.Append("    protected readonly ShopContext db;\n    protected readonly DbConnection connection;\n");
        }

        sb.Append("    protected readonly string root;\n\n");
        sb.Append("    public ").Append(className).Append(includeDataAccess ? "(ShopContext db, DbConnection connection, string root)\n" : "(string root)\n");
        sb.Append("    {\n");
        if (includeDataAccess)
        {
            sb.Append("        this.db = db;\n        this.connection = connection;\n");
        }

        sb.Append("        this.root = root;\n    }\n");
        for (var i = 0; i < methods.Count; i++)
        {
            sb.Append('\n');
            var code = methods[i].Replace("$K$", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            foreach (var line in code.Split('\n'))
            {
                var trimmed = line.TrimEnd('\r');
                if (trimmed.Length > 0)
                {
                    sb.Append("    ").Append(trimmed);
                }

                sb.Append('\n');
            }
        }

        sb.Append("}\n");
        return sb.ToString();
    }
}
