using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Benchmarks.Reporting;

/// <summary>Where and with what the numbers were taken.</summary>
public static class MachineInfo
{
    /// <summary>The 1, 5 and 15-minute load averages, or "unknown".</summary>
    public static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static string Describe()
    {
        var cpu = "unknown CPU";
        try
        {
            if (File.Exists("/proc/cpuinfo"))
            {
                cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
            }
        }
        catch (IOException)
        {
            // The description is informative only.
        }

        var load = "";
        try
        {
            if (File.Exists("/proc/loadavg"))
            {
                load = "; load average at the end " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (other builds share the machine)";
            }
        }
        catch (IOException)
        {
            // Informative only.
        }

        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{cpu}, {Environment.ProcessorCount} logical cores, {memory:N0} GiB; {RuntimeInformation.OSDescription}; "
            + $"{RuntimeInformation.FrameworkDescription}; Roslyn {typeof(Compilation).Assembly.GetName().Version}; "
            + $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{load}";
    }
}
