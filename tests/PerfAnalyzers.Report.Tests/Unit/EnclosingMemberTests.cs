using Microsoft.CodeAnalysis.CSharp;
using PerfAnalyzers.Report.Analysis;

namespace PerfAnalyzers.Report.Tests.Unit;

public sealed class EnclosingMemberTests
{
    private static string At(string code, string marker)
    {
        var tree = CSharpSyntaxTree.ParseText(code);
        return EnclosingMember.Find(tree.GetRoot(), code.IndexOf(marker, System.StringComparison.Ordinal));
    }

    [Fact]
    public void MethodInNestedGenericType_QualifiedWithParameterTypes() =>
        Assert.Equal("Outer.Inner`1.Load(int, List<string>)", At("namespace N; class Outer { class Inner<T> { void Load(int id, List< string > names) { HERE(); } } }", "HERE"));

    [Fact]
    public void Constructor_NamedCtor() => Assert.Equal("C..ctor(int)", At("class C { C(int x) { HERE(); } }", "HERE"));

    [Fact]
    public void PropertyAccessor_NamedForProperty() => Assert.Equal("C.Name", At("class C { string Name { get { return HERE; } } }", "HERE"));

    [Fact]
    public void LocalFunction_NamedForContainingMethod() => Assert.Equal("C.M()", At("class C { void M() { void Local() { HERE(); } } }", "HERE"));

    [Fact]
    public void TopLevelStatement_TopLevel() => Assert.Equal(EnclosingMember.TopLevel, At("var x = 1; HERE();", "HERE"));
}
