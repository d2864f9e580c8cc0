using System;

namespace PerfAnalyzers.Report.Model;

/// <summary>Bad usage or unusable input: printed as one line, exit code 2, never a stack trace.</summary>
public sealed class ReportInputException : Exception
{
    public ReportInputException(string message)
        : base(message)
    {
    }
}
