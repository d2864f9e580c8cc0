using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF011: load the navigation with the query that produced the loop source: <c>.Include(o =&gt; o.Customer)</c>,
/// with <c>.ThenInclude(c =&gt; c.Address)</c> for deeper paths, inserted right after the query's DbSet (or its
/// <c>FromSql*</c> call), wherever the query is written.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LazyNavigationInLoopCodeFix)), Shared]
public sealed class LazyNavigationInLoopCodeFix : PlannedCodeFix
{
    private const string EfNamespace = "Microsoft.EntityFrameworkCore";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.LazyNavigationInLoop);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        TryGetRequest(root, diagnostic) is { } request ? $"Include '{request.Path}' in the query" : null;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var byQuery = new Dictionary<ExpressionSyntax, List<IncludeRequest>>();
        foreach (var diagnostic in diagnostics)
        {
            if (TryGetRequest(root, diagnostic) is not { } request)
            {
                continue;
            }

            if (!byQuery.TryGetValue(request.Query, out var requests))
            {
                byQuery[request.Query] = requests = new List<IncludeRequest>();
            }

            requests.Add(request);
        }

        if (byQuery.Count == 0)
        {
            return document;
        }

        var needsUsing = byQuery.Keys.Any(query => !NamespaceImports.IsImported(query, model, EfNamespace));
        var newRoot = root.ReplaceNodes(byQuery.Keys, (original, _) => AddIncludes(original, byQuery[original], model));
        if (needsUsing && newRoot is CompilationUnitSyntax unit)
        {
            newRoot = NamespaceImports.AddUsing(unit, EfNamespace);
        }

        return await DocumentEditing.FinishAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
    }

    private static ExpressionSyntax AddIncludes(ExpressionSyntax query, List<IncludeRequest> requests, SemanticModel model)
    {
        // A path that prefixes another is loaded by the longer one's Include/ThenInclude chain.
        var paths = requests
            .OrderBy(r => r.Position)
            .GroupBy(r => r.Path)
            .Select(g => g.First())
            .Where(r => !requests.Any(other => IncludePaths.Extends(other.Path, r.Path)))
            .ToList();

        // A path that extends the include right before the insertion point continues it with ThenInclude.
        paths = paths.OrderBy(r => r.ExtendsTrailing ? 0 : 1).ToList();
        var result = query.WithoutTrailingTrivia();
        var continued = false;
        foreach (var request in paths)
        {
            var steps = IncludePaths.Steps(request.Path);
            var parameters = request.Parameters.Split('.');
            var start = 0;
            if (request.ExtendsTrailing && !continued)
            {
                start = IncludePaths.Steps(request.TrailingInclude).Length;
                continued = true;
            }

            for (var i = start; i < steps.Length; i++)
            {
                var parameter = FreshNames.NotInScope(model, query.SpanStart, parameters[i]);
                var lambda = SimpleLambdaExpression(
                    Parameter(Identifier(parameter)),
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(parameter), IdentifierName(steps[i])));
                result = InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, result, IdentifierName(i == 0 ? "Include" : "ThenInclude")),
                    ArgumentList(SingletonSeparatedList(Argument(lambda))));
            }
        }

        return result.WithTrailingTrivia(query.GetTrailingTrivia());
    }

    private static IncludeRequest? TryGetRequest(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count == 0
            || !diagnostic.Properties.TryGetValue(LazyNavigationInLoopAnalyzer.PathProperty, out var path)
            || !diagnostic.Properties.TryGetValue(LazyNavigationInLoopAnalyzer.ParametersProperty, out var parameters)
            || string.IsNullOrEmpty(path) || string.IsNullOrEmpty(parameters)
            || IncludePaths.Steps(path!).Length != parameters!.Split('.').Length
            || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree
            || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax query)
        {
            return null;
        }

        // `var set = db.Orders;` / `DbSet<Order> set = …` / `set = db.Orders;` would change or break the variable's type:
        // only a variable declared as IQueryable<T> takes the included query as it is.
        if (query.Parent is AssignmentExpressionSyntax
            || query.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } }
               && declaration.Type is not GenericNameSyntax { Identifier.ValueText: "IQueryable" } and not QualifiedNameSyntax { Right: GenericNameSyntax { Identifier.ValueText: "IQueryable" } })
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(LazyNavigationInLoopAnalyzer.TrailingIncludeProperty, out var trailing);
        return new IncludeRequest(query, path!, parameters!, diagnostic.Location.SourceSpan.Start, trailing ?? "");
    }

    private sealed class IncludeRequest
    {
        public IncludeRequest(ExpressionSyntax query, string path, string parameters, int position, string trailingInclude)
        {
            TrailingInclude = trailingInclude;
            Position = position;
            Query = query;
            Path = path;
            Parameters = parameters;
        }

        public ExpressionSyntax Query { get; }
        public string Path { get; }
        public string Parameters { get; }
        public int Position { get; }
        public string TrailingInclude { get; }

        /// <summary>The path continues the include chain that ends at the insertion point.</summary>
        public bool ExtendsTrailing => IncludePaths.Extends(Path, TrailingInclude);
    }
}
