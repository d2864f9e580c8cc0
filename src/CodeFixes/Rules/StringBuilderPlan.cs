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
internal sealed class StringBuilderPlan
{
    private readonly ISymbol _variable;
    private readonly StatementSyntax _loop;
    private readonly ImmutableArray<(ExpressionStatementSyntax Statement, ImmutableArray<ExpressionSyntax> Parts)> _appends;
    private readonly bool _startsEmpty;
    private readonly string _builderName;

    private StringBuilderPlan(ISymbol variable, StatementSyntax loop, ImmutableArray<(ExpressionStatementSyntax, ImmutableArray<ExpressionSyntax>)> appends, bool startsEmpty, string builderName)
    {
        _variable = variable;
        _loop = loop;
        _appends = appends;
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

        foreach (var diagnostic in diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not AssignmentExpressionSyntax assignment
                || TryCreate(model, assignment, cancellationToken) is not { } plan)
            {
                continue;
            }

            // Several diagnostics in one loop share one builder.
            if (!plans.Any(p => p._loop == plan._loop && SymbolEqualityComparer.Default.Equals(p._variable, plan._variable)))
            {
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
            ExpressionSyntax call = IdentifierName(_builderName);
            foreach (var part in parts)
            {
                call = InvocationExpression(
                    MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, call, IdentifierName("Append")),
                    ArgumentList(SingletonSeparatedList(Argument(part.WithoutTrivia()))));
            }

            editor.ReplaceNode(statement, statement.WithExpression(call.WithTriviaFrom(statement.Expression)));
        }
    }

    private static StringBuilderPlan? TryCreate(SemanticModel model, AssignmentExpressionSyntax assignmentSyntax, CancellationToken cancellationToken)
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
            || IsReadByEnclosingHandler(model, loop, variable, cancellationToken))
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
                || !TryGetAppendedParts(candidateOperation, variable, allowedReferences, out var parts))
            {
                return null;
            }

            allowedReferences.Add(candidateOperation.Target.Syntax);
            appends.Add((statement, parts));
        }

        // Any other use of the variable inside the loop would see the stale value.
        foreach (var identifier in loop.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText == variable.Name
                && !allowedReferences.Contains(identifier)
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, variable))
            {
                return null;
            }
        }

        if (appends.Count == 0)
        {
            return null;
        }

        return new StringBuilderPlan(variable, loop, appends.ToImmutable(), StartsEmpty(model, loop, variable), ChooseBuilderName(model, loop, variable.Name));
    }

    private static bool TryGetAppendedParts(IAssignmentOperation assignment, ISymbol variable, HashSet<SyntaxNode> selfReferences, out ImmutableArray<ExpressionSyntax> parts)
    {
        var builder = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        parts = default;
        switch (assignment)
        {
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null } compound:
                Flatten(compound.Value, builder);
                break;

            case ISimpleAssignmentOperation simple:
                var value = Unwrap(simple.Value);
                switch (value)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null } binary
                        when binary.Type?.SpecialType == SpecialType.System_String:
                        var first = StringAccumulation.FirstOperand(binary);
                        if (!StringAccumulation.IsReferenceTo(first, variable))
                        {
                            return false; // Prepending has no cheap StringBuilder equivalent worth generating.
                        }

                        selfReferences.Add(first.Syntax);
                        Flatten(binary, builder);
                        builder.RemoveAt(0);
                        break;

                    case IInvocationOperation { TargetMethod.Name: "Concat" } concat:
                        var arguments = ConcatArguments(concat);
                        if (arguments.Count < 2 || !StringAccumulation.IsReferenceTo(arguments[0], variable))
                        {
                            return false;
                        }

                        selfReferences.Add(arguments[0].Syntax);
                        for (var i = 1; i < arguments.Count; i++)
                        {
                            if (arguments[i].Syntax is not ExpressionSyntax argument)
                            {
                                return false;
                            }

                            builder.Add(argument);
                        }

                        break;

                    case IInterpolatedStringOperation { Syntax: InterpolatedStringExpressionSyntax interpolated } when interpolated.Contents.Count > 1
                        && interpolated.Contents[0] is InterpolationSyntax { AlignmentClause: null, FormatClause: null } head:
                        selfReferences.Add(head.Expression);
                        builder.Add(interpolated.WithContents(List(interpolated.Contents.RemoveAt(0))));
                        break;

                    default:
                        return false;
                }

                break;

            default:
                return false;
        }

        parts = builder.ToImmutable();
        return parts.Length > 0;
    }

    /// <summary>Splits a chain of string additions into its operands; other expressions are one part.</summary>
    private static void Flatten(IOperation operation, ImmutableArray<ExpressionSyntax>.Builder parts)
    {
        operation = Unwrap(operation);
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null } binary
            && binary.Type?.SpecialType == SpecialType.System_String)
        {
            Flatten(binary.LeftOperand, parts);
            Flatten(binary.RightOperand, parts);
            return;
        }

        parts.Add((ExpressionSyntax)operation.Syntax);
    }

    private static List<IOperation> ConcatArguments(IInvocationOperation concat)
    {
        var result = new List<IOperation>();
        if (concat.TargetMethod.ContainingType.SpecialType != SpecialType.System_String)
        {
            return result;
        }

        foreach (var argument in concat.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && Unwrap(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
            {
                result.AddRange(initializer.ElementValues.Select(Unwrap));
            }
            else if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Value.Type is not INamedTypeSymbol { IsGenericType: true })
            {
                result.Add(Unwrap(argument.Value));
            }
            else
            {
                result.Clear(); // Concat(IEnumerable<string>) and friends: not an append of separate values.
                return result;
            }
        }

        return result;
    }

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>A catch or finally around the loop that reads the variable would see it without the loop's appends.</summary>
    private static bool IsReadByEnclosingHandler(SemanticModel model, StatementSyntax loop, ISymbol variable, CancellationToken cancellationToken)
    {
        foreach (var tryStatement in loop.Ancestors().OfType<TryStatementSyntax>())
        {
            if (!tryStatement.Block.Span.Contains(loop.Span))
            {
                continue;
            }

            var handlers = tryStatement.Catches.Cast<SyntaxNode>().Concat(tryStatement.Finally is { } f ? new SyntaxNode[] { f } : []);
            foreach (var handler in handlers)
            {
                if (handler.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id =>
                        id.Identifier.ValueText == variable.Name
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, variable)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when the loop directly follows <c>var s = "";</c> (or <c>string.Empty</c>), so the builder needs no seed.</summary>
    private static bool StartsEmpty(SemanticModel model, StatementSyntax loop, ISymbol variable)
    {
        if (loop.Parent is not BlockSyntax block)
        {
            return false;
        }

        var index = block.Statements.IndexOf(loop);
        if (index < 1 || block.Statements[index - 1] is not LocalDeclarationStatementSyntax declaration)
        {
            return false;
        }

        foreach (var declarator in declaration.Declaration.Variables)
        {
            if (declarator.Identifier.ValueText == variable.Name && declarator.Initializer is { Value: var value })
            {
                var constant = model.GetConstantValue(value);
                return constant.HasValue && constant.Value is string { Length: 0 }
                    || value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } access
                        && model.GetTypeInfo(access.Expression).Type?.SpecialType == SpecialType.System_String;
            }
        }

        return false;
    }

    private static string ChooseBuilderName(SemanticModel model, StatementSyntax loop, string variableName)
    {
        var baseName = variableName.TrimStart('@', '_') + "Builder";
        var member = loop.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax) ?? loop;
        var usedNames = new HashSet<string>(member.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
        var candidate = baseName;
        for (var suffix = 2; usedNames.Contains(candidate) || !model.LookupSymbols(loop.SpanStart, name: candidate).IsEmpty; suffix++)
        {
            candidate = baseName + suffix;
        }

        return candidate;
    }
}
