using System;
using System.Threading.Tasks;

namespace PerfAnalyzers.Benchmarks;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await Commands.RunAsync(CommandLine.Parse(args));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }
    }
}
