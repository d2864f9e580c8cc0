using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF030's fix: what the rewrite must keep true — which parts each statement appends, and every other read of the
/// string (its length, handlers and functions that see it).
/// </summary>
internal sealed partial class StringBuilderPlan
{
    private static bool TryGetAppendedParts(SemanticModel model, IAssignmentOperation assignment, ISymbol variable, HashSet<SyntaxNode> selfReferences, out ImmutableArray<ExpressionSyntax> parts)
    {
        var builder = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        parts = default;
        switch (assignment)
        {
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, OperatorMethod: null } compound:
                Flatten(compound.Value, builder);
                break;

            case ISimpleAssignmentOperation simple:
                var value = OperationValues.WithoutImplicitConversions(simple.Value);
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
        return parts.Length > 0 && parts.All(part => AppendsAsConcatenationDoes(model, part));
    }

    /// <summary>
    /// <c>s + chars</c> concatenates <c>"System.Char[]"</c> while <c>Append(chars)</c> appends the characters, and
    /// <c>Append(null)</c> does not compile: such parts keep the concatenation.
    /// </summary>
    private static bool AppendsAsConcatenationDoes(SemanticModel model, ExpressionSyntax part)
    {
        if (part.SyntaxTree != model.SyntaxTree)
        {
            return true; // The rest of an interpolated string, rebuilt for the append: a string.
        }

        var type = model.GetTypeInfo(part).Type;
        return type is not null and not IArrayTypeSymbol and not IPointerTypeSymbol && type.TypeKind != TypeKind.Error;
    }

    /// <summary><c>s.Length</c> as a value (not written, not passed by reference).</summary>
    private static bool IsLengthRead(SemanticModel model, IdentifierNameSyntax identifier, CancellationToken cancellationToken) =>
        identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } access
        && access.Expression == identifier
        && model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol { ContainingType.SpecialType: SpecialType.System_String };

    /// <summary>True when the node is inside a lambda or local function declared within the loop: it runs when called, maybe after the loop.</summary>
    private static bool IsInsideFunctionWithin(SyntaxNode node, StatementSyntax loop)
    {
        for (var current = node.Parent; current is not null && current != loop; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A lambda or local function elsewhere in the member that uses the variable could be called from the loop and
    /// would see (or change) the string without the loop's appends.
    /// </summary>
    private static bool IsUsedByFunctionOutsideLoop(SemanticModel model, StatementSyntax loop, ISymbol variable, CancellationToken cancellationToken)
    {
        var member = loop.Ancestors().FirstOrDefault(a => a is (MemberDeclarationSyntax and not GlobalStatementSyntax) or CompilationUnitSyntax);
        if (member is null)
        {
            return false;
        }

        foreach (var function in member.DescendantNodes().Where(n => n is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
        {
            if (function.Span.Contains(loop.Span) || loop.Span.Contains(function.Span))
            {
                continue; // The function the loop is in, or one inside the loop (its appends are refused separately).
            }

            foreach (var identifier in function.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == variable.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, variable))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Splits a chain of string additions into its operands; other expressions are one part.</summary>
    private static void Flatten(IOperation operation, ImmutableArray<ExpressionSyntax>.Builder parts)
    {
        operation = OperationValues.WithoutImplicitConversions(operation);
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
            if (argument.ArgumentKind == ArgumentKind.ParamArray && OperationValues.WithoutImplicitConversions(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
            {
                result.AddRange(initializer.ElementValues.Select(OperationValues.WithoutImplicitConversions));
            }
            else if (argument.ArgumentKind == ArgumentKind.Explicit && argument.Value.Type is not INamedTypeSymbol { IsGenericType: true })
            {
                result.Add(OperationValues.WithoutImplicitConversions(argument.Value));
            }
            else
            {
                result.Clear(); // Concat(IEnumerable<string>) and friends: not an append of separate values.
                return result;
            }
        }

        return result;
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

    /// <summary>
    /// True when the variable is declared <c>var s = "";</c> (or <c>string.Empty</c>) earlier in the same statement list
    /// and no statement between the declaration and the loop mentions it, so the builder needs no seed.
    /// </summary>
    private static bool StartsEmpty(SemanticModel model, StatementSyntax loop, ISymbol variable)
    {
        if (variable is not ILocalSymbol)
        {
            return false;
        }

        var statements = new List<StatementSyntax>();
        switch (loop.Parent)
        {
            case BlockSyntax block:
                statements.AddRange(block.Statements);
                break;
            case SwitchSectionSyntax section:
                statements.AddRange(section.Statements);
                break;
            case GlobalStatementSyntax { Parent: CompilationUnitSyntax unit }:
                statements.AddRange(unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement));
                break;
        }

        for (var index = statements.IndexOf(loop) - 1; index >= 0; index--)
        {
            var statement = statements[index];
            if (statement is LocalDeclarationStatementSyntax declaration
                && declaration.Declaration.Variables.FirstOrDefault(d => d.Identifier.ValueText == variable.Name) is { } declarator)
            {
                if (declarator.Initializer is not { Value: var value })
                {
                    return false;
                }

                var constant = model.GetConstantValue(value);
                return constant.HasValue && constant.Value is string { Length: 0 }
                    || value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" } access
                        && model.GetTypeInfo(access.Expression).Type?.SpecialType == SpecialType.System_String;
            }

            if (statement.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == variable.Name)
                || statement.DescendantNodesAndSelf().Any(n => n is LabeledStatementSyntax))
            {
                return false;
            }
        }

        return false;
    }

    private static string ChooseBuilderName(SemanticModel model, StatementSyntax loop, string variableName, ISet<string> takenNames) =>
        FreshNames.UnusedInMember(model, loop, variableName.TrimStart('@', '_') + "Builder", takenNames);
}
