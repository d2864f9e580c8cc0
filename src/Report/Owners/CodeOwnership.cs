using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Owners;

/// <summary>
/// Owners of the reported files from the repository's CODEOWNERS (the usual places, or the file given). The
/// repository root is the nearest folder above the report root holding .git; without one, the report root.
/// </summary>
public static class CodeOwnership
{
    public static (IReadOnlyDictionary<string, IReadOnlyList<string>>? OwnersByFile, IReadOnlyList<string> Warnings) Read(string reportRoot, string? codeOwnersFile, IEnumerable<string> issueFiles)
    {
        var repoRoot = RepositoryRoot(reportRoot);
        var path = codeOwnersFile is null ? CodeOwnersFile.Find(repoRoot) : Path.GetFullPath(codeOwnersFile, reportRoot);
        if (path is null)
        {
            return (null, Array.Empty<string>());
        }

        if (!File.Exists(path))
        {
            throw new ReportInputException($"--codeowners file '{codeOwnersFile}' does not exist");
        }

        var file = CodeOwnersFile.Parse(File.ReadAllText(path), Path.GetRelativePath(reportRoot, path).Replace('\\', '/'));
        var owners = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var issueFile in issueFiles.Distinct(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(repoRoot, Path.GetFullPath(issueFile, reportRoot)).Replace('\\', '/');
            owners[issueFile] = file.OwnersOf(relative);
        }

        return (owners, file.Warnings);
    }

    /// <summary>Whether the owner (with or without its leading '@', any case) owns the file; "(no owner)" selects unowned files.</summary>
    public static bool IsOwnedBy(IReadOnlyDictionary<string, IReadOnlyList<string>> ownersByFile, string filePath, string owner)
    {
        var owners = ownersByFile.TryGetValue(filePath, out var o) ? o : Array.Empty<string>();
        if (string.Equals(owner, OwnerRow.NoOwner, StringComparison.OrdinalIgnoreCase))
        {
            return owners.Count == 0;
        }

        var wanted = owner.TrimStart('@');
        return owners.Any(x => string.Equals(x.TrimStart('@'), wanted, StringComparison.OrdinalIgnoreCase));
    }

    private static string RepositoryRoot(string reportRoot)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(reportRoot)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return Path.GetFullPath(reportRoot);
    }
}
