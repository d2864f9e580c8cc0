using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace PerfAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Loads analyzer assemblies (a peer package, or another build of PerfAnalyzers) beside the host's: their own
/// dependencies come from their folders; the compiler and framework assemblies from the host.
/// </summary>
internal sealed class AnalyzerLoadContext(string[] directories) : AssemblyLoadContext(isCollectible: false)
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || IsSharedWithHost(assemblyName.Name))
        {
            return null;
        }

        foreach (var directory in directories)
        {
            var candidate = Path.Combine(directory, assemblyName.Name + ".dll");
            if (File.Exists(candidate))
            {
                return LoadFromAssemblyPath(candidate);
            }
        }

        return null;
    }

    /// <summary>The compiler and framework assemblies: one copy, the host's, or the analyzer types would not match.</summary>
    private static bool IsSharedWithHost(string name) =>
        name is "Microsoft.CodeAnalysis" or "Microsoft.CodeAnalysis.CSharp" or "Microsoft.CodeAnalysis.Workspaces" or "Microsoft.CodeAnalysis.CSharp.Workspaces"
        || name.StartsWith("System.", StringComparison.Ordinal);
}
