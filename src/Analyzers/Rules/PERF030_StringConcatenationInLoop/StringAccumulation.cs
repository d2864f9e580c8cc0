using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>The shapes of "append to this string variable" shared by PERF030's analyzer and code fix.</summary>
public static class StringAccumulation
{
    /// <summary>The local, parameter or field being accumulated into, or null for any other target.</summary>
    public static ISymbol? GetAccumulatedSymbol(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field when field.Instance is null or IInstanceReferenceOperation => field.Field,
        _ => null,
    };

    /// <summary>True for <c>s + …</c>, <c>… + s</c>, <c>string.Concat(s, …)</c> and <c>$"{s}…"</c>.</summary>
    public static bool IsSelfConcatenation(IOperation value, ISymbol symbol, INamedTypeSymbol stringType)
    {
        value = OperationValues.WithoutImplicitConversions(value);
        switch (value)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary
                when SymbolEqualityComparer.Default.Equals(binary.Type, stringType):
                return IsReferenceTo(FirstOperand(binary), symbol) || IsReferenceTo(OperationValues.WithoutImplicitConversions(binary.RightOperand), symbol);
            case IInvocationOperation { TargetMethod: { Name: "Concat", IsStatic: true } method } invocation
                when SymbolEqualityComparer.Default.Equals(method.ContainingType, stringType) && invocation.Arguments.Length > 0:
                return IsReferenceTo(FirstConcatArgument(invocation), symbol);
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                return interpolated.Parts[0] is IInterpolationOperation { Alignment: null, FormatString: null } first
                    && IsReferenceTo(OperationValues.WithoutImplicitConversions(first.Expression), symbol);
            default:
                return false;
        }
    }

    /// <summary>The leftmost operand of a chain of string additions: <c>s</c> in <c>s + a + b</c>.</summary>
    public static IOperation FirstOperand(IBinaryOperation binary)
    {
        var left = OperationValues.WithoutImplicitConversions(binary.LeftOperand);
        while (left is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } inner
               && inner.Type?.SpecialType == SpecialType.System_String)
        {
            left = OperationValues.WithoutImplicitConversions(inner.LeftOperand);
        }

        return left;
    }

    public static bool IsReferenceTo(IOperation? operation, ISymbol symbol) =>
        operation is not null && SymbolEqualityComparer.Default.Equals(GetAccumulatedSymbol(operation), symbol);

    /// <summary>True when the statement holding the assignment is directly followed by break, return, throw or goto.</summary>
    public static bool LoopExitsRightAfter(IOperation assignment)
    {
        var statement = assignment.Syntax.FirstAncestorOrSelf<StatementSyntax>();
        if (statement?.Parent is not BlockSyntax block)
        {
            return false;
        }

        var index = block.Statements.IndexOf(statement);
        return index + 1 < block.Statements.Count
            && block.Statements[index + 1] is BreakStatementSyntax or ReturnStatementSyntax or ThrowStatementSyntax or GotoStatementSyntax;
    }

    /// <summary>
    /// True when, earlier in the same iteration and on every path to the assignment, the variable is given a fresh
    /// value that does not read it (<c>line = item.Name; … line += "!";</c>): it is a per-iteration scratch variable
    /// declared outside the loop, not a string built across iterations.
    /// </summary>
    public static bool IsResetEarlierInIteration(IOperation assignment, ILoopOperation loop, ISymbol symbol)
    {
        var body = loop.Body?.Syntax;
        var model = assignment.SemanticModel;
        for (var statement = assignment.Syntax.FirstAncestorOrSelf<StatementSyntax>();
             statement is not null && body is not null && model is not null && statement != loop.Syntax;
             statement = statement.Parent?.FirstAncestorOrSelf<StatementSyntax>())
        {
            if (statement.Parent is BlockSyntax block)
            {
                var index = block.Statements.IndexOf(statement);
                for (var i = 0; i < index; i++)
                {
                    if (block.Statements[i] is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression } reset }
                        && IsNamed(reset.Left, symbol.Name)
                        && !Mentions(reset.Right, symbol.Name)
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(reset.Left).Symbol, symbol))
                    {
                        return true;
                    }
                }
            }

            if (statement == body)
            {
                break;
            }
        }

        return false;
    }

    private static bool IsNamed(ExpressionSyntax expression, string name) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member } => member.Identifier.ValueText == name,
        _ => false,
    };

    private static bool Mentions(ExpressionSyntax expression, string name)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the assignment sits in a catch clause inside the loop: it runs once per failure (an error log built
    /// across retries or items), and the exception costs far more than the copy.
    /// </summary>
    public static bool IsInCatchClause(IOperation assignment, ILoopOperation loop)
    {
        for (var node = assignment.Syntax.Parent; node is not null && node != loop.Syntax; node = node.Parent)
        {
            if (node is CatchClauseSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when every loop the variable outlives runs a small number of times fixed at compile time
    /// (<c>for (var i = 0; i &lt; 3; i++)</c>): a few copies, not a quadratic build.
    /// </summary>
    public static bool RunsFewTimes(ILoopOperation innermost, ISymbol symbol, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        for (var loop = innermost; loop is not null && !LoopContext.IsDeclaredInside(loop, symbol); loop = LoopContext.FindEnclosingLoop(loop))
        {
            if (!LoopContext.HasSmallConstantIterationCount(loop.Syntax, model, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the loop's condition reads the string itself: <c>while (s.Length &lt; width) s = "0" + s;</c> pads to a
    /// bound rather than building from data.
    /// </summary>
    public static bool IsBoundedByOwnLength(ILoopOperation loop, ISymbol symbol)
    {
        var condition = loop switch
        {
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            IForLoopOperation forLoop => forLoop.Condition,
            _ => null,
        };
        if (condition is null)
        {
            return false;
        }

        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (IsReferenceTo(operation, symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation? FirstConcatArgument(IInvocationOperation invocation)
    {
        var argument = OperationValues.WithoutImplicitConversions(invocation.Arguments[0].Value);
        // string.Concat(params string[]) wraps the arguments in an array creation.
        if (argument is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
        {
            return OperationValues.WithoutImplicitConversions(elements[0]);
        }

        return argument;
    }
}
