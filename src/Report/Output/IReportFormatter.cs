using System.IO;
using PerfAnalyzers.Report.Model;

namespace PerfAnalyzers.Report.Output;

/// <summary>Renders a report in one output format.</summary>
public interface IReportFormatter
{
    string Name { get; }

    void Write(ReportModel report, Stream stream);
}
