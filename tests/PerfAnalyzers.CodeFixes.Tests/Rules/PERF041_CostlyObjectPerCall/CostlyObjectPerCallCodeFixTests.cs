using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.CostlyObjectPerCallAnalyzer, PerfAnalyzers.Rules.CostlyObjectPerCallCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class CostlyObjectPerCallCodeFixTests
{
    [Fact]
    public Task RegexInLocal_FieldNamedAfterLocal() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            int Count(string text)
            {
                // digits only
                var digitRuns = {|PERF041:new Regex(@"\d+", RegexOptions.Compiled)|};
                return digitRuns.Matches(text).Count;
            }
        }
        """, """
        using System.Text.RegularExpressions;

        class C
        {
            private static readonly Regex DigitRuns = new Regex(@"\d+", RegexOptions.Compiled);

            int Count(string text)
            {
                // digits only
                var digitRuns = DigitRuns;
                return digitRuns.Matches(text).Count;
            }
        }
        """);

    [Fact]
    public Task RegexWithoutUsing_AddsUsingAndNamesAfterMethod() => VerifyCS.VerifyCodeFixAsync("""
        class C
        {
            private int _calls;

            bool IsSku(string text) => {|PERF041:new System.Text.RegularExpressions.Regex("^[A-Z]{3}$")|}.IsMatch(text);
        }
        """, """
        using System.Text.RegularExpressions;

        class C
        {
            private int _calls;
            private static readonly Regex IsSkuRegex = new System.Text.RegularExpressions.Regex("^[A-Z]{3}$");

            bool IsSku(string text) => IsSkuRegex.IsMatch(text);
        }
        """);

    [Fact]
    public Task JsonOptionsWithInitializer_HoistedWithSettings() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text.Json;

        class C
        {
            string Write(object value)
            {
                return JsonSerializer.Serialize(value, {|PERF041:new JsonSerializerOptions
                {
                    PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                    WriteIndented = true,
                }|});
            }
        }
        """, """
        using System.Text.Json;

        class C
        {
            private static readonly JsonSerializerOptions WriteJsonOptions = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                WriteIndented = true,
            };

            string Write(object value)
            {
                return JsonSerializer.Serialize(value, WriteJsonOptions);
            }
        }
        """);

    [Fact]
    public Task NameTaken_NumberAppended() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            private const string CheckRegex = "taken";

            bool Check(string s) => {|PERF041:new Regex("^a+$")|}.IsMatch(s);
        }
        """, """
        using System.Text.RegularExpressions;

        class C
        {
            private const string CheckRegex = "taken";
            private static readonly Regex CheckRegex2 = new Regex("^a+$");

            bool Check(string s) => CheckRegex2.IsMatch(s);
        }
        """);

    [Fact]
    public Task FixAll_IdenticalConstructionsShareOneField() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            bool First(string s) => {|PERF041:new Regex(@"\s+")|}.IsMatch(s);

            string Second(string s) => {|PERF041:new Regex( @"\s+" )|}.Replace(s, " ");

            bool Third(string s) => {|PERF041:new Regex("^x$")|}.IsMatch(s);
        }
        """, """
        using System.Text.RegularExpressions;

        class C
        {
            private static readonly Regex FirstRegex = new Regex(@"\s+");
            private static readonly Regex ThirdRegex = new Regex("^x$");

            bool First(string s) => FirstRegex.IsMatch(s);

            string Second(string s) => FirstRegex.Replace(s, " ");

            bool Third(string s) => ThirdRegex.IsMatch(s);
        }
        """);

    [Fact]
    public Task ExistingStaticFieldWithSameConstruction_Reused() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            private static readonly Regex Spaces = new Regex(@"\s+");

            string Clean(string s) => {|PERF041:new Regex(@"\s+")|}.Replace(s, " ");
        }
        """, """
        using System.Text.RegularExpressions;

        class C
        {
            private static readonly Regex Spaces = new Regex(@"\s+");

            string Clean(string s) => Spaces.Replace(s, " ");
        }
        """);

    [Fact]
    public Task LocalConstantPattern_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.Text.RegularExpressions;

        class C
        {
            bool Check(string s)
            {
                const string pattern = "^a+$";
                return {|PERF041:new Regex(pattern)|}.IsMatch(s);
            }
        }
        """);

    [Fact]
    public Task ConverterOfMethodTypeParameter_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;

        class C
        {
            string Write<TEnum>(TEnum value) where TEnum : struct, Enum =>
                JsonSerializer.Serialize(value, {|PERF041:new JsonSerializerOptions { Converters = { new JsonStringEnumConverter<TEnum>() } }|});
        }
        """);

    [Fact]
    public Task LambdaInTopLevelStatements_NoFix() => new VerifyCS.Test
    {
        TestCode = """
            using System;
            using System.Text.RegularExpressions;

            Func<string, bool> check = s => {|PERF041:new Regex(@"^\d+$")|}.IsMatch(s);
            Console.WriteLine(check("1"));
            """,
        FixedCode = """
            using System;
            using System.Text.RegularExpressions;

            Func<string, bool> check = s => {|PERF041:new Regex(@"^\d+$")|}.IsMatch(s);
            Console.WriteLine(check("1"));
            """,
        TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
    }.RunAsync();

    [Fact]
    public Task TargetTypedNewInStruct_FieldHasExplicitType() => VerifyCS.VerifyCodeFixAsync("""
        using System.Text.RegularExpressions;

        struct S
        {
            public bool Check(string s)
            {
                Regex words = {|PERF041:new(@"\w+")|};
                return words.IsMatch(s);
            }
        }
        """, """
        using System.Text.RegularExpressions;

        struct S
        {
            private static readonly Regex Words = new(@"\w+");

            public bool Check(string s)
            {
                Regex words = Words;
                return words.IsMatch(s);
            }
        }
        """);
}
