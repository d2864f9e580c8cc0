using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF001's fix: one rewrite per diagnostic kind (member call, EF query operator, EF foreach, async stream).
/// </summary>
public sealed partial class BlockingIOInAsyncMethodCodeFix
{
    /// <summary>One diagnostic's rewrite, decided against the original tree and semantic model.</summary>
    private sealed class Plan
    {
        private Plan(SyntaxNode target, string counterpartName, bool needsEfUsing, System.Func<SyntaxNode, SyntaxNode> rewrite)
        {
            Target = target;
            CounterpartName = counterpartName;
            NeedsEfUsing = needsEfUsing;
            Rewrite = rewrite;
        }

        public SyntaxNode Target { get; }

        public string CounterpartName { get; }

        public bool NeedsEfUsing { get; }

        public System.Func<SyntaxNode, SyntaxNode> Rewrite { get; }

        public static Plan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(BlockingIOInAsyncMethodAnalyzer.KindKey, out var kind)
                || !diagnostic.Properties.TryGetValue(BlockingIOInAsyncMethodAnalyzer.CounterpartKey, out var counterpart)
                || kind is null
                || counterpart is null)
            {
                return null;
            }

            var span = diagnostic.Location.SourceSpan;
            if (kind == BlockingIOInAsyncMethodAnalyzer.KindEfForeach)
            {
                return root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<ExpressionSyntax>()
                    .FirstOrDefault(e => e.Span == span && e.Parent is ForEachStatementSyntax) is { } collection
                    ? ForEfForeach(model, collection, counterpart)
                    : null;
            }

            var token = root.FindToken(span.Start);
            if (token.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
                || InvocationSyntax.NameToken(invocation) != token
                || !AwaitRewriting.CanAwaitAt(invocation))
            {
                return null;
            }

