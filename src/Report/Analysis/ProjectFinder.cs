using System.Collections.Concurrent;
using System.IO;
using System.Linq;

namespace PerfAnalyzers.Report.Analysis;

/// <summary>Attributes a source file to the nearest project file above it (SARIF logs do not name projects).</summary>
public sealed class ProjectFinder
{
    private readonly ConcurrentDictionary<string, string> _byDirectory = new(System.StringComparer.Ordinal);

    public string Find(string filePath)
    {
        var directory = Path.GetDirectoryName(filePath);
        return directory is null ? "" : FindIn(directory);
    }

    private string FindIn(string directory) => _byDirectory.GetOrAdd(directory, d =>
    {
        try
        {
            var project = Directory.Exists(d) ? Directory.EnumerateFiles(d, "*.csproj").OrderBy(p => p, System.StringComparer.Ordinal).FirstOrDefault() : null;
            if (project is not null)
            {
                return Path.GetFileNameWithoutExtension(project);
            }
        }
        catch (IOException)
        {
        }
        catch (System.UnauthorizedAccessException)
        {
        }

        var parent = Path.GetDirectoryName(d);
        return parent is null ? "" : FindIn(parent);
    });
}
