using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Loops that run a few times, fixed at compile time: they do not multiply the work by n.</summary>
internal static partial class LoopContext
{
    /// <summary>Loops with at most this many iterations known at compile time do not multiply the work by n.</summary>
    public const int SmallIterationLimit = 8;
    /// <summary>
    /// True when the loop runs a small number of times fixed at compile time: <c>for (var i = 0; i &lt; 3; i++)</c>
    /// (a retry or a fixed-size grid) or <c>foreach</c> over an inline initializer of a few elements.
    /// </summary>
    public static bool HasSmallConstantIterationCount(SyntaxNode loop, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        switch (loop)
        {
            case ForStatementSyntax { Declaration.Variables: { Count: 1 } variables, Condition: BinaryExpressionSyntax condition, Incrementors.Count: 1 } forLoop
                when variables[0].Initializer is { } initializer:
                var name = variables[0].Identifier.ValueText;
                var step = UnitStep(forLoop.Incrementors[0], name);
                if (step == 0 || !TryGetInt64Constant(initializer.Value, model, cancellationToken, out var start))
                {
                    return false;
                }

                long bound;
                var kind = condition.Kind();
                if (condition.Left is IdentifierNameSyntax left && left.Identifier.ValueText == name
                    && TryGetInt64Constant(condition.Right, model, cancellationToken, out bound))
                {
                }
                else if (condition.Right is IdentifierNameSyntax right && right.Identifier.ValueText == name
                    && TryGetInt64Constant(condition.Left, model, cancellationToken, out bound))
                {
                    kind = kind switch
                    {
                        SyntaxKind.LessThanExpression => SyntaxKind.GreaterThanExpression,
                        SyntaxKind.GreaterThanExpression => SyntaxKind.LessThanExpression,
                        SyntaxKind.LessThanOrEqualExpression => SyntaxKind.GreaterThanOrEqualExpression,
                        SyntaxKind.GreaterThanOrEqualExpression => SyntaxKind.LessThanOrEqualExpression,
                        _ => kind,
                    };
                }
                else
                {
                    return false;
                }

                var count = (kind, step) switch
                {
                    (SyntaxKind.LessThanExpression, 1) => bound - start,
                    (SyntaxKind.LessThanOrEqualExpression, 1) => bound - start + 1,
                    (SyntaxKind.GreaterThanExpression, -1) => start - bound,
                    (SyntaxKind.GreaterThanOrEqualExpression, -1) => start - bound + 1,
                    _ => long.MaxValue,
                };
                return count <= SmallIterationLimit;

            case CommonForEachStatementSyntax forEach:
                return IsSmallInlineCollection(forEach.Expression)
                    || (forEach.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax
                        && model.GetSymbolInfo(forEach.Expression, cancellationToken).Symbol is { } symbol
                        && symbol is ILocalSymbol or IFieldSymbol { IsReadOnly: true } or IPropertySymbol { SetMethod: null, IsIndexer: false }
                        && IsInitializedSmall(symbol, cancellationToken))
                    || IsValuesOfSmallEnum(forEach.Expression, model, cancellationToken);

            case WhileStatementSyntax { Condition: var whileCondition }:
                return IsBoundBySmallConstants(whileCondition, model, cancellationToken);

            case DoStatementSyntax { Condition: var doCondition }:
                return IsBoundBySmallConstants(doCondition, model, cancellationToken);

            default:
                return false;
        }
    }

