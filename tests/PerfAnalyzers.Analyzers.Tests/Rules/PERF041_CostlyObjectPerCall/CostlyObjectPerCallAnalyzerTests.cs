using Microsoft.CodeAnalysis.Diagnostics;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.CostlyObjectPerCallAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class CostlyObjectPerCallAnalyzerTests
{
    [Fact]
    public Task RegexWithConstantPatternInMethod_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            bool IsSku(string text) => {|PERF041:new Regex(@"^[A-Z]{3}-\d{4}$")|}.IsMatch(text);
        }
        """);

    [Fact]
    public Task CompiledRegexInLocal_DiagnosticMentionsCompiled() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            private const string Pattern = @"\d+";

            int Count(string text)
            {
                var digits = new Regex(Pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
                return digits.Matches(text).Count;
            }
        }
        """, VerifyCS.Diagnostic("PERF041").WithSpan(9, 22, 9, 95).WithArguments("Regex", " (RegexOptions.Compiled emits IL each time)"));

    [Fact]
    public Task RegexWithConstantTimeout_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Text.RegularExpressions;

        class C
        {
            string Clean(string text)
            {
                var spaces = {|PERF041:new Regex(@"\s+", RegexOptions.None, TimeSpan.FromSeconds(1))|};
                return spaces.Replace(text, " ");
            }
        }
        """);

    [Fact]
    public Task RegexInLambda_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Linq;
        using System.Text.RegularExpressions;

        class C
        {
            string[] Codes(string[] lines) => lines.Where(l => {|PERF041:new Regex("^[0-9]+$")|}.IsMatch(l)).ToArray();
        }
        """);

    [Fact]
    public Task RegexInLocalFunction_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            bool Check(string a, string b)
            {
                return Valid(a) && Valid(b);

                static bool Valid(string s) => {|PERF041:new Regex("^[a-z]+$")|}.IsMatch(s);
            }
        }
        """);

    [Fact]
    public Task RegexInExpressionBodiedProperty_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            public Regex Digits => {|PERF041:new Regex(@"\d")|};

            public bool HasDigit(string s) => Digits.IsMatch(s);
        }
        """);

    [Fact]
    public Task RegexPassedToMethod_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            bool Validate(string s) => Matches(s, new Regex("^x+$"));

            static bool Matches(string s, Regex regex) => regex.IsMatch(s);
        }
        """);

    [Fact]
    public Task OptionsWithConstantSettingsPassedToSerializer_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Text.Json.Serialization;

        class C
        {
            string Write(object value) => JsonSerializer.Serialize(value, {|PERF041:new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                WriteIndented = true,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
            }|});
        }
        """);

    [Fact]
    public Task OptionsFromDefaultsInLocal_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.Json;

        class C
        {
            T Read<T>(string json)
            {
                var options = {|PERF041:new JsonSerializerOptions(JsonSerializerDefaults.Web)|};
                var first = JsonSerializer.Deserialize<T>(json, options);
                return options.WriteIndented ? first : JsonSerializer.Deserialize<T>(json, options);
            }
        }
        """);

    [Fact]
    public Task StaticReadonlyFields_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Text.RegularExpressions;

        class C
        {
            private static readonly Regex Digits = new Regex(@"\d+", RegexOptions.Compiled);
            private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { WriteIndented = true };
            private readonly Regex _instance = new Regex("x");
            public static Regex Words { get; } = new Regex(@"\w+");

            bool M(string s) => Digits.IsMatch(s) && Words.IsMatch(s);
        }
        """);

    [Fact]
    public Task StaticConstructor_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            private static readonly Regex Digits;

            static C()
            {
                Digits = new Regex(@"\d+");
            }
        }
        """);

    [Fact]
    public Task InstanceConstructor_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            private readonly Regex _digits;
            private readonly bool _ok;

            public C(string s)
            {
                _digits = new Regex(@"\d+");
                _ok = new Regex("^ok$").IsMatch(s);
            }
        }
        """);

    [Fact]
    public Task LazyAndCoalesceAssignedFields_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Text.Json;
        using System.Text.RegularExpressions;

        class C
        {
            private static readonly Lazy<Regex> Lazy = new Lazy<Regex>(() => new Regex(@"\d+", RegexOptions.Compiled));
            private static JsonSerializerOptions _options;
            private Regex _words;

            JsonSerializerOptions Options => _options ??= new JsonSerializerOptions { WriteIndented = true };

            Regex Words()
            {
                if (_words is null)
                {
                    _words = new Regex(@"\w+");
                }

                return _words;
            }

            Lazy<Regex> Local() => new Lazy<Regex>(() => new Regex("y"));
        }
        """);

    [Fact]
    public Task OptionsMutatedAfterConstruction_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Text.Json.Serialization;

        class C
        {
            string Write(object value, bool indented, JsonConverter custom)
            {
                var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
                options.WriteIndented = indented;
                options.Converters.Add(custom);
                return JsonSerializer.Serialize(value, options);
            }
        }
        """);

    [Fact]
    public Task ArgumentsFromParametersOrConfiguration_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Text.RegularExpressions;

        class Settings
        {
            public string Pattern { get; set; }
            public bool Indent { get; set; }
        }

        class C
        {
            private readonly Settings _settings = new();

            bool Matches(string text, string pattern) => new Regex(pattern).IsMatch(text);

            bool MatchesConfigured(string text) => new Regex(_settings.Pattern, RegexOptions.IgnoreCase).IsMatch(text);

            string Write(object value) => JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = _settings.Indent });

            string Copy(object value, JsonSerializerOptions baseOptions) => JsonSerializer.Serialize(value, new JsonSerializerOptions(baseOptions));
        }
        """);

    [Fact]
    public Task StaticRegexMethods_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            bool M(string s) => Regex.IsMatch(s, @"^\d+$") && Regex.Replace(s, @"\s+", " ").Length > 0 && Regex.Match(s, "a").Success;
        }
        """);

    [Fact]
    public Task FactoryReturningNewInstance_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Text.RegularExpressions;

        static class Factory
        {
            public static Regex CreateSkuRegex() => new Regex(@"^[A-Z]{3}$", RegexOptions.Compiled);

            public static JsonSerializerOptions CreateOptions()
            {
                var options = new JsonSerializerOptions { WriteIndented = true };
                return options;
            }
        }
        """);

    [Fact]
    public Task MainAndTopLevelConfiguration_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Text.RegularExpressions;
        using Microsoft.Extensions.DependencyInjection;

        static class Program
        {
            static void Main(string[] args)
            {
                var regex = new Regex(@"^--\w+$");
                System.Console.WriteLine(regex.IsMatch(args[0]));
            }
        }

        static class ServiceRegistration
        {
            public static IServiceCollection AddSerialization(this IServiceCollection services)
            {
                var options = new JsonSerializerOptions { WriteIndented = true };
                System.Console.WriteLine(JsonSerializer.Serialize(1, options));
                return services;
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_NoDiagnosticButLambdaDiagnostic() => new VerifyCS.Test
    {
        TestCode = """
            using System;
            using System.Text.RegularExpressions;

            var banner = new Regex(@"^\w+$");
            Func<string, bool> check = s => {|PERF041:new Regex(@"^\d+$")|}.IsMatch(s);
            Console.WriteLine(banner.IsMatch("a") && check("1"));
            """,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    [Fact]
    public Task InstanceAddedToCollection_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Text.RegularExpressions;

        class C
        {
            private readonly List<Regex> _rules = new();

            public void AddDefaults()
            {
                _rules.Add(new Regex("^a"));
                var rule = new Regex("^b");
                _rules.Add(rule);
            }
        }
        """);

    [Fact]
    public Task ConverterBuiltFromRuntimeValue_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Text.Json;
        using System.Text.Json.Serialization;

        class C
        {
            string Write(object value, JsonNamingPolicy policy) => JsonSerializer.Serialize(value, new JsonSerializerOptions
            {
                Converters = { new JsonStringEnumConverter(policy) },
            });
        }
        """);

    [Fact]
    public async Task CompilationWithoutRegexOrJson_RegistersNoAction()
    {
        // Only the core library: no System.Net.Http, System.Text.RegularExpressions or System.Text.Json.
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Bare",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class C { object M() => new object(); }")],
            [Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
        var analyzer = new PerfAnalyzers.Rules.CostlyObjectPerCallAnalyzer();
        var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
            new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([]), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers([analyzer], options);
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default);
        Assert.Equal(0, telemetry.OperationActionsCount);
    }
}
