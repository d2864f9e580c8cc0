using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// One variable accumulated in one loop, rewritten to a StringBuilder. A plan exists only when the rewrite keeps
/// behaviour: the variable is a by-value local or parameter, the loop reads it nowhere but in its own appends,
/// nothing jumps out of the loop past the final assignment, and every append is a statement of its own.
/// </summary>
internal sealed partial class StringBuilderPlan
{
    private readonly ISymbol _variable;
    private readonly StatementSyntax _loop;
    private readonly ImmutableArray<(ExpressionStatementSyntax Statement, ImmutableArray<ExpressionSyntax> Parts)> _appends;
    private readonly ImmutableArray<IdentifierNameSyntax> _lengthReads;
    private readonly bool _startsEmpty;
    private readonly string _builderName;

    private StringBuilderPlan(ISymbol variable, StatementSyntax loop, ImmutableArray<(ExpressionStatementSyntax, ImmutableArray<ExpressionSyntax>)> appends, ImmutableArray<IdentifierNameSyntax> lengthReads, bool startsEmpty, string builderName)
    {
        _variable = variable;
        _loop = loop;
        _appends = appends;
        _lengthReads = lengthReads;
        _startsEmpty = startsEmpty;
        _builderName = builderName;
    }

    public static async Task<IReadOnlyList<StringBuilderPlan>> CreateAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var plans = new List<StringBuilderPlan>();
        if (root is null || model is null)
        {
            return plans;
        }

        // Builder names chosen for earlier plans are taken too: one variable built in two loops gets two builders.
        var takenNames = new HashSet<string>();
        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
                || TryCreate(model, assignment, takenNames, cancellationToken) is not { } plan)
            {
                continue;
            }

            // Several diagnostics in one loop share one builder.
            if (!plans.Any(p => p._loop == plan._loop && SymbolEqualityComparer.Default.Equals(p._variable, plan._variable)))
            {
                takenNames.Add(plan._builderName);
                plans.Add(plan);
            }
        }

        return plans;
    }

    public void Apply(SyntaxEditor editor)
    {
        var builderType = ParseTypeName("System.Text.StringBuilder").WithImportAnnotations();
        var indentation = _loop.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        var newLine = _loop.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (newLine == default)
        {
            newLine = ElasticLineFeed;
        }
        var arguments = _startsEmpty ? ArgumentList() : ArgumentList(SingletonSeparatedList(Argument(IdentifierName(_variable.Name))));
        var declaration = LocalDeclarationStatement(
                VariableDeclaration(IdentifierName("var"))
                    .AddVariables(VariableDeclarator(_builderName).WithInitializer(EqualsValueClause(ObjectCreationExpression(builderType).WithArgumentList(arguments)))))
            .NormalizeWhitespace()
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(newLine);
        var assignBack = ExpressionStatement(
                AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    IdentifierName(_variable.Name),
                    InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, IdentifierName(_builderName), IdentifierName("ToString")))))
            .NormalizeWhitespace()
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(newLine);

        var anchor = _loop.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : _loop;
        editor.InsertBefore(anchor, anchor is GlobalStatementSyntax ? GlobalStatement(declaration) : declaration);
        editor.InsertAfter(anchor, anchor is GlobalStatementSyntax ? GlobalStatement(assignBack) : assignBack);

        foreach (var (statement, parts) in _appends)
        {
            // Tokens without elastic trivia: the formatter then leaves the user's line (and comments on it) as it was.
            ExpressionSyntax call = IdentifierName(Identifier(TriviaList(), _builderName, TriviaList()));
            foreach (var part in parts)
            {
                call = InvocationExpression(
                    MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        call,
                        Token(TriviaList(), SyntaxKind.DotToken, TriviaList()),
                        IdentifierName(Identifier(TriviaList(), "Append", TriviaList()))),
                    ArgumentList(
                        Token(TriviaList(), SyntaxKind.OpenParenToken, TriviaList()),
                        SingletonSeparatedList(Argument(part.WithoutTrivia())),
                        Token(TriviaList(), SyntaxKind.CloseParenToken, TriviaList())));
            }

            editor.ReplaceNode(statement, statement.WithExpression(call.WithTriviaFrom(statement.Expression)));
        }

        // `s.Length` read in the loop (the separator test of a join) is the builder's length: same value, no copy.
        foreach (var read in _lengthReads)
        {
            editor.ReplaceNode(read, IdentifierName(_builderName).WithTriviaFrom(read));
        }
    }

    private static StringBuilderPlan? TryCreate(SemanticModel model, AssignmentExpressionSyntax assignmentSyntax, ISet<string> takenNames, CancellationToken cancellationToken)
    {
        if (model.GetOperation(assignmentSyntax, cancellationToken) is not IAssignmentOperation assignment
            || StringAccumulation.GetAccumulatedSymbol(assignment.Target) is not { } variable
            || variable is not (ILocalSymbol { IsRef: false } or IParameterSymbol { RefKind: RefKind.None })
            || LoopContext.FindEnclosingLoop(assignment) is not { } innermost)
        {
            return null;
        }

        // Wrap the outermost loop that the variable outlives, so the builder is created once.
        var target = innermost;
        while (LoopContext.FindEnclosingLoop(target) is { } outer && !LoopContext.IsDeclaredInside(outer, variable))
        {
            target = outer;
        }

        if (target.Syntax is not StatementSyntax loop
            || loop.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            || loop.DescendantNodes().Any(n => n is GotoStatementSyntax or LabeledStatementSyntax)
            || IsReadByEnclosingHandler(model, loop, variable, cancellationToken)
            || IsUsedByFunctionOutsideLoop(model, loop, variable, cancellationToken))
        {
            return null;
        }

        var appends = ImmutableArray.CreateBuilder<(ExpressionStatementSyntax, ImmutableArray<ExpressionSyntax>)>();
        var allowedReferences = new HashSet<SyntaxNode>();
        foreach (var node in loop.DescendantNodes())
        {
            if (node is not AssignmentExpressionSyntax candidate
                || model.GetOperation(candidate, cancellationToken) is not IAssignmentOperation candidateOperation
                || !StringAccumulation.IsReferenceTo(candidateOperation.Target, variable))
            {
                continue;
            }

            if (candidate.Parent is not ExpressionStatementSyntax statement
                || IsInsideFunctionWithin(candidate, loop)
                || !TryGetAppendedParts(model, candidateOperation, variable, allowedReferences, out var parts))
            {
                return null;
            }

            allowedReferences.Add(candidateOperation.Target.Syntax);
            appends.Add((statement, parts));
        }

        // Any other use of the variable inside the loop would see the stale value; only `s.Length` has an exact
        // builder counterpart, outside the appends themselves.
        var lengthReads = ImmutableArray.CreateBuilder<IdentifierNameSyntax>();
        foreach (var identifier in loop.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == variable.Name
                && !allowedReferences.Contains(identifier)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, variable))
            {
                if (IsLengthRead(model, identifier, cancellationToken)
                    && !appends.Any(a => a.Item1.Span.Contains(identifier.Span))
                    && !IsInsideFunctionWithin(identifier, loop))
                {
                    lengthReads.Add(identifier);
                    continue;
                }

                return null;
            }
        }

        if (appends.Count == 0)
        {
            return null;
        }

        return new StringBuilderPlan(variable, loop, appends.ToImmutable(), lengthReads.ToImmutable(), StartsEmpty(model, loop, variable), ChooseBuilderName(model, loop, variable.Name, takenNames));
    }
}
