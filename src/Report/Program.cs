using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PerfAnalyzers.Report.Cli;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Output;

namespace PerfAnalyzers.Report;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            return await ReportCommand.RunAsync(args, Console.Out, Console.Error, Directory.GetCurrentDirectory(), cancellation.Token).ConfigureAwait(false);
        }
        catch (ReportInputException e)
        {
            Console.Error.WriteLine("perf-report: error: " + TextSanitizer.ForTerminal(e.Message));
            return ReportCommand.ExitUsage;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("perf-report: cancelled; no report written");
            return ReportCommand.ExitUsage;
        }
        catch (Exception e)
        {
            // A defect, not bad input: still one line, with enough to file an issue.
            Console.Error.WriteLine($"perf-report: error: unexpected {e.GetType().Name}: {TextSanitizer.ForTerminal(e.Message)}");
            return ReportCommand.ExitUsage;
        }
    }
}
