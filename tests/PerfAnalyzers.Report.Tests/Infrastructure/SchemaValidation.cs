using System.Linq;
using NJsonSchema;

namespace PerfAnalyzers.Report.Tests.Infrastructure;

/// <summary>Validates documents against the SARIF 2.1.0 schema (shipped under Schemas/) and the perf-report schema.</summary>
public static class SchemaValidation
{
    private static readonly JsonSchema Sarif = JsonSchema.FromFileAsync(TestPaths.SchemaFile("sarif-2.1.0.json")).GetAwaiter().GetResult();
    private static readonly JsonSchema PerfReport = JsonSchema.FromFileAsync(TestPaths.ReportSchema).GetAwaiter().GetResult();

    public static void AssertValidSarif(string json) => AssertValid(Sarif, json);

    public static void AssertValidReport(string json) => AssertValid(PerfReport, json);

    private static void AssertValid(JsonSchema schema, string json)
    {
        var errors = schema.Validate(json);
        Assert.True(errors.Count == 0, "schema validation failed:\n" + string.Join("\n", errors.Take(20).Select(e => $"{e.Path}: {e.Kind} ({e.Property})")));
    }
}
