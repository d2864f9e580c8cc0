using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF011: a lazy-loadable navigation of an entity read inside a loop (or per-element lambda) over the results of an
/// EF Core query that does not include it. Each first read per entity is one query.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LazyNavigationInLoopAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the navigation names from the queried entity to the reported one, '.'-separated.</summary>
    public const string PathProperty = "Path";

    /// <summary>Diagnostic property: one lambda parameter name per path step, '.'-separated.</summary>
    public const string ParametersProperty = "Parameters";

    /// <summary>Diagnostic property: the path loaded by the Include/ThenInclude calls right before the insertion point.</summary>
    public const string TrailingIncludeProperty = "TrailingInclude";

    private static readonly SyntaxFactCache<bool> LoadStateReaders = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.LazyNavigationInLoop);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            if (DataAccessTypes.Create(start.Compilation) is not { HasEntityFramework: true } types)
            {
                return;
            }

            var model = new EntityModel(start.Compilation, types);
            start.RegisterOperationAction(ctx => Analyze(ctx, types, model), OperationKind.PropertyReference);
        });
    }

    private static void Analyze(OperationAnalysisContext context, DataAccessTypes types, EntityModel model)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        var property = reference.Property;
        // Cheap filters first: navigations are instance properties of a class or collection type.
        if (property.IsStatic
            || property.Type.IsValueType
            || property.Type.SpecialType == SpecialType.System_String
            || reference.Instance is null
            || reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference)
            || !model.IsLazyLoadable(property))
        {
            return;
        }

        // The navigation path from the iteration variable: `o.Customer.Address` -> [Customer, Address].
        var path = new List<IPropertySymbol> { property };
        var instance = OperationValues.WithoutConversions(reference.Instance);
        // The walk stops at an element access (orders[i]) and at enumerator.Current: the entity is reached there.
        while (instance is IPropertyReferenceOperation { Property.IsIndexer: false } inner && !IndexedElement.IsEnumeratorCurrent(inner.Property))
        {
            path.Insert(0, inner.Property);
            instance = OperationValues.WithoutConversions(inner.Instance!);
            if (path.Count > 8)
            {
                return;
            }
        }

        ISymbol? variable = instance switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            _ => null,
        };
        // The entity is a foreach variable or lambda parameter, or one reached by position (orders[i], enumerator.Current).
        var iteration = variable is null ? default : NavigationSourceQuery.FindDeclaringIteration(reference, variable, types);
        var source = iteration.Exists ? NavigationSourceQuery.SourceOf(iteration) : null;
        if (!iteration.Exists && IndexedElement.Find(instance, types) is var (indexedIteration, collection))
        {
            (iteration, source) = (indexedIteration, collection);
        }

        if (!iteration.Exists
            || NavigationSourceQuery.Resolve(source, types, path, context.CancellationToken) is not { } query
            || query.Context is null
            || ReadsLoadState(iteration, types))
        {
            return;
        }

        // Every step must be a lazy-loadable navigation to an entity of the query's context.
        foreach (var step in path)
        {
            if (!model.IsLazyLoadable(step) || EntityModel.TargetType(step.Type) is not { } target || !model.IsEntity(query.Context, target, context.CancellationToken)
                || IsNotMapped(step))
            {
                return;
            }
        }

        // Report the first step that is not loaded; deeper steps are reported by their own reference once it is.
        var included = IncludePaths.Loaded(query.Chain);
        var ignoreAuto = query.Chain.HasOperator("IgnoreAutoIncludes");
        var key = "";
        for (var i = 0; i < path.Count; i++)
        {
            key = IncludePaths.Append(key, path[i].Name);
            var loaded = included.Contains(key) || (!ignoreAuto && model.IsAutoIncluded(path[i], context.CancellationToken)) || IsInverseOfPrevious(path, i);
            if (i < path.Count - 1 && !loaded)
            {
                return;
            }

            if (i == path.Count - 1 && loaded)
            {
                return;
            }
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(PathProperty, key);
        properties.Add(ParametersProperty, ParameterNames(query.ElementType, path));
        properties.Add(TrailingIncludeProperty, query.TrailingInclude);
        var location = reference.Syntax is MemberAccessExpressionSyntax access ? access.Name.GetLocation() : reference.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(
            RuleCatalog.LazyNavigationInLoop,
            location,
            additionalLocations: new[] { query.InsertionPoint.GetLocation() },
            properties.ToImmutable(),
            key,
            query.SourceName));
    }

    /// <summary>
    /// <c>o.Customer</c> reached through <c>customer.Orders</c>: the reference back to the entity the previous step came
    /// from is set by EF Core's relationship fix-up when that step is loaded, so reading it runs no query.
    /// </summary>
    private static bool IsInverseOfPrevious(List<IPropertySymbol> path, int index) =>
        index > 0
        && SymbolEqualityComparer.Default.Equals(EntityModel.TargetType(path[index].Type), path[index].Type)
        && SymbolEqualityComparer.Default.Equals(path[index].Type.OriginalDefinition, path[index - 1].ContainingType.OriginalDefinition);

    /// <summary>A <c>[NotMapped]</c> property is not a navigation: EF Core never loads it.</summary>
    private static bool IsNotMapped(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (SymbolRelations.IsType(attribute.AttributeClass, "System.ComponentModel.DataAnnotations.Schema", "NotMappedAttribute"))
            {
                return true;
            }
        }

        return false;
    }



    /// <summary>
    /// The loop checks or loads navigations itself (EF Core's <c>IsLoaded</c>, <c>Load()</c>, <c>LoadAsync()</c>): it
    /// manages loading explicitly. A method of your own named Load is not that. Answered once per iteration body.
    /// </summary>
    private static bool ReadsLoadState(Iteration iteration, DataAccessTypes types) =>
        iteration.Body is { SemanticModel: { } model } body
        && LoadStateReaders.GetOrAdd(model.Compilation, body.Syntax, static (_, state) => ReadsLoadState(state.Body, state.Types), (Body: body, Types: types));

    private static bool ReadsLoadState(IOperation body, DataAccessTypes types)
    {
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property: { Name: "IsLoaded", ContainingType: var owner } } when SymbolRelations.InheritsFrom(owner, types.NavigationEntry):
                case IInvocationOperation { TargetMethod: { Name: "Load" or "LoadAsync", ContainingType: var loader } }
                    when SymbolRelations.InheritsFrom(loader, types.NavigationEntry) || SymbolEqualityComparer.Default.Equals(loader, types.EfQueryableExtensions):
                    return true;
            }
        }

        return false;
    }

    /// <summary>Lambda parameter names for Include/ThenInclude: the initial of each step's entity type, lower-cased.</summary>
    private static string ParameterNames(ITypeSymbol element, List<IPropertySymbol> path)
    {
        var names = new List<string> { Initial(element) };
        for (var i = 0; i < path.Count - 1; i++)
        {
            names.Add(Initial(EntityModel.TargetType(path[i].Type) ?? path[i].Type));
        }

        return string.Join(".", names);
    }

    private static string Initial(ITypeSymbol type) => type.Name.Length == 0 ? "e" : char.ToLowerInvariant(type.Name[0]).ToString();
}
