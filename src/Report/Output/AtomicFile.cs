using System;
using System.IO;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>Writes a file completely or not at all: to a temporary file beside the target, then renamed over it.</summary>
public static class AtomicFile
{
    /// <summary>Fails early (before any analysis) when the output folder is missing.</summary>
    public static void CheckWritable(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ReportInputException($"output '{path}' is a folder; give a file name");
        }

        var directory = Path.GetDirectoryName(full);
        if (directory is null || !Directory.Exists(directory))
        {
            throw new ReportInputException($"output folder '{Path.GetDirectoryName(path)}' does not exist (for output '{path}')");
        }
    }

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new ReportInputException($"cannot write output '{path}': {(e is UnauthorizedAccessException ? "access denied" : e.Message)}");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
