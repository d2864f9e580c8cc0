using System.IO;
using System.Text;

namespace PerfAnalyzers.Report.Tests.Infrastructure;

/// <summary>SARIF 2.1 logs shaped like the compiler's (results before the tool section).</summary>
public static class SarifLogs
{
    public static string Result(string ruleId, string file, int line, string message, string level = "warning", bool suppressed = false)
    {
        var uri = new System.Uri(file).AbsoluteUri;
        var suppressions = suppressed ? ",\"suppressions\":[{\"kind\":\"inSource\"}]" : "";
        return "{\"ruleId\":\"" + ruleId + "\",\"level\":\"" + level + "\",\"message\":{\"text\":\"" + message + "\"},"
            + "\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"" + uri + "\"},"
            + "\"region\":{\"startLine\":" + line + ",\"startColumn\":13,\"endLine\":" + line + ",\"endColumn\":27}}}]" + suppressions + "}";
    }

    public static string Log(params string[] results) =>
        """{"$schema":"http://json.schemastore.org/sarif-2.1.0","version":"2.1.0","runs":[{"results":[""" + string.Join(",\n", results) + """
        ],"tool":{"driver":{"name":"Microsoft (R) Visual C# Compiler","rules":[
        {"id":"PERF030","shortDescription":{"text":"String concatenation inside a loop"},"helpUri":"https://github.com/perfanalyzers/perfanalyzers/blob/main/docs/rules/PERF030.md","properties":{"category":"String Concatenation"}},
        {"id":"CA1845","shortDescription":{"text":"Use span-based 'string.Concat'"},"properties":{"category":"Performance"}},
        {"id":"CS8618","properties":{"category":"Compiler"}}]}},"columnKind":"utf16CodeUnits"}]}
        """;

    public static string Write(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
