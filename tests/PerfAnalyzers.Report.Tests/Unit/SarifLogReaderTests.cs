using System;
using System.IO;
using System.Linq;
using System.Text;
using PerfAnalyzers.Report.Model;
using PerfAnalyzers.Report.Sarif;
using PerfAnalyzers.Report.Tests.Infrastructure;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class SarifLogReaderTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDirectory("perf-report-sarif");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Source => Path.Combine(_dir, "src", "Csv.cs");

    private CollectedIssues Read(bool peers, params string[] logs)
    {
        var reader = new SarifLogReader(peers, _dir);
        foreach (var log in logs)
        {
            reader.Read(log);
        }

        return reader.Finish();
    }

    [Fact]
    public void RoslynShapedLog_OurResultsWithMemberAndSourceLine()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Source)!);
        File.WriteAllText(Source, "class Csv\n{\n    string Header(string[] c)\n    {\n        var h = \"\"; foreach (var x in c) { h += x; }\n        return h;\n    }\n}\n");
        var log = SarifLogs.Write(_dir, "a.sarif", SarifLogs.Log(SarifLogs.Result("PERF030", Source, 5, "String 'h' is built")));

        var issue = Assert.Single(Read(false, log).Issues);

        Assert.Equal(("PERF030", IssueSeverity.Warning, "String Concatenation", "src/Csv.cs", 5), (issue.RuleId, issue.Severity, issue.Category, issue.FilePath, issue.Line));
        Assert.Equal("Csv.Header(string[])", issue.Member);
        Assert.Contains("h += x;", issue.SourceLine, StringComparison.Ordinal);
    }

    [Fact]
    public void LinesInsertedAboveAndReindented_SameFingerprint()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Source)!);
        const string Body = "class Csv\n{\n    string Header(string[] c)\n    {\n        var h = \"\"; foreach (var x in c) { h += x; }\n        return h;\n    }\n}\n";
        File.WriteAllText(Source, Body);
        var before = Assert.Single(Read(false, SarifLogs.Write(_dir, "before.sarif", SarifLogs.Log(SarifLogs.Result("PERF030", Source, 5, "m")))).Issues);

        File.WriteAllText(Source, "// licence\nusing System;\n\n" + Body.Replace("        var h", "\t\t var  h", StringComparison.Ordinal));
        var after = Assert.Single(Read(false, SarifLogs.Write(_dir, "after.sarif", SarifLogs.Log(SarifLogs.Result("PERF030", Source, 8, "m")))).Issues);

        Assert.NotEqual(before.Line, after.Line);
        Assert.Equal(
            PerfAnalyzers.Report.Baselines.Fingerprint.Compute(before.RuleId, before.FilePath, before.Member, before.SourceLine),
            PerfAnalyzers.Report.Baselines.Fingerprint.Compute(after.RuleId, after.FilePath, after.Member, after.SourceLine));
    }

    [Fact]
    public void TwoLogsWithTheSameResult_MergedOnce()
    {
        var result = SarifLogs.Result("PERF030", Source, 5, "m");
        var a = SarifLogs.Write(_dir, "a.sarif", SarifLogs.Log(result, SarifLogs.Result("PERF030", Source, 9, "m")));
        var b = SarifLogs.Write(_dir, "b.sarif", SarifLogs.Log(result));

        var read = Read(false, a, b);

        Assert.Equal(new[] { 5, 9 }, read.Issues.Select(i => i.Line).OrderBy(l => l));
        Assert.Contains(read.Notes, n => n.StartsWith("1 duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public void SuppressedAndCompilerResults_NotCounted()
    {
        var log = SarifLogs.Write(_dir, "a.sarif", SarifLogs.Log(
            SarifLogs.Result("PERF030", Source, 5, "m", suppressed: true),
            SarifLogs.Result("CS8618", Source, 6, "m")));

        Assert.Empty(Read(true, log).Issues);
    }

    [Fact]
    public void PeerResults_CountedOnlyWithIncludePeers()
    {
        var log = SarifLogs.Write(_dir, "a.sarif", SarifLogs.Log(SarifLogs.Result("CA1845", Source, 5, "m", "note"), SarifLogs.Result("PERF030", Source, 7, "m")));

        var without = Read(false, log);
        var with = Read(true, log);

        Assert.Single(without.Issues);
        Assert.Contains(without.Notes, n => n.Contains("--include-peers", StringComparison.Ordinal));
        var peer = with.Issues.Single(i => i.IsPeer);
        Assert.Equal(("CA1845", "Performance", IssueSeverity.Info), (peer.RuleId, peer.Category, peer.Severity));
    }

    [Theory]
    [InlineData("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[{\"ruleId\": }]}]}", "is not valid JSON at line 1, byte")]
    [InlineData("{\"version\":\"2.1.0\",\n\"runs\":[{\"results\":[{\"ruleId\":\"PERF030\"", "is not valid JSON at line 2")]
    [InlineData("", "is empty")]
    [InlineData("[1,2]", "does not start with a JSON object")]
    [InlineData("{\"version\":\"1.0.0\",\"runs\":[]}", "has version '1.0.0'")]
    [InlineData("{\"name\":\"not sarif\"}", "has no \"runs\" array")]
    public void BadLog_OneLineErrorNamingFileAndPosition(string content, string expected)
    {
        var log = SarifLogs.Write(_dir, "bad.sarif", content);

        var e = Assert.Throws<ReportInputException>(() => Read(false, log));

        Assert.Contains(log, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void LargeLog_StreamedWithSmallBuffer()
    {
        var path = Path.Combine(_dir, "large.sarif");
        var padding = new string('x', 400);
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[");
            for (var i = 0; i < 60_000; i++)
            {
                writer.Write(i == 0 ? "" : ",\n");
                writer.Write(SarifLogs.Result("PERF030", Path.Combine(_dir, "gen", $"F{i % 500}.cs"), i + 1, "m " + padding));
            }

            writer.Write("],\"tool\":{\"driver\":{\"name\":\"csc\"}}}]}");
        }

        var reader = new SarifLogReader(false, _dir);
        reader.Read(path);
        var result = reader.Finish();

        Assert.True(new FileInfo(path).Length > 25_000_000);
        Assert.Equal(60_000, result.Issues.Count);
        Assert.True(reader.LargestBuffer <= 256 * 1024, $"buffer grew to {reader.LargestBuffer} bytes");
    }

    [Fact]
    public void StreamingReader_OneByteReads_SameValues()
    {
        var json = "{\"a\":[{\"x\":1,\"s\":\"é\\u0041\"},{\"x\":2,\"deep\":{\"y\":[1,2,3]}}],\"b\":true}";
        var reader = new StreamingJsonReader(new TrickleStream(Encoding.UTF8.GetBytes(json)));
        var values = new System.Collections.Generic.List<string>();
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal("a", reader.StringValue);
        Assert.True(reader.Read());
        while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.StartObject)
        {
            using var document = reader.ReadValue();
            values.Add(document.RootElement.GetRawText());
        }

        Assert.Equal(new[] { "{\"x\":1,\"s\":\"é\\u0041\"}", "{\"x\":2,\"deep\":{\"y\":[1,2,3]}}" }, values);
        Assert.True(reader.Read());
        Assert.Equal("b", reader.StringValue);
    }

    /// <summary>Returns one byte per read: every token and value crosses a buffer boundary.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }
}
