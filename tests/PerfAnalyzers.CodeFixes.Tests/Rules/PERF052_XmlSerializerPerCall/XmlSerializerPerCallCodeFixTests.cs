using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.XmlSerializerPerCallAnalyzer, PerfAnalyzers.Rules.XmlSerializerPerCallCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class XmlSerializerPerCallCodeFixTests
{
    private const string Model = """

        public class Order { public int Id { get; set; } }
        public class Line { public int Id { get; set; } }
        """;

    [Fact]
    public Task ConstantRootAttribute_HoistedIntoStaticField() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Xml.Serialization;

        class C
        {
            private readonly string _name = "c";

            object Read(Stream s)
            {
                // Parse the order.
                return {|PERF052:new XmlSerializer(typeof(Order), new XmlRootAttribute("order"))|}.Deserialize(s);
            }
        }
        """ + Model, """
        using System.IO;
        using System.Xml.Serialization;

        class C
        {
            private readonly string _name = "c";
            private static readonly XmlSerializer OrderSerializer = new XmlSerializer(typeof(Order), new XmlRootAttribute("order"));

            object Read(Stream s)
            {
                // Parse the order.
                return OrderSerializer.Deserialize(s);
            }
        }
        """ + Model);

    [Fact]
    public Task FixAll_SameConstructionSharesOneField() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Xml.Serialization;

        class C
        {
            object Read(Stream s) => {|PERF052:new XmlSerializer(typeof(Order), new XmlRootAttribute("order"))|}.Deserialize(s);

            void Write(Stream s, Order o) => {|PERF052:new XmlSerializer(typeof(Order), new XmlRootAttribute("order"))|}.Serialize(s, o);

            void WriteLines(Stream s, Line[] lines) => {|PERF052:new XmlSerializer(typeof(Line[]), new[] { typeof(Order) })|}.Serialize(s, lines);
        }
        """ + Model, """
        using System.IO;
        using System.Xml.Serialization;

        class C
        {
            private static readonly XmlSerializer OrderSerializer = new XmlSerializer(typeof(Order), new XmlRootAttribute("order"));
            private static readonly XmlSerializer LineArraySerializer = new XmlSerializer(typeof(Line[]), new[] { typeof(Order) });

            object Read(Stream s) => OrderSerializer.Deserialize(s);

            void Write(Stream s, Order o) => OrderSerializer.Serialize(s, o);

            void WriteLines(Stream s, Line[] lines) => LineArraySerializer.Serialize(s, lines);
        }
        """ + Model);

    [Fact]
    public Task NameTakenByLocal_NumberedName() => VerifyCS.VerifyCodeFixAsync("""
        using System.IO;
        using System.Xml.Serialization;

        class C
        {
            void Write(Stream s, Order o)
            {
                var OrderSerializer = 1;
                {|PERF052:new XmlSerializer(typeof(Order), new XmlRootAttribute { ElementName = "order" })|}.Serialize(s, o);
            }
        }
        """ + Model, """
        using System.IO;
        using System.Xml.Serialization;

        class C
        {
            private static readonly XmlSerializer OrderSerializer2 = new XmlSerializer(typeof(Order), new XmlRootAttribute { ElementName = "order" });

            void Write(Stream s, Order o)
            {
                var OrderSerializer = 1;
                OrderSerializer2.Serialize(s, o);
            }
        }
        """ + Model);

    [Fact]
    public Task RootFromParameter_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.IO;
        using System.Xml.Serialization;

        class C
        {
            object Read(Stream s, string root) => {|PERF052:new XmlSerializer(typeof(Order), new XmlRootAttribute(root))|}.Deserialize(s);
        }
        """ + Model);

    [Fact]
    public Task MethodTypeParameter_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.IO;
        using System.Xml.Serialization;

        class C
        {
            T Read<T>(Stream s) => (T){|PERF052:new XmlSerializer(typeof(T), new XmlRootAttribute("item"))|}.Deserialize(s);
        }
        """ + Model);
}
