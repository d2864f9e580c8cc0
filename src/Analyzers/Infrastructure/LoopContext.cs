using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Answers "which loop runs this operation" within one function body.</summary>
internal static class LoopContext
{
    /// <summary>
    /// The innermost loop statement around <paramref name="operation"/>, not crossing a lambda,
    /// local function or member boundary (code there runs when it is called, not per iteration).
    /// </summary>
    public static ILoopOperation? FindEnclosingLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILoopOperation loop:
                    return loop;
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    return null;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="operation"/> is part of the loop's body rather than its header (collection, condition, increment).</summary>
    public static bool IsInBody(ILoopOperation loop, IOperation operation)
    {
        var body = loop.Body;
        return body is not null && body.Syntax.Span.Contains(operation.Syntax.Span);
    }

    /// <summary>True when the symbol was declared inside the syntax of <paramref name="scope"/> (a loop: a fresh variable per iteration).</summary>
    public static bool IsDeclaredInside(IOperation scope, ISymbol symbol)
    {
        var span = scope.Syntax.Span;
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == scope.Syntax.SyntaxTree && span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Loops with at most this many iterations known at compile time do not multiply the work by n.</summary>
    public const int SmallIterationLimit = 8;

    /// <summary>True for <c>for</c>, <c>foreach</c> (also <c>await foreach</c> and deconstructing), <c>while</c> and <c>do</c> statements.</summary>
    public static bool IsLoopStatement(SyntaxNode node) =>
        node is ForStatementSyntax or CommonForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    /// <summary>True for the syntax that starts a new function body: lambdas, anonymous methods and local functions.</summary>
    public static bool IsFunctionBoundary(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

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

    /// <summary>
    /// True for a hosted-service style loop that runs until cancelled or ticks on a timer:
    /// <c>while (!token.IsCancellationRequested)</c>, <c>while (await timer.WaitForNextTickAsync(token))</c>, or
    /// <c>while (true)</c> / <c>for (;;)</c> around an <c>await Task.Delay(…)</c>. Its iterations are spread over time,
    /// not over data, so it does not multiply the work of the loops inside it.
    /// </summary>
    public static bool IsServiceLoop(SyntaxNode loop, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        ExpressionSyntax? condition;
        StatementSyntax body;
        switch (loop)
        {
            case WhileStatementSyntax whileLoop:
                (condition, body) = (whileLoop.Condition, whileLoop.Statement);
                break;
            case DoStatementSyntax doLoop:
                (condition, body) = (doLoop.Condition, doLoop.Statement);
                break;
            case ForStatementSyntax { Declaration: null, Initializers.Count: 0, Incrementors.Count: 0 } forLoop:
                (condition, body) = (forLoop.Condition, forLoop.Statement);
                break;
            default:
                return false;
        }

        if (condition is null || condition.IsKind(SyntaxKind.TrueLiteralExpression))
        {
            foreach (var node in body.DescendantNodes(n => !IsFunctionBoundary(n)))
            {
                if (node is AwaitExpressionSyntax { Expression: InvocationExpressionSyntax invocation }
                    && IsWellKnownWait(invocation, model, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var node in condition.DescendantNodesAndSelf(n => !IsFunctionBoundary(n)))
        {
            switch (node)
            {
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsCancellationRequested" } access
                    when model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol { ContainingType: { Name: "CancellationToken" or "CancellationTokenSource", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } }:
                    return true;
                case InvocationExpressionSyntax invocation when IsWellKnownWait(invocation, model, cancellationToken):
                    return true;
                // while (Console.KeyAvailable) Console.ReadKey(true): drains the keys pressed since the last frame.
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "KeyAvailable" } keys
                    when model.GetSymbolInfo(keys, cancellationToken).Symbol is IPropertySymbol { IsStatic: true, ContainingType: { Name: "Console", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }:
                    return true;
            }
        }

        return false;
    }

    /// <summary><c>Task.Delay(…)</c> or <c>PeriodicTimer.WaitForNextTickAsync(…)</c>.</summary>
    private static bool IsWellKnownWait(InvocationExpressionSyntax invocation, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
        if (name is not ("Delay" or "WaitForNextTickAsync"))
        {
            return false;
        }

        return model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
            && method.ContainingType is { Name: "Task" or "PeriodicTimer" } type
            && type.ContainingNamespace?.ToDisplayString() is "System.Threading.Tasks" or "System.Threading";
    }

    /// <summary>
    /// A retry loop: a while, do or for loop (not a foreach over items) whose body leaves the loop on success
    /// inside a <c>try</c> that catches the failure, or leaves it and otherwise waits before the next attempt
    /// (<c>Task.Delay</c>, <c>Thread.Sleep</c>). Its iterations are attempts, usually one.
    /// </summary>
    public static bool IsRetryLoop(ILoopOperation loop)
    {
        if (loop is IForEachLoopOperation || loop.Body is not { } body)
        {
            return false;
        }

        var waits = false;
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case ITryOperation { Catches.Length: > 0 } tryOperation when ContainsExit(tryOperation.Body, loop, throughInnerLoops: true):
                    return true;
                case IInvocationOperation { TargetMethod: { Name: "Delay" or "Sleep", ContainingType.ContainingNamespace: { Name: "Tasks" or "Threading" } } }:
                    waits = true;
                    break;
            }
        }

        return waits && ContainsExit(body, loop, throughInnerLoops: true);
    }

    /// <summary>A jump out of <paramref name="loop"/> under <paramref name="scope"/>; with <paramref name="throughInnerLoops"/> false, not one inside a loop nested in it.</summary>
    public static bool ContainsExit(IOperation scope, ILoopOperation loop, bool throughInnerLoops)
    {
        var stack = new System.Collections.Generic.Stack<IOperation>();
        stack.Push(scope);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is IBranchOperation or IReturnOperation && Exits(current, loop))
            {
                return true;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation || (!throughInnerLoops && current is ILoopOperation))
            {
                continue;
            }

            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }

        return false;
    }

    /// <summary>A <c>break</c> of this loop, or a <c>return</c>/<c>yield break</c>.</summary>
    public static bool Exits(IOperation jump, ILoopOperation loop) => jump switch
    {
        IBranchOperation { BranchKind: BranchKind.Break } branch => SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel),
        IReturnOperation { Kind: OperationKind.Return or OperationKind.YieldBreak } => true,
        _ => false,
    };
}
