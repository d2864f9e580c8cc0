using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF013: a call inside a loop to a method of this compilation that runs a database round trip on every call,
/// directly or through further calls (controller → service → repository → <c>FirstOrDefaultAsync</c>). Interface,
/// abstract and virtual calls are followed when the compilation holds exactly one implementation. Where referenced
/// projects are source (a workspace), chains are followed into them too and the finding is marked solution-scoped.
/// The loops PERF010 and PERF012 treat as intended are not reported, nor calls those rules already report, nor a
/// cached callee called with the same key on every iteration.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class QueryThroughCallInLoopAnalyzer : DiagnosticAnalyzer
{
    private const string ColdCacheNote = " while its cache is cold";

    /// <summary>
    /// Marks a finding whose chain runs through another project's source: only a whole-solution view (perf-report,
    /// the IDE) can see it, a build analyses one project against its references' metadata.
    /// </summary>
    public const string ScopeProperty = "PerfAnalyzers.Scope";

    public const string SolutionScopeValue = "solution";

    private static readonly ImmutableDictionary<string, string?> SolutionScope =
        ImmutableDictionary<string, string?>.Empty.Add(ScopeProperty, SolutionScopeValue);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.QueryThroughCallInLoop);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            if (DataAccessTypes.Create(start.Compilation) is not { } types
                || (!types.HasEntityFramework && types.SqlMapper is null && !ReferencesAdoNetProvider(start.Compilation)))
            {
                return;
            }

            var targets = new CompilationCallTargets(start.Compilation);
            var summaries = new RoundTripSummaries(targets, types, new CacheLookups(WellKnownTypeProvider.GetOrCreate(start.Compilation)));
            var unitOfWorkLoops = new ConcurrentDictionary<SyntaxNode, bool>();
            start.RegisterOperationAction(ctx => AnalyzeInvocation(ctx, targets, summaries, unitOfWorkLoops), OperationKind.Invocation);
        });
    }

    private static void AnalyzeInvocation(
        OperationAnalysisContext context,
        CompilationCallTargets targets,
        RoundTripSummaries summaries,
        ConcurrentDictionary<SyntaxNode, bool> unitOfWorkLoops)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var target = invocation.TargetMethod;
        if (!targets.IsDeclaredHere(target) || BodyWalker.IsDirectRoundTrip(invocation, summaries.Types))
        {
            // Methods without a body here cannot be followed; a query or save written in the loop is PERF010's or PERF012's.
            return;
        }

        var types = summaries.Types;
        var iteration = IterationContext.Find(invocation, types);
        if (!iteration.Exists
            || targets.ResolveSingleTarget(target, invocation.IsVirtual, context.CancellationToken) is not { } callee
            || summaries.Get(callee, context.CancellationToken) is not { } path)
        {
            return;
        }

        // A save in a local function the loop calls is PERF012's.
        if ((path.EndsInSave && path.MethodCount == 1 && callee.MethodKind == MethodKind.LocalFunction)
            || (path.OnCacheMiss && !ArgumentsVaryPerIteration(invocation, iteration))
            || IsIntended(invocation, iteration, types, unitOfWorkLoops, context.CancellationToken))
        {
            return;
        }

        // Marked when a build could not find the path: a call on the way binds to or runs another project's method.
        var leavesProject = path.LeavesProject || targets.CrossesProjects(target, callee);
        context.ReportDiagnostic(Diagnostic.Create(
            RuleCatalog.QueryThroughCallInLoop,
            InvocationSyntax.NameLocation(invocation),
            leavesProject ? path.Locations(targets.IsInReferencedSource) : path.Locations(),
            leavesProject ? SolutionScope : null,
            target.Name,
            path.Render(),
            path.OnCacheMiss ? ColdCacheNote : ""));
    }

    /// <summary>
    /// ADO.NET's abstractions ship with every .NET target, so their presence says nothing: without EF Core or Dapper,
    /// only a project that references a database provider can reach a round trip, and only there are callee bodies walked.
    /// </summary>
    private static bool ReferencesAdoNetProvider(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            switch (assembly.Name)
            {
                case "Microsoft.Data.SqlClient" or "System.Data.SqlClient" or "Npgsql" or "MySqlConnector" or "MySql.Data"
                    or "Microsoft.Data.Sqlite" or "System.Data.SQLite" or "Oracle.ManagedDataAccess" or "FirebirdSql.Data.FirebirdClient"
                    or "System.Data.Odbc" or "System.Data.OleDb" or "DuckDB.NET.Data" or "ClickHouse.Client" or "Snowflake.Data":
                    return true;
            }
        }

        return false;
    }

    /// <summary>The loops PERF010 and PERF012 treat as intended: one round trip per iteration is by design there.</summary>
    private static bool IsIntended(
        IInvocationOperation invocation,
        Iteration iteration,
        DataAccessTypes types,
        ConcurrentDictionary<SyntaxNode, bool> unitOfWorkLoops,
        System.Threading.CancellationToken cancellationToken)
    {
        if ((PerIterationIntent.IsIntendedQuery(invocation, iteration, null, types) || QueryRunsFewTimes.Applies(invocation, iteration))
            || IterationContext.RunsFewTimes(iteration, cancellationToken)
            || (iteration.Loop is { } loop && LoopContext.ReadsPages(loop, types)))
        {
            return true;
        }

        var body = iteration.Body;
        return body is not null && unitOfWorkLoops.GetOrAdd(body.Syntax, _ => OpensUnitOfWorkPerItem(body, types));
    }

    /// <summary>
    /// An iteration that begins a transaction, creates a context or opens a service scope makes each item its own unit
    /// of work: batching the calls would change what commits together and which context serves each item.
    /// </summary>
    private static bool OpensUnitOfWorkPerItem(IOperation body, DataAccessTypes types)
    {
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "BeginTransaction" or "BeginTransactionAsync" or "CreateScope" or "CreateAsyncScope" }:
                    return true;
                case IInvocationOperation call when types.IsDbContext(call.Type):
                    return true;
                case IObjectCreationOperation creation when types.IsDbContext(creation.Type):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when some argument can differ between iterations: it reads a variable of the iteration, a variable the
    /// iteration assigns, or calls something. Otherwise every iteration asks a cached callee for the same key and all
    /// but the first hit the cache.
    /// </summary>
    private static bool ArgumentsVaryPerIteration(IInvocationOperation invocation, Iteration iteration)
    {
        foreach (var argument in invocation.Arguments)
        {
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                ISymbol? variable = operation switch
                {
                    ILocalReferenceOperation local => local.Local,
                    IParameterReferenceOperation parameter => parameter.Parameter,
                    _ => null,
                };
                if (operation is IInvocationOperation
                    || (variable is not null && (LoopContext.IsDeclaredInside(iteration.Operation, variable) || IsAssignedIn(iteration.Operation, variable))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsAssignedIn(IOperation scope, ISymbol variable)
    {
        foreach (var operation in scope.Descendants())
        {
            var assigned = operation switch
            {
                IAssignmentOperation assignment => assignment.Target,
                IIncrementOrDecrementOperation increment => increment.Target,
                _ => null,
            };
            if (assigned is ILocalReferenceOperation { Local: var local } && SymbolEqualityComparer.Default.Equals(local, variable)
                || assigned is IParameterReferenceOperation { Parameter: var parameter } && SymbolEqualityComparer.Default.Equals(parameter, variable))
            {
                return true;
            }
        }

        return false;
    }
}