    /// <summary>
    /// <c>while (scoreA &lt; 3 &amp;&amp; scoreB &lt; 3)</c>: every comparison of the condition holds a counter below a
    /// small constant (at most <see cref="SmallIterationLimit"/>), so the loop runs a few rounds.
    /// </summary>
    private static bool IsBoundBySmallConstants(ExpressionSyntax condition, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        while (condition is ParenthesizedExpressionSyntax parenthesized)
        {
            condition = parenthesized.Expression;
        }

        switch (condition)
        {
            case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } both:
                return IsBoundBySmallConstants(both.Left, model, cancellationToken) && IsBoundBySmallConstants(both.Right, model, cancellationToken);
            case BinaryExpressionSyntax comparison when comparison.IsKind(SyntaxKind.LessThanExpression) || comparison.IsKind(SyntaxKind.LessThanOrEqualExpression):
                return comparison.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax
                    && TryGetInt64Constant(comparison.Right, model, cancellationToken, out var bound)
                    && bound >= 0 && bound <= SmallIterationLimit;
            default:
                return false;
        }
    }

    /// <summary>True for <c>new[] { a, b }</c>, <c>new T[] { … }</c>, <c>new List&lt;T&gt; { … }</c> and <c>[a, b]</c> with at most <see cref="SmallIterationLimit"/> elements.</summary>
    public static bool IsSmallInlineCollection(ExpressionSyntax? expression)
    {
        while (expression is CastExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            expression = expression is CastExpressionSyntax cast ? cast.Expression : ((ParenthesizedExpressionSyntax)expression).Expression;
        }

        return expression switch
        {
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.Count <= SmallIterationLimit,
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.Count <= SmallIterationLimit,
            BaseObjectCreationExpressionSyntax { Initializer: { } initializer, ArgumentList: null or { Arguments.Count: 0 } }
                when initializer.IsKind(SyntaxKind.CollectionInitializerExpression) => initializer.Expressions.Count <= SmallIterationLimit,
            InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression } initializer => initializer.Expressions.Count <= SmallIterationLimit,
            CollectionExpressionSyntax collection => collection.Elements.Count <= SmallIterationLimit && !HasSpread(collection),
            _ => false,
        };
    }

    /// <summary><c>Enum.GetValues&lt;T&gt;()</c> or <c>Enum.GetValues(typeof(T))</c> of an enum with a few members.</summary>
    private static bool IsValuesOfSmallEnum(ExpressionSyntax expression, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetValues" } } invocation
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ContainingType.SpecialType: SpecialType.System_Enum } method)
        {
            return false;
        }

        var enumType = method.TypeArguments.Length == 1
            ? method.TypeArguments[0]
            : invocation.ArgumentList.Arguments.Count == 1 && invocation.ArgumentList.Arguments[0].Expression is TypeOfExpressionSyntax typeOf
                ? model.GetTypeInfo(typeOf.Type, cancellationToken).Type
                : null;
        if (enumType is not INamedTypeSymbol { TypeKind: TypeKind.Enum } named)
        {
            return false;
        }

        var count = 0;
        foreach (var member in named.GetMembers())
        {
            if (member is IFieldSymbol { IsConst: true } && ++count > SmallIterationLimit)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// <c>var directions = new[] { … };</c>, <c>static readonly int[] Offsets = { … };</c> or a get-only property
    /// initialized inline (<c>static string[] Providers { get; } = { … };</c>, <c>static string[] Providers =&gt; new[] { … };</c>)
    /// with a few elements: the same few values on every read.
    /// </summary>
    public static bool IsInitializedSmall(ISymbol symbol, System.Threading.CancellationToken cancellationToken)
    {
        var references = symbol.DeclaringSyntaxReferences;
        if (references.Length != 1)
        {
            return false;
        }

        return references[0].GetSyntax(cancellationToken) switch
        {
            VariableDeclaratorSyntax { Initializer.Value: var value } => IsSmallInlineCollection(value),
            PropertyDeclarationSyntax { Initializer.Value: var value } property => IsGetOnly(property) && IsSmallInlineCollection(value),
            PropertyDeclarationSyntax { ExpressionBody.Expression: var value } => IsSmallInlineCollection(value),
            _ => false,
        };
    }

    /// <summary>An auto-property with a getter and no setter (an <c>init</c> accessor could replace the initial value).</summary>
    private static bool IsGetOnly(PropertyDeclarationSyntax property)
    {
        if (property.AccessorList is not { } accessors)
        {
            return false;
        }

        foreach (var accessor in accessors.Accessors)
        {
            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration) || accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasSpread(CollectionExpressionSyntax collection)
    {
        foreach (var element in collection.Elements)
        {
            if (element is SpreadElementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>+1 for <c>i++</c>, <c>++i</c>, <c>i += 1</c>; -1 for the decrements; 0 for anything else.</summary>
    private static int UnitStep(ExpressionSyntax incrementor, string name) => incrementor switch
    {
        PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } unary when id.Identifier.ValueText == name
            => unary.IsKind(SyntaxKind.PostIncrementExpression) ? 1 : -1,
        PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } unary when id.Identifier.ValueText == name
            => unary.IsKind(SyntaxKind.PreIncrementExpression) ? 1 : unary.IsKind(SyntaxKind.PreDecrementExpression) ? -1 : 0,
        AssignmentExpressionSyntax { Left: IdentifierNameSyntax id, Right: LiteralExpressionSyntax { Token.ValueText: "1" } } assignment when id.Identifier.ValueText == name
            => assignment.IsKind(SyntaxKind.AddAssignmentExpression) ? 1 : assignment.IsKind(SyntaxKind.SubtractAssignmentExpression) ? -1 : 0,
        _ => 0,
    };

    private static bool TryGetInt64Constant(ExpressionSyntax expression, SemanticModel model, System.Threading.CancellationToken cancellationToken, out long value)
    {
        value = 0;
        var constant = model.GetConstantValue(expression, cancellationToken);
        switch (constant.Value)
        {
            case int i: value = i; return true;
            case long l: value = l; return true;
            case short s: value = s; return true;
            case byte b: value = b; return true;
            case uint u: value = u; return true;
            default: return false;
        }
    }
}
