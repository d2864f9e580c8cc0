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
using Microsoft.CodeAnalysis.Editing;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF002: await instead of blocking: <c>t.Result</c>, <c>t.Wait()</c>, <c>t.GetAwaiter().GetResult()</c> → <c>await t</c>;
/// <c>t.Wait(ct)</c> → <c>await t.WaitAsync(ct)</c>; <c>Thread.Sleep(ms)</c> → <c>await Task.Delay(ms, ct)</c>;
/// <c>Task.WaitAll(a, b)</c> → <c>await Task.WhenAll(a, b)</c>. Waits with a timeout and <c>Task.WaitAny</c> are not fixed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingWaitInAsyncMethodCodeFix)), Shared]
public sealed class BlockingWaitInAsyncMethodCodeFix : PlannedCodeFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.Ids.BlockingWaitInAsyncMethod);

    protected override string? GetTitle(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        Plan.TryCreate(root, model, diagnostic)?.Title;

    protected override async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var plans = new List<Plan>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan.TryCreate(editor.OriginalRoot, editor.SemanticModel, diagnostic) is { } plan)
            {
                plans.Add(plan);
            }
        }

        if (plans.Count == 0)
        {
            return document;
        }

        foreach (var plan in plans.OrderBy(p => p.Target.Span.Length))
        {
            editor.ReplaceNode(plan.Target, (current, _) => plan.Rewrite(current));
        }

        return await DocumentEditing.FinishAsync(document.WithSyntaxRoot(editor.GetChangedRoot()), cancellationToken).ConfigureAwait(false);
    }

    private sealed class Plan
    {
        private Plan(string title, SyntaxNode target, System.Func<SyntaxNode, SyntaxNode> rewrite)
        {
            Title = title;
            Target = target;
            Rewrite = rewrite;
        }

        public string Title { get; }

        public SyntaxNode Target { get; }

        public System.Func<SyntaxNode, SyntaxNode> Rewrite { get; }

        public static Plan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
        {
            // Inside a lock the wait cannot become an await: the lock has to be redesigned first, no fix is offered.
            if (!diagnostic.Properties.TryGetValue(BlockingWaitInAsyncMethodAnalyzer.KindKey, out var kind) || kind is null
                || diagnostic.Properties.ContainsKey(BlockingWaitInAsyncMethodAnalyzer.InsideLockKey))
            {
                return null;
            }

            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            if (token.Parent is not SimpleNameSyntax { Parent: MemberAccessExpressionSyntax access } name
                || access.Name != name
                || !AwaitRewriting.CanAwaitAt(access))
            {
                return null;
            }

            switch (kind)
            {
                case BlockingWaitInAsyncMethodAnalyzer.KindResult:
                    return AwaitOperand(access, static current => ((MemberAccessExpressionSyntax)current).Expression);
                case BlockingWaitInAsyncMethodAnalyzer.KindWait when access.Parent is InvocationExpressionSyntax wait && wait.Expression == access:
                    return ForWait(model, wait);
                case BlockingWaitInAsyncMethodAnalyzer.KindGetResult
                    when access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } getResult
                         && access.Expression is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } }:
                    return AwaitOperand(getResult, static current =>
                        ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)current).Expression).Expression).Expression).Expression);
                case BlockingWaitInAsyncMethodAnalyzer.KindSleep
                    when access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 1, Parent: ExpressionStatementSyntax } sleep:
                    return ForSleep(model, sleep);
                case BlockingWaitInAsyncMethodAnalyzer.KindWaitAll
                    when access.Parent is InvocationExpressionSyntax { Parent: ExpressionStatementSyntax } waitAll
                         && model.GetSymbolInfo(waitAll).Symbol is IMethodSymbol { Parameters.Length: 1 } waitAllMethod
                         && waitAllMethod.Parameters[0].IsParams:
                    return ForWaitAll(waitAll);
                default:
                    return null;
            }
        }

        /// <summary><c>X.Result</c> or <c>X.GetAwaiter().GetResult()</c> → <c>await X</c>.</summary>
        private static Plan AwaitOperand(ExpressionSyntax target, System.Func<SyntaxNode, ExpressionSyntax> operand)
        {
            var parenthesize = AwaitRewriting.NeedsParentheses(target);
            return new Plan("Await the task", target, current => AwaitRewriting.Await((ExpressionSyntax)current, Unparenthesize(operand(current)), parenthesize));
        }

        private static Plan? ForWait(SemanticModel model, InvocationExpressionSyntax wait)
        {
            var arguments = wait.ArgumentList.Arguments;
            if (arguments.Count == 0)
            {
                return AwaitTask(wait, "Await the task", withWaitAsync: false);
            }

            // Wait(ct) → WaitAsync(ct); waits with a timeout report a bool or give up early: no faithful rewrite.
            if (arguments.Count == 1
                && model.GetSymbolInfo(wait).Symbol is IMethodSymbol { Parameters.Length: 1 } waitMethod
                && waitMethod.Parameters[0].Type.Name == "CancellationToken"
                && InvocationSyntax.Rename(wait, "WaitAsync") is { } renamed
                && model.GetSpeculativeSymbolInfo(wait.SpanStart, renamed, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol { Name: "WaitAsync" })
            {
                return AwaitTask(wait, "Await 'WaitAsync'", withWaitAsync: true);
            }

            return null;
        }

        private static Plan AwaitTask(InvocationExpressionSyntax wait, string title, bool withWaitAsync)
        {
            var parenthesize = AwaitRewriting.NeedsParentheses(wait);
            return new Plan(title, wait, current =>
            {
                var invocation = (InvocationExpressionSyntax)current;
                ExpressionSyntax awaited = withWaitAsync
                    ? InvocationSyntax.Rename(invocation, "WaitAsync")!
                    : Unparenthesize(((MemberAccessExpressionSyntax)invocation.Expression).Expression);
                return AwaitRewriting.Await(invocation, awaited, parenthesize);
            });
        }

        private static Plan ForSleep(SemanticModel model, InvocationExpressionSyntax sleep)
        {
            var token = AwaitRewriting.FindCancellationToken(model, sleep.SpanStart, sleep);
            return new Plan("Await 'Task.Delay'", sleep, current =>
            {
                var invocation = (InvocationExpressionSyntax)current;
                var delay = InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TaskType(), IdentifierName("Delay")),
                    invocation.ArgumentList);
                if (token is not null)
                {
                    delay = AwaitRewriting.AddArgument(delay, IdentifierName(token));
                }

                return AwaitRewriting.Await(invocation, delay, parenthesize: false);
            });
        }

        private static Plan ForWaitAll(InvocationExpressionSyntax waitAll) =>
            new("Await 'Task.WhenAll'", waitAll, current =>
            {
                var invocation = (InvocationExpressionSyntax)current;
                var whenAll = InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TaskType(), IdentifierName("WhenAll")),
                    invocation.ArgumentList);
                return AwaitRewriting.Await(invocation, whenAll, parenthesize: false);
            });

        private static ExpressionSyntax TaskType() =>
            ParseExpression("global::System.Threading.Tasks.Task").WithImportAnnotations();

        private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression) =>
            expression is ParenthesizedExpressionSyntax { Expression: var inner } && inner is not (BinaryExpressionSyntax or ConditionalExpressionSyntax or AssignmentExpressionSyntax or LambdaExpressionSyntax)
                ? inner
                : expression;
    }
}
