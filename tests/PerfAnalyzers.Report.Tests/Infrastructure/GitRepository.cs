using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace PerfAnalyzers.Report.Tests.Infrastructure;

/// <summary>A real git repository made by a test in a temporary folder: commits by named authors, and SARIF logs of findings in its files.</summary>
public sealed class GitRepository : IDisposable
{
    public GitRepository(string prefix = "perf-report-git")
    {
        Directory = TestPaths.NewTempDirectory(prefix);
        Git("init", "-q", "-b", "main");
        Git("config", "commit.gpgsign", "false");
    }

    public string Directory { get; }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    /// <summary>Writes the files (relative path → content) and commits them as the author.</summary>
    public void Commit(string author, string message, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = PathOf(path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
            Git("add", path);
        }

        CommitStaged(author, message);
    }

    public void CommitStaged(string author, string message)
    {
        var env = new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = author,
            ["GIT_AUTHOR_EMAIL"] = author + "@example.com",
            ["GIT_COMMITTER_NAME"] = author,
            ["GIT_COMMITTER_EMAIL"] = author + "@example.com",
        };
        var run = ProcessRunner.Run("git", Directory, env, new[] { "commit", "-q", "--allow-empty", "-m", message });
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    public string Git(params string[] args)
    {
        var run = ProcessRunner.Run("git", Directory, null, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.StdOut;
    }

    /// <summary>A SARIF 2.1 log with one result per (rule, level, file, line), as a build would write it.</summary>
    public string WriteSarif(string name, params (string Rule, string Level, string File, int Line)[] results)
    {
        var log = new JsonObject
        {
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject { ["driver"] = new JsonObject { ["name"] = "PerfAnalyzers" } },
                ["results"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
                {
                    ["ruleId"] = r.Rule,
                    ["level"] = r.Level,
                    ["message"] = new JsonObject { ["text"] = r.Rule + " in " + Path.GetFileName(r.File) + " line " + r.Line },
                    ["locations"] = new JsonArray(new JsonObject
                    {
                        ["physicalLocation"] = new JsonObject
                        {
                            ["artifactLocation"] = new JsonObject { ["uri"] = new Uri(PathOf(r.File)).AbsoluteUri },
                            ["region"] = new JsonObject { ["startLine"] = r.Line, ["startColumn"] = 9 },
                        },
                    }),
                }).ToArray()),
            }),
        };
        var path = PathOf(name);
        File.WriteAllText(path, log.ToJsonString());
        return path;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