            return kind switch
            {
                BlockingIOInAsyncMethodAnalyzer.KindMember => ForMember(model, invocation, counterpart),
                BlockingIOInAsyncMethodAnalyzer.KindEfQuery => ForEfQuery(model, invocation, counterpart),
                BlockingIOInAsyncMethodAnalyzer.KindAsyncStream => ForAsyncStream(model, invocation, counterpart),
                _ => null,
            };
        }

        private static Plan? ForMember(SemanticModel model, InvocationExpressionSyntax invocation, string counterpart)
        {
            if (InvocationSyntax.Rename(invocation, counterpart) is not { } renamed
                || !Binds(model, invocation, renamed, counterpart))
            {
                return null;
            }

            var token = TokenToForward(model, invocation, renamed, invocation.ArgumentList.Arguments.Count, counterpart);
            var parenthesize = AwaitRewriting.NeedsParentheses(invocation);
            return new Plan(invocation, counterpart, needsEfUsing: false, current =>
            {
                var call = InvocationSyntax.Rename((InvocationExpressionSyntax)current, counterpart)!;
                if (token is not null)
                {
                    call = AwaitRewriting.AddArgument(call, token);
                }

                return AwaitRewriting.Await((ExpressionSyntax)current, call, parenthesize);
            });
        }

        private static Plan? ForEfQuery(SemanticModel model, InvocationExpressionSyntax invocation, string counterpart)
        {
            if (invocation.Expression is not MemberAccessExpressionSyntax memberAccess
                || InvocationSyntax.Rename(invocation, counterpart) is not { } renamed)
            {
                return null;
            }

            var staticForm = StaticEfForm(memberAccess.Expression, memberAccess.Name, invocation.ArgumentList, counterpart);
            if (!Binds(model, invocation, staticForm, counterpart))
            {
                return null;
            }

            var token = TokenToForward(model, invocation, staticForm, invocation.ArgumentList.Arguments.Count + 1, counterpart);
            var needsUsing = !Binds(model, invocation, renamed, counterpart);
            var parenthesize = AwaitRewriting.NeedsParentheses(invocation);
            return new Plan(invocation, counterpart, needsUsing, current =>
            {
                var call = InvocationSyntax.Rename((InvocationExpressionSyntax)current, counterpart)!;
                if (token is not null)
                {
                    call = AwaitRewriting.AddArgument(call, token);
                }

                return AwaitRewriting.Await((ExpressionSyntax)current, call, parenthesize);
            });
        }

        private static Plan? ForEfForeach(SemanticModel model, ExpressionSyntax collection, string counterpart)
        {
            if (!AwaitRewriting.CanAwaitAt(collection))
            {
                return null;
            }

            var name = IdentifierName(counterpart);
            var staticForm = StaticEfForm(collection, name, ArgumentList(), counterpart);
            if (!Binds(model, collection, staticForm, counterpart))
            {
                return null;
            }

            var token = TokenToForward(model, collection, staticForm, 1, counterpart);
            var extensionForm = InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Receiver(collection), name));
            var needsUsing = !Binds(model, collection, extensionForm, counterpart);
            return new Plan(collection, counterpart, needsUsing, current =>
            {
                var query = (ExpressionSyntax)current;
                var call = InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Receiver(query.WithoutTrivia()), name));
                if (token is not null)
                {
                    call = AwaitRewriting.AddArgument(call, token);
                }

                return AwaitRewriting.Await(query, call, parenthesize: false);
            });
        }

        private static Plan? ForAsyncStream(SemanticModel model, InvocationExpressionSyntax invocation, string counterpart)
        {
            if (invocation.Parent is not ForEachStatementSyntax { AwaitKeyword.RawKind: 0 } loop
                || loop.Expression != invocation
                || InvocationSyntax.Rename(invocation, counterpart) is not { } renamed
                || !Binds(model, invocation, renamed, counterpart))
            {
                return null;
            }

            var token = TokenToForward(model, invocation, renamed, invocation.ArgumentList.Arguments.Count, counterpart);
            return new Plan(loop, counterpart, needsEfUsing: false, current =>
            {
                var foreachStatement = (ForEachStatementSyntax)current;
                var call = InvocationSyntax.Rename((InvocationExpressionSyntax)foreachStatement.Expression, counterpart)!;
                if (token is not null)
                {
                    call = AwaitRewriting.AddArgument(call, token);
                }

                var keyword = foreachStatement.ForEachKeyword;
                return foreachStatement
                    .WithAwaitKeyword(Token(keyword.LeadingTrivia, SyntaxKind.AwaitKeyword, TriviaList(Space)))
                    .WithForEachKeyword(keyword.WithLeadingTrivia())
                    .WithExpression(call.WithTriviaFrom(foreachStatement.Expression));
            });
        }

        /// <summary><c>global::…EntityFrameworkQueryableExtensions.NameAsync(source, args)</c>: binds whatever the file's usings.</summary>
        private static InvocationExpressionSyntax StaticEfForm(ExpressionSyntax source, SimpleNameSyntax name, ArgumentListSyntax arguments, string counterpart) =>
            InvocationExpression(
                MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, ParseExpression(EfExtensionsName), InvocationSyntax.RenameSimpleName(name, counterpart)),
                arguments.WithArguments(arguments.Arguments.Insert(0, Argument(source.WithoutTrivia()))));

        /// <summary>
        /// The one token in scope as the argument to append: positional if it then binds to the counterpart's
        /// CancellationToken parameter (not into a <c>params</c> array, as <c>FindAsync(id, ct)</c> would), else named
        /// (<c>DeserializeAsync&lt;T&gt;(stream, cancellationToken: ct)</c> skips the optional options), else none.
        /// </summary>
        private static ArgumentSyntax? TokenToForward(SemanticModel model, ExpressionSyntax site, InvocationExpressionSyntax call, int index, string counterpart)
        {
            if (model.GetOperation(site) is Microsoft.CodeAnalysis.Operations.IInvocationOperation operation
                    && operation.Arguments.Any(a => IsCancellationToken(a.Parameter?.Type) && a.ArgumentKind == Microsoft.CodeAnalysis.Operations.ArgumentKind.Explicit)
                || AwaitRewriting.FindCancellationToken(model, site.SpanStart, site) is not { } token)
            {
                return null;
            }

            if (!call.ArgumentList.Arguments.Any(a => a.NameColon is not null))
            {
                var positional = Argument(IdentifierName(token));
                if (BindWith(model, site, call, positional) is { } bound
                    && bound.Name == counterpart
                    && index < bound.Parameters.Length
                    && bound.Parameters[index] is { IsParams: false } parameter
                    && IsCancellationToken(parameter.Type))
                {
                    return positional;
                }
            }

            if (model.GetSpeculativeSymbolInfo(site.SpanStart, call, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol target
                && target.Parameters.FirstOrDefault(p => p.IsOptional && IsCancellationToken(p.Type)) is { } tokenParameter)
            {
                var named = Argument(NameColon(IdentifierName(tokenParameter.Name)), default, IdentifierName(token));
                if (BindWith(model, site, call, named) is { } bound
                    && bound.Name == counterpart
                    && bound.Parameters.Any(p => p.Name == tokenParameter.Name && IsCancellationToken(p.Type)))
                {
                    return named;
                }
            }

            return null;
        }

        private static IMethodSymbol? BindWith(SemanticModel model, ExpressionSyntax site, InvocationExpressionSyntax call, ArgumentSyntax argument) =>
            model.GetSpeculativeSymbolInfo(site.SpanStart, AwaitRewriting.AddArgument(call, argument), SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;

        private static bool IsCancellationToken(ITypeSymbol? type) =>
            SymbolRelations.IsType(type, "System.Threading", "CancellationToken");

        private static bool Binds(SemanticModel model, ExpressionSyntax site, ExpressionSyntax call, string counterpart) =>
            model.GetSpeculativeSymbolInfo(site.SpanStart, call, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol { Name: var name }
            && name == counterpart;

        private static ExpressionSyntax Receiver(ExpressionSyntax expression) =>
            expression is IdentifierNameSyntax or GenericNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax
                or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax
                ? expression
                : ParenthesizedExpression(expression);
    }
}
