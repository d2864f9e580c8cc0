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

    private const int MaxSourceHops = 6;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.LazyNavigationInLoop);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
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
        while (instance is IPropertyReferenceOperation inner)
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
        if (variable is null
            || FindDeclaringIteration(reference, variable, types) is not { Exists: true } iteration
            || ResolveQuery(SourceOf(iteration), types, path, 0) is not { } query
            || query.Context is null
            || ReadsLoadState(iteration))
        {
            return;
        }

        // Every step must be a lazy-loadable navigation to an entity of the query's context.
        foreach (var step in path)
        {
            if (!model.IsLazyLoadable(step) || EntityModel.TargetType(step.Type) is not { } target || !model.IsEntity(query.Context, target)
                || IsNotMapped(step))
            {
                return;
            }
        }

        // Report the first step that is not loaded; deeper steps are reported by their own reference once it is.
        var included = IncludedPaths(query.Chain);
        var ignoreAuto = query.Chain.HasOperator("IgnoreAutoIncludes");
        var key = "";
        for (var i = 0; i < path.Count; i++)
        {
            key = i == 0 ? path[i].Name : key + "." + path[i].Name;
            var loaded = included.Contains(key) || (!ignoreAuto && model.IsAutoIncluded(path[i])) || IsInverseOfPrevious(path, i);
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
            if (attribute.AttributeClass is { Name: "NotMappedAttribute", ContainingNamespace: { Name: "Schema", ContainingNamespace.Name: "DataAnnotations" } })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The iteration (loop or per-element lambda) whose element variable is <paramref name="variable"/>.</summary>
    private static Iteration FindDeclaringIteration(IOperation operation, ISymbol variable, DataAccessTypes types)
    {
        IOperation current = operation;
        for (var depth = 0; depth < 8; depth++)
        {
            var iteration = IterationContext.Find(current, types);
            if (!iteration.Exists)
            {
                return default;
            }

            if (iteration.Loop is IForEachLoopOperation loop && loop.Locals.Length > 0 && SymbolEqualityComparer.Default.Equals(loop.Locals[0], variable))
            {
                return iteration;
            }

            if (iteration.Lambda is { Symbol.Parameters.Length: > 0 } lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol.Parameters[0], variable))
            {
                return iteration;
            }

            current = iteration.Operation;
        }

        return default;
    }

    private static IOperation? SourceOf(Iteration iteration)
    {
        if (iteration.Loop is IForEachLoopOperation loop)
        {
            return loop.Collection;
        }

        if (iteration.Invocation is { } call)
        {
            return call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        }

        return null;
    }

    /// <summary>The EF query whose results an iteration walks: directly, through a materialiser, an await, a local, or a collection navigation of an outer iteration.</summary>
    private static SourceQuery? ResolveQuery(IOperation? source, DataAccessTypes types, List<IPropertySymbol> path, int hops)
    {
        if (source is null || hops > MaxSourceHops)
        {
            return null;
        }

        string? sourceName = null;
        var current = OperationValues.WithoutConversions(source);
        while (hops++ <= MaxSourceHops)
        {
            switch (current)
            {
                case IAwaitOperation awaited:
                    current = OperationValues.WithoutConversions(awaited.Operation);
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ToList" or "ToListAsync" or "ToArray" or "ToArrayAsync" or "ToHashSet" or "ToHashSetAsync" or "AsEnumerable" or "AsAsyncEnumerable" } materialize
                    when materialize.TargetMethod.IsExtensionMethod && materialize.Arguments.Length > 0 || materialize.Instance is not null && types.IsDbSet(materialize.Instance.Type):
                    current = OperationValues.WithoutConversions(materialize.Instance ?? materialize.Arguments[0].Value);
                    continue;
                case ILocalReferenceOperation local when !types.IsDbSet(local.Type) && !TypeHierarchy.IsOrImplements(local.Type, types.IQueryable):
                    if (OperationValues.InitializerOf(local) is not { } initializer || IsReassigned(local))
                    {
                        return null;
                    }

                    sourceName ??= local.Local.Name;
                    current = OperationValues.WithoutConversions(initializer);
                    continue;
                case IPropertyReferenceOperation navigation
                    when !types.IsDbContext(navigation.Instance?.Type) && OperationValues.WithoutConversions(navigation.Instance!) is ILocalReferenceOperation or IParameterReferenceOperation:
                    // `foreach (var line in order.Lines)` inside a loop over orders: the path starts at the outer query.
                    var outerVariable = OperationValues.WithoutConversions(navigation.Instance!) switch
                    {
                        ILocalReferenceOperation l => (ISymbol)l.Local,
                        IParameterReferenceOperation p => p.Parameter,
                        _ => null,
                    };
                    if (outerVariable is null || FindDeclaringIteration(navigation, outerVariable, types) is not { Exists: true } outer)
                    {
                        return null;
                    }

                    path.Insert(0, navigation.Property);
                    return ResolveQuery(SourceOf(outer), types, path, hops);
            }

            break;
        }

        if (current is ILocalReferenceOperation queryLocal && RecomposedOutOfSight(queryLocal))
        {
            return null;
        }

        if (EfQueryChain.From(current, types) is not { } chain
            || chain.HasOperator("Select") || chain.HasOperator("SelectMany") || chain.HasOperator("GroupBy") || chain.HasOperator("Join")
            || chain.HasOperator("GroupJoin") || chain.HasOperator("AsNoTracking") || chain.HasOperator("AsNoTrackingWithIdentityResolution")
            || chain.Root.Type is not INamedTypeSymbol { TypeArguments.Length: 1 } rootType
            || RootIncludesOutOfSight(chain.Root))
        {
            return null;
        }

        var element = rootType.TypeArguments[0];
        var context = chain.Root switch
        {
            IPropertyReferenceOperation { Instance: { } owner } when types.IsDbContext(owner.Type) => owner.Type,
            IInvocationOperation { Instance: { } owner } when types.IsDbContext(owner.Type) => owner.Type,
            IFieldReferenceOperation { Instance: { } owner } when types.IsDbContext(owner.Type) => owner.Type,
            _ => null,
        };

        // Include goes after the root, FromSql* (which must stay on the DbSet) and the Include/ThenInclude calls that
        // follow them, so includes added one at a time land in the same order as all at once.
        var insertion = chain.Root.Syntax;
        var trailingInclude = "";
        for (var i = 0; i < chain.Operators.Count; i++)
        {
            var name = chain.Operators[i].TargetMethod.Name;
            if (i == 0 && name.StartsWith("FromSql", System.StringComparison.Ordinal))
            {
                insertion = chain.Operators[i].Syntax;
                continue;
            }

            if (name is not ("Include" or "ThenInclude"))
            {
                break;
            }

            insertion = chain.Operators[i].Syntax;
            var segment = IncludeSegment(chain.Operators[i]);
            trailingInclude = segment is null ? "?" : name == "ThenInclude" && trailingInclude.Length > 0 ? trailingInclude + "." + segment : segment;
        }

        sourceName ??= chain.ViaLocal?.Name ?? DatabaseCalls.Render(source.Syntax);
        return new SourceQuery(chain, context, element, insertion, sourceName, trailingInclude);
    }

    /// <summary>
    /// A query rooted in a context member of your own (<c>db.OrdersWithCustomer()</c>, <c>db.ActiveOrders</c>) whose
    /// body calls Include: what it loads is decided there, out of sight of the chain at the loop.
    /// </summary>
    private static bool RootIncludesOutOfSight(IOperation root)
    {
        ISymbol? member = root switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        if (member is null)
        {
            return false;
        }

        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax().DescendantNodes())
            {
                if (node is IdentifierNameSyntax { Identifier.ValueText: "Include" or "ThenInclude" })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the local is assigned anywhere besides its declaration (we could not tell which value is looped over).</summary>
    private static bool IsReassigned(ILocalReferenceOperation local)
    {
        foreach (var declaration in local.Local.DeclaringSyntaxReferences)
        {
            var body = declaration.GetSyntax().FirstAncestorOrSelf<BlockSyntax>();
            if (body is null)
            {
                return true;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } && left.Identifier.ValueText == local.Local.Name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A query local reassigned with operators that decide loading (<c>q = q.AsNoTracking()</c>, <c>q = q.Include(..)</c>,
    /// a projection): the chain read from its initializer would not tell the whole story.
    /// </summary>
    private static bool RecomposedOutOfSight(ILocalReferenceOperation local)
    {
        foreach (var declaration in local.Local.DeclaringSyntaxReferences)
        {
            var body = declaration.GetSyntax().FirstAncestorOrSelf<BlockSyntax>();
            if (body is null)
            {
                return true;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left, Right: var right } && left.Identifier.ValueText == local.Local.Name)
                {
                    foreach (var part in right.DescendantNodesAndSelf())
                    {
                        if (part is SimpleNameSyntax { Identifier.ValueText: var name }
                            && (name.StartsWith("AsNoTracking", System.StringComparison.Ordinal) || name.StartsWith("Include", System.StringComparison.Ordinal)
                                || name == "ThenInclude" || name.StartsWith("Select", System.StringComparison.Ordinal) || name == "IgnoreAutoIncludes"))
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The loop checks or loads navigations itself (<c>IsLoaded</c>, <c>Load()</c>): it manages loading explicitly.</summary>
    private static bool ReadsLoadState(Iteration iteration)
    {
        if (iteration.Body?.Syntax is not { } body)
        {
            return false;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is IdentifierNameSyntax { Identifier.ValueText: "IsLoaded" or "Load" or "LoadAsync" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Navigation paths loaded by Include/ThenInclude (lambda or string), with every prefix: "Customer", "Customer.Address".</summary>
    private static HashSet<string> IncludedPaths(EfQueryChain chain)
    {
        var included = new HashSet<string>(System.StringComparer.Ordinal);
        var last = "";
        foreach (var call in chain.Operators)
        {
            var name = call.TargetMethod.Name;
            if (name is not ("Include" or "ThenInclude") || call.Arguments.Length < 2)
            {
                continue;
            }

            var segment = IncludeSegment(call);
            if (segment is null)
            {
                continue;
            }

            last = name == "ThenInclude" && last.Length > 0 ? last + "." + segment : segment;
            var prefix = "";
            foreach (var part in last.Split('.'))
            {
                prefix = prefix.Length == 0 ? part : prefix + "." + part;
                included.Add(prefix);
            }
        }

        return included;
    }

    /// <summary>The path one Include/ThenInclude call names: its string argument or its lambda's member chain.</summary>
    private static string? IncludeSegment(IInvocationOperation call)
    {
        if (call.Arguments.Length < 2)
        {
            return null;
        }

        var argument = OperationValues.WithoutConversions(call.Arguments[1].Value);
        return argument.ConstantValue is { HasValue: true, Value: string text } ? text : LambdaPath(argument);
    }

    /// <summary>"Customer.Address" for <c>o =&gt; o.Customer.Address</c>; filtered includes (<c>o.Lines.Where(..)</c>) count as their navigation.</summary>
    private static string? LambdaPath(IOperation argument)
    {
        if (argument is IDelegateCreationOperation creation)
        {
            argument = creation.Target;
        }

        if (argument is not IAnonymousFunctionOperation { Body.Operations.Length: 1 } lambda
            || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: { } value })
        {
            return null;
        }

        var current = OperationValues.WithoutConversions(value);
        while (current is IInvocationOperation { Arguments.Length: > 0 } filter && filter.TargetMethod.IsExtensionMethod)
        {
            current = OperationValues.WithoutConversions(filter.Arguments[0].Value);
        }

        string? path = null;
        while (current is IPropertyReferenceOperation member)
        {
            path = path is null ? member.Property.Name : member.Property.Name + "." + path;
            current = OperationValues.WithoutConversions(member.Instance!);
        }

        return current is IParameterReferenceOperation ? path : null;
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

    private sealed class SourceQuery
    {
        public SourceQuery(EfQueryChain chain, ITypeSymbol? context, ITypeSymbol elementType, SyntaxNode insertionPoint, string sourceName, string trailingInclude)
        {
            TrailingInclude = trailingInclude;
            Chain = chain;
            Context = context;
            ElementType = elementType;
            InsertionPoint = insertionPoint;
            SourceName = sourceName;
        }

        public EfQueryChain Chain { get; }
        public ITypeSymbol? Context { get; }
        public ITypeSymbol ElementType { get; }
        public SyntaxNode InsertionPoint { get; }
        public string SourceName { get; }

        /// <summary>The navigation path the Include/ThenInclude calls right before <see cref="InsertionPoint"/> load ("" if none).</summary>
        public string TrailingInclude { get; }
    }
}
