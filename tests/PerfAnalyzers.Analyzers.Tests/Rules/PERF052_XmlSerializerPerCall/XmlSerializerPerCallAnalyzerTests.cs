using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.XmlSerializerPerCallAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class XmlSerializerPerCallAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.IO;
        using System.Xml.Serialization;

        public class Order { public int Id { get; set; } }
        public class Line { public int Id { get; set; } }

        """;

    private static Task Verify(string source) => VerifyCS.VerifyAnalyzerAsync(Usings + source);

    [Fact]
    public Task RootAttributeOverloadInMethod_Diagnostic() => Verify("""
        class C
        {
            object Read(Stream s) => {|PERF052:new XmlSerializer(typeof(Order), new XmlRootAttribute("order"))|}.Deserialize(s);
        }
        """);

    [Fact]
    public Task ExtraTypesOverloadInLoop_Diagnostic() => Verify("""
        class C
        {
            void Write(Stream s, List<Order> orders)
            {
                foreach (var order in orders)
                {
                    var serializer = {|PERF052:new XmlSerializer(typeof(Order), new[] { typeof(Line) })|};
                    serializer.Serialize(s, order);
                }
            }
        }
        """);

    [Fact]
    public Task OverridesOverloadInLambda_Diagnostic() => Verify("""
        class C
        {
            Func<Stream, object> Reader(XmlAttributeOverrides overrides) => s => {|PERF052:new XmlSerializer(typeof(Order), overrides)|}.Deserialize(s);
        }
        """);

    [Fact]
    public Task TypeOnlyOverload_NoDiagnostic() => Verify("""
        class C
        {
            object Read(Stream s) => new XmlSerializer(typeof(Order)).Deserialize(s);
        }
        """);

    [Fact]
    public Task TypeAndDefaultNamespaceOverload_NoDiagnostic() => Verify("""
        class C
        {
            object Read(Stream s) => new XmlSerializer(typeof(Order), "urn:shop").Deserialize(s);
        }
        """);

    [Fact]
    public Task StaticFieldInitializer_NoDiagnostic() => Verify("""
        class C
        {
            private static readonly XmlSerializer Serializer = new XmlSerializer(typeof(Order), new XmlRootAttribute("order"));
        }
        """);

    [Fact]
    public Task StaticConstructor_NoDiagnostic() => Verify("""
        class C
        {
            private static readonly XmlSerializer Serializer;
            static C() { Serializer = new XmlSerializer(typeof(Order), new XmlRootAttribute("order")); }
        }
        """);

    [Fact]
    public Task InstanceConstructorOfService_NoDiagnostic() => Verify("""
        class C
        {
            private readonly XmlSerializer _serializer;
            public C(XmlRootAttribute root) { _serializer = new XmlSerializer(typeof(Order), root); }
        }
        """);

    [Fact]
    public Task ConcurrentDictionaryGetOrAdd_NoDiagnostic() => Verify("""
        class C
        {
            private static readonly ConcurrentDictionary<string, XmlSerializer> Cache = new();
            XmlSerializer For(string root) => Cache.GetOrAdd(root, r => new XmlSerializer(typeof(Order), new XmlRootAttribute(r)));
        }
        """);

    [Fact]
    public Task CoalesceAssignedToField_NoDiagnostic() => Verify("""
        class C
        {
            private static XmlSerializer _serializer;
            XmlSerializer Get() => _serializer ??= new XmlSerializer(typeof(Order), new XmlRootAttribute("order"));
        }
        """);

    [Fact]
    public Task LocalStoredInFieldDictionary_NoDiagnostic() => Verify("""
        class C
        {
            private static readonly Dictionary<string, XmlSerializer> Cache = new();
            XmlSerializer For(string root)
            {
                if (!Cache.TryGetValue(root, out var serializer))
                {
                    serializer = new XmlSerializer(typeof(Order), new XmlRootAttribute(root));
                    Cache[root] = serializer;
                }

                return serializer;
            }
        }
        """);

    [Fact]
    public Task DeclaredLocalStoredInFieldDictionary_NoDiagnostic() => Verify("""
        class C
        {
            private static readonly Dictionary<string, XmlSerializer> Cache = new();
            void Add(string root)
            {
                var serializer = new XmlSerializer(typeof(Order), new XmlRootAttribute(root));
                Cache.Add(root, serializer);
            }
        }
        """);

    [Fact]
    public Task LazyFactory_NoDiagnostic() => Verify("""
        class C
        {
            private readonly Lazy<XmlSerializer> _serializer = new(() => new XmlSerializer(typeof(Order), new XmlRootAttribute("order")));
            private static Lazy<XmlSerializer> Make() => new Lazy<XmlSerializer>(() => new XmlSerializer(typeof(Order), new XmlRootAttribute("order")));
        }
        """);

    [Fact]
    public Task StraightLineMain_NoDiagnostic() => Verify("""
        class Program
        {
            static void Main()
            {
                var serializer = new XmlSerializer(typeof(Order), new XmlRootAttribute("order"));
                serializer.Serialize(Console.Out, new Order());
            }
        }
        """);

    [Fact]
    public Task LocalAssignedToLocalOnly_Diagnostic() => Verify("""
        class C
        {
            private readonly Dictionary<string, XmlSerializer> _seen = new();
            object Read(Stream s, string root)
            {
                XmlSerializer serializer;
                serializer = {|PERF052:new XmlSerializer(typeof(Order), new XmlRootAttribute(root))|};
                return serializer.Deserialize(s);
            }
        }
        """);
}
