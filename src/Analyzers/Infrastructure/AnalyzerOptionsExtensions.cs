using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Reads rule options from .editorconfig in the ecosystem's key convention: <c>dotnet_code_quality.PERF020.max_loop_depth = 3</c>.</summary>
internal static class AnalyzerOptionsExtensions
{
    /// <summary>A positive integer option; a missing or malformed value gives <paramref name="defaultValue"/>.</summary>
    public static int GetPositiveInt32Option(this AnalyzerOptions options, SyntaxTree tree, string ruleId, string optionName, int defaultValue)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        if ((config.TryGetValue("dotnet_code_quality." + ruleId + "." + optionName, out var text)
                || config.TryGetValue("dotnet_code_quality." + optionName, out text))
            && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value > 0)
        {
            return value;
        }

        return defaultValue;
    }
}
