using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF011: the EF Core query whose entities an iteration walks, read back from the iteration's source, and where an
/// Include for it would go.
/// </summary>
internal sealed class NavigationSourceQuery
{
    private const int MaxSourceHops = 6;

    private static readonly SyntaxFactCache<Dictionary<ILocalSymbol, bool>> BodyAssignments = new();

    private NavigationSourceQuery(EfQueryChain chain, ITypeSymbol? context, ITypeSymbol elementType, SyntaxNode insertionPoint, string sourceName, string trailingInclude)
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

    /// <summary>The iteration (loop or per-element lambda) whose element variable is <paramref name="variable"/>.</summary>
    public static Iteration FindDeclaringIteration(IOperation operation, ISymbol variable, DataAccessTypes types)
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

    /// <summary>What an iteration walks: a foreach's collection or the source of a per-element call.</summary>
    public static IOperation? SourceOf(Iteration iteration)
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
    public static NavigationSourceQuery? Resolve(IOperation? source, DataAccessTypes types, List<IPropertySymbol> path, CancellationToken cancellationToken) =>
        Resolve(source, types, path, hops: 0, cancellationToken);

    private static NavigationSourceQuery? Resolve(IOperation? source, DataAccessTypes types, List<IPropertySymbol> path, int hops, CancellationToken cancellationToken)
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
                    if (OperationValues.InitializerOf(local) is not { } initializer || IsReassigned(local, types))
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
                    return Resolve(SourceOf(outer), types, path, hops, cancellationToken);
            }

            break;
        }

        if (current is ILocalReferenceOperation queryLocal && RecomposedOutOfSight(queryLocal, types))
        {
            return null;
        }

        if (EfQueryChain.From(current, types) is not { } chain
            || chain.HasOperator("Select") || chain.HasOperator("SelectMany") || chain.HasOperator("GroupBy") || chain.HasOperator("Join")
            || chain.HasOperator("GroupJoin") || chain.HasOperator("AsNoTracking") || chain.HasOperator("AsNoTrackingWithIdentityResolution")
            || chain.Root.Type is not INamedTypeSymbol { TypeArguments.Length: 1 } rootType
            || RootIncludesOutOfSight(chain.Root, cancellationToken))
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
            var segment = IncludePaths.Segment(chain.Operators[i]);
            trailingInclude = segment is null ? "?" : name == "ThenInclude" && trailingInclude.Length > 0 ? IncludePaths.Append(trailingInclude, segment) : segment;
        }

        sourceName ??= chain.ViaLocal?.Name ?? CallRendering.Render(source.Syntax);
        return new NavigationSourceQuery(chain, context, element, insertion, sourceName, trailingInclude);
    }

    /// <summary>
    /// A query rooted in a context member of your own (<c>db.OrdersWithCustomer()</c>, <c>db.ActiveOrders</c>) whose
    /// body calls Include: what it loads is decided there, out of sight of the chain at the loop.
    /// </summary>
    private static bool RootIncludesOutOfSight(IOperation root, CancellationToken cancellationToken)
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
            // The member may be declared in another file, whose semantic model an analyzer must not ask for: its
            // syntax is what can be read there.
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
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
    internal static bool IsReassigned(ILocalReferenceOperation local, DataAccessTypes types) =>
        AssignmentsOf(local, types) is not { } assignments || assignments.ContainsKey(local.Local);

    /// <summary>
    /// A query local reassigned with operators that decide loading (<c>q = q.AsNoTracking()</c>, <c>q = q.Include(..)</c>,
    /// a projection): the chain read from its initializer would not tell the whole story.
    /// </summary>
    private static bool RecomposedOutOfSight(ILocalReferenceOperation local, DataAccessTypes types) =>
        AssignmentsOf(local, types) is not { } assignments || assignments.TryGetValue(local.Local, out var recomposed) && recomposed;

    /// <summary>
    /// The locals assigned in the function body around <paramref name="local"/> (besides their declarations), each with
    /// whether an assignment recomposes a query with an operator that decides loading. Computed once per body: every
    /// navigation read in the body asks about the same locals.
    /// </summary>
    private static Dictionary<ILocalSymbol, bool>? AssignmentsOf(ILocalReferenceOperation local, DataAccessTypes types)
    {
        var body = (IOperation)local;
        while (body.Parent is { } parent)
        {
            body = parent;
        }

        return local.SemanticModel is { } model
            ? BodyAssignments.GetOrAdd(model.Compilation, body.Syntax, static (_, state) => CollectAssignments(state.Body, state.Types), (Body: body, Types: types))
            : null;
    }

    private static Dictionary<ILocalSymbol, bool> CollectAssignments(IOperation body, DataAccessTypes types)
    {
        var assignments = new Dictionary<ILocalSymbol, bool>(SymbolEqualityComparer.Default);
        foreach (var operation in body.Descendants())
        {
            if (operation is IAssignmentOperation { Target: ILocalReferenceOperation { Local: var assigned } } assignment)
            {
                assignments.TryGetValue(assigned, out var recomposed);
                assignments[assigned] = recomposed || DecidesLoading(assignment.Value, types);
            }
        }

        return assignments;
    }

    private static bool DecidesLoading(IOperation value, DataAccessTypes types)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation { TargetMethod: { Name: var name } method }
                && types.IsQueryOperator(method)
                && (name.StartsWith("AsNoTracking", System.StringComparison.Ordinal) || name.StartsWith("Include", System.StringComparison.Ordinal)
                    || name == "ThenInclude" || name.StartsWith("Select", System.StringComparison.Ordinal) || name == "IgnoreAutoIncludes"))
            {
                return true;
            }
        }

        return false;
    }
}
