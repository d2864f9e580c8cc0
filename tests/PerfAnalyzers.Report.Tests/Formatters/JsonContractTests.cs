using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using PerfAnalyzers.Report.Baselines;
using PerfAnalyzers.Report.Json;
using PerfAnalyzers.Report.Output;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Formatters;

/// <summary>The typed JSON contract and the published schema describe the same document.</summary>
public sealed class JsonContractTests
{
    private static readonly JsonObject Schema = JsonNode.Parse(File.ReadAllText(TestPaths.ReportSchema))!.AsObject();

    [Fact]
    public void EveryContractPropertyIsInTheSchema_AndEverySchemaRequiredPropertyIsInTheContract()
    {
        var problems = new List<string>();
        Compare(PerfReportJsonContext.Default.PerfReportDocument, Schema, "$", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void BaselineReader_ReadsBackWhatTheWriterWrote()
    {
        var report = SampleReports.Model();
        var path = Path.Combine(TestPaths.NewTempDirectory("perf-report-contract"), "report.json");
        File.WriteAllText(path, SampleReports.Render(new JsonReportWriter(), report));

        var read = BaselineReader.Read(path);

        Assert.Equal(report.Issues.Select(i => i with { Baseline = default }), read);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    private static void Compare(JsonTypeInfo type, JsonObject schema, string at, List<string> problems)
    {
        schema = Resolve(schema);
        if (type.Kind == JsonTypeInfoKind.Enumerable)
        {
            if (schema["items"] is JsonObject items)
            {
                Compare(type.Options.GetTypeInfo(type.ElementType!), items, at + "[]", problems);
            }

            return;
        }

        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var properties = schema["properties"]?.AsObject() ?? new JsonObject();
        var names = type.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!names.Contains(required))
            {
                problems.Add($"{at}.{required}: required by the schema, missing from {type.Type.Name}");
            }
        }

        foreach (var property in type.Properties)
        {
            if (properties[property.Name] is not JsonObject propertySchema)
            {
                problems.Add($"{at}.{property.Name}: in {type.Type.Name}, not in the schema");
                continue;
            }

            Compare(type.Options.GetTypeInfo(property.PropertyType), propertySchema, at + "." + property.Name, problems);
        }
    }

    /// <summary>Follows <c>$ref</c> and picks the object branch of a nullable <c>oneOf</c>.</summary>
    private static JsonObject Resolve(JsonObject schema)
    {
        if (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            var node = (JsonNode)Schema;
            foreach (var part in reference.TrimStart('#', '/').Split('/'))
            {
                node = node[part]!;
            }

            return Resolve(node.AsObject());
        }

        if (schema["oneOf"] is JsonArray choices)
        {
            return choices.Select(c => c!.AsObject()).FirstOrDefault(c => c["type"]?.GetValue<string>() != "null") is { } choice ? Resolve(choice) : schema;
        }

        return schema;
    }
}
