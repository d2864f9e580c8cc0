using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF050: apply the in-memory operator in the query, before the materialization:
/// <c>db.Orders.ToList().Where(p)</c> → <c>db.Orders.Where(p).ToList()</c>; <c>ToList().Where(p).ToList()</c> →
/// <c>Where(p).ToList()</c>; <c>db.Orders.ToList().Count(p)</c> → <c>db.Orders.Count(p)</c>;
/// <c>(await q.ToListAsync(ct)).Count(p)</c> → <c>await q.CountAsync(p, ct)</c> (the token in scope when none was passed).
/// Offered when the analyzer found the move safe and the rewritten call binds to a query operator.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaterializedThenFilteredCodeFix)), Shared]
public sealed class MaterializedThenFilteredCodeFix : PlannedCodeFix
{
    private const string EfNamespace = "Microsoft.EntityFrameworkCore";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.MaterializedThenFiltered);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Plan.TryCreate(root, model, diagnostic, cancellationToken) is { } plan ? "Apply '" + plan.OperatorName + "' in the query" : null;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var plans = new List<Plan>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan.TryCreate(editor.OriginalRoot, editor.SemanticModel, diagnostic, cancellationToken) is { } plan)
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return document;
        }

        // Innermost first, so an outer rewrite is built from its already rewritten lambdas.
        foreach (var plan in plans.OrderBy(p => p.Target.Span.Length))
        {
            editor.ReplaceNode(plan.Target, (current, _) => plan.Rewrite((ExpressionSyntax)current));
        }

        var root = editor.GetChangedRoot();
        if (plans.Any(p => p.IsAwaited) && root is CompilationUnitSyntax unit && !NamespaceImports.IsImported(plans[0].Target, editor.SemanticModel, EfNamespace))
        {
            root = NamespaceImports.AddUsing(unit, EfNamespace);
        }

        return await DocumentEditing.FinishAsync(document.WithSyntaxRoot(root), cancellationToken).ConfigureAwait(false);
    }

    private sealed class Plan
    {
        private readonly bool _deferred;
        private readonly string? _token;
        private readonly string _materializerName;

        private Plan(OperatorMove move, string operatorName, bool deferred, string? token)
        {
            Target = move.Target;
            IsAwaited = move.IsAwaited;
            OperatorName = operatorName;
            _deferred = deferred;
            _token = token;
            _materializerName = move.Materializer.Name.Identifier.ValueText;
        }

        public ExpressionSyntax Target { get; }

        public bool IsAwaited { get; }

        public string OperatorName { get; }

        public static Plan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.ContainsKey(MaterializedThenFilteredAnalyzer.FixableKey)
                || !diagnostic.Properties.TryGetValue(MaterializedThenFilteredAnalyzer.OperatorKey, out var operatorName) || operatorName is null
                || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is not SimpleNameSyntax name)
            {
                return null;
            }

            var deferred = MaterializedThenFilteredAnalyzer.IsDeferred(operatorName);
            if (OperatorMove.FromMaterializer(name, deferred) is not { } move
                || move.NarrowingAccess.Name.Identifier.ValueText != operatorName
                || (move.IsAwaited && !AwaitRewriting.CanAwaitAt(move.Target)))
            {
                return null;
            }

            var token = move.IsAwaited && move.MaterializerArguments.Arguments.Count == 0
                ? AwaitRewriting.FindCancellationToken(model, move.Target.SpanStart, move.Target)
                : null;
            var plan = new Plan(move, operatorName, deferred, token);
            return plan.Binds(model, move, cancellationToken) ? plan : null;
        }

        public ExpressionSyntax Rewrite(ExpressionSyntax current) =>
            OperatorMove.FromMaterializerOfTarget(current, _materializerName, _deferred) is { } move ? move.Build(OperatorName, _deferred, _token) : current;

        /// <summary>The rewritten query binds to the Queryable or EF Core operator (not to an overload that would run in memory).</summary>
        private bool Binds(SemanticModel model, OperatorMove move, CancellationToken cancellationToken)
        {
            var rewritten = move.Build(OperatorName, _deferred, _token);
            var query = rewritten is AwaitExpressionSyntax or ParenthesizedExpressionSyntax
                ? rewritten.DescendantNodesAndSelf().OfType<AwaitExpressionSyntax>().First().Expression
                : rewritten;
            if (query is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var inner } })
            {
                query = inner;
            }

            if (_deferred)
            {
                // The moved operator is the receiver of the materializer.
                query = ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)query).Expression).Expression;
            }

            var symbol = model.GetSpeculativeSymbolInfo(move.Target.SpanStart, query, SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;
            cancellationToken.ThrowIfCancellationRequested();
            return symbol?.ContainingType is { Name: "Queryable" or "EntityFrameworkQueryableExtensions" };
        }
    }
}
