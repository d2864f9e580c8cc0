using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF052: <c>new XmlSerializer(…)</c> with a constructor other than <c>(Type)</c> and <c>(Type, string)</c>, the only
/// two the framework caches, in code that runs on every call (a method, accessor, lambda or local function). Each such
/// construction generates and loads a serialization assembly that is never unloaded. Constructors and field or
/// property initializers (run once per object or once per type), and serializers kept in a field or in a
/// cache (<c>??=</c> into a field, <c>ConcurrentDictionary.GetOrAdd</c>, <c>Lazy&lt;T&gt;</c>, a dictionary held in a
/// field) are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class XmlSerializerPerCallAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property present when every argument is a compile-time constant, so the construction can be hoisted into a static field.</summary>
    public const string HoistableKey = "Hoistable";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.XmlSerializerPerCall);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = WellKnownTypeProvider.GetOrCreate(start.Compilation);
            if (types.Get("System.Xml.Serialization.XmlSerializer") is not { } serializer)
            {
                return;
            }

            // The cache shapes' types are looked up when the first serializer construction reaches that test.
            var caches = new System.Lazy<SerializerCaches>(() => new SerializerCaches(types));
            start.RegisterOperationAction(ctx => AnalyzeCreation(ctx, serializer, caches), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeCreation(OperationAnalysisContext context, INamedTypeSymbol serializer, System.Lazy<SerializerCaches> caches)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Constructor is not { } constructor
            || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, serializer)
            || IsCachedByFramework(constructor)
            || !RunsOnEveryCall(context.ContainingSymbol)
            || RunsOnceAtStartup(creation, context.ContainingSymbol)
            || caches.Value.IsCached(creation, context.CancellationToken))
        {
            return;
        }

        var properties = SerializerArguments.AreConstant(creation)
            ? ImmutableDictionary<string, string?>.Empty.Add(HoistableKey, "true")
            : ImmutableDictionary<string, string?>.Empty;
        context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.XmlSerializerPerCall, creation.Syntax.GetLocation(), properties));
    }

    /// <summary><c>XmlSerializer(Type)</c> and <c>XmlSerializer(Type, string)</c> reuse one generated assembly per type (and namespace); so does the parameterless one of derived serializers.</summary>
    private static bool IsCachedByFramework(IMethodSymbol constructor)
    {
        // System.Type compared by name: a constructor's own parameter types need no lookup.
        var parameters = constructor.Parameters;
        return parameters.Length == 0
            || (SymbolRelations.IsType(parameters[0].Type, "System", "Type")
                && (parameters.Length == 1 || (parameters.Length == 2 && parameters[1].Type.SpecialType == SpecialType.System_String)));
    }

    /// <summary>
    /// Methods, accessors, operators and their lambdas and local functions run on every call. Constructors and
    /// field or property initializers (the containing symbol is then the field, property or constructor) run once per
    /// object or once per type: a singleton's serializer is built once.
    /// </summary>
    /// <summary>Straight-line code of <c>Main</c> or top-level statements runs once per process.</summary>
    private static bool RunsOnceAtStartup(IOperation creation, ISymbol containingSymbol)
    {
        if (containingSymbol is not IMethodSymbol { IsStatic: true, Name: "Main" or "<Main>$" })
        {
            return false;
        }

        for (var current = creation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return true;
    }

    private static bool RunsOnEveryCall(ISymbol containingSymbol) =>
        containingSymbol is IMethodSymbol { MethodKind: not (MethodKind.Constructor or MethodKind.StaticConstructor) };
}
