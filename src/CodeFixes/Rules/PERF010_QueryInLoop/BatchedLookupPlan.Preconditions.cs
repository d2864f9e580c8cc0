using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>PERF010's batched lookup: which query calls it rewrites, and what must hold for the result to be the same.</summary>
internal sealed partial class BatchedLookupPlan
{
    /// <summary>
    /// The reported query taken apart: the set it starts at, its one predicate, its terminal and token. The anchor is
    /// what runs once per item: the query call, or the nested foreach that enumerates it.
    /// </summary>
    private sealed class MatchedQuery
    {
        public MatchedQuery(SyntaxNode anchor, ExpressionSyntax replaced, Shape shape, string terminal, ExpressionSyntax set, LambdaExpressionSyntax predicate, ExpressionSyntax? cancellation, bool isAsync)
        {
            Anchor = anchor;
            Replaced = replaced;
            Shape = shape;
            Terminal = terminal;
            Set = set;
            Predicate = predicate;
            Cancellation = cancellation;
            IsAsync = isAsync;
        }

        public SyntaxNode Anchor { get; }
        public ExpressionSyntax Replaced { get; }
        public Shape Shape { get; }
        public string Terminal { get; }
        public ExpressionSyntax Set { get; }
        public LambdaExpressionSyntax Predicate { get; }
        public ExpressionSyntax? Cancellation { get; }
        public bool IsAsync { get; }
    }

    private static bool TryMatchQuery(SyntaxNode root, Diagnostic diagnostic, out MatchedQuery? query)
    {
        query = null;

        // A nested foreach over `Set.Where(pred)`: the diagnostic spans the collection expression.
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax { Parent: ForEachStatementSyntax inner } enumerated
            && inner.Expression == enumerated)
        {
            if (AsWhere(enumerated) is not { } onlyWhere)
            {
                return false;
            }

            query = new MatchedQuery(inner, enumerated, Shape.Enumerated, "", onlyWhere.Set, onlyWhere.Predicate, null, false);
            return true;
        }

        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (token.Parent is not IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax access } name
            || access.Name != name
            || access.Parent is not InvocationExpressionSyntax invocation)
        {
            return false;
        }

        var method = name.Identifier.ValueText;
        var isAsync = method.EndsWith("Async", System.StringComparison.Ordinal);
        var terminal = isAsync ? method.Substring(0, method.Length - "Async".Length) : method;
        ExpressionSyntax replaced = invocation;
        if (isAsync)
        {
            if (invocation.Parent is not AwaitExpressionSyntax awaited)
            {
                return false;
            }

            replaced = awaited;
        }

        Shape shape;
        switch (terminal)
        {
            case "First" or "FirstOrDefault" or "Single" or "SingleOrDefault":
                shape = Shape.Element;
                break;
            case "ToList" or "ToArray":
                shape = Shape.Materialized;
                break;
            case "Any":
                shape = Shape.Exists;
                break;
            case "Count" or "LongCount":
                shape = Shape.Count;
                break;
            default:
                return false;
        }

        // `Set.Op(pred[, ct])`, or `Set.Where(pred).Op([ct])`; ToList and ToArray take no predicate.
        var arguments = invocation.ArgumentList.Arguments;
        if (shape != Shape.Materialized && arguments.Count >= 1 && arguments[0].Expression is LambdaExpressionSyntax lambda)
        {
            if (arguments.Count > (isAsync ? 2 : 1) || arguments[0].NameColon is not null)
            {
                return false;
            }

            query = new MatchedQuery(invocation, replaced, shape, terminal, access.Expression, lambda, arguments.Count == 2 ? arguments[1].Expression : null, isAsync);
            return true;
        }

        if (arguments.Count > (isAsync ? 1 : 0) || AsWhere(access.Expression) is not { } where)
        {
            return false;
        }

        query = new MatchedQuery(invocation, replaced, shape, terminal, where.Set, where.Predicate, arguments.Count == 1 ? arguments[0].Expression : null, isAsync);
        return true;
    }

    private static (ExpressionSyntax Set, LambdaExpressionSyntax Predicate)? AsWhere(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Where" } where, ArgumentList.Arguments.Count: 1 } call
            && call.ArgumentList.Arguments[0] is { NameColon: null, Expression: LambdaExpressionSyntax predicate }
            ? (where.Expression, predicate)
            : null;

    /// <summary>
    /// True unless <paramref name="expression"/> is a <c>DbSet</c>, possibly behind operators that shape the rows but
    /// never filter them differently per key (<c>Include</c>, <c>AsNoTracking</c>, <c>AsSplitQuery</c>…): the batched
    /// query keeps them and adds its <c>Where</c>.
    /// </summary>
    private static bool IsNotDbSet(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Include" or "ThenInclude" or "AsNoTracking" or "AsNoTrackingWithIdentityResolution" or "AsTracking" or "AsSplitQuery" or "AsSingleQuery" or "IgnoreAutoIncludes" or "IgnoreQueryFilters" or "TagWith" } shaping } call
            && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol { ContainingType.Name: "EntityFrameworkQueryableExtensions" or "RelationalQueryableExtensions" })
        {
            expression = shaping.Expression;
        }

        for (var type = model.GetTypeInfo(expression, cancellationToken).Type as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            if (SymbolRelations.IsType(type.OriginalDefinition, "Microsoft.EntityFrameworkCore", "DbSet"))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Saves or bulk writes in the loop could change what later lookups would have returned.</summary>
    internal static bool WritesToDatabase(SyntaxNode body)
    {
        foreach (var node in body.DescendantNodes())
        {
            if (node is SimpleNameSyntax { Identifier.ValueText: var text }
                && (text.StartsWith("SaveChanges", System.StringComparison.Ordinal) || text.StartsWith("Execute", System.StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the body assigns, increments or passes by reference a member named like one on the key's path.</summary>
    internal static bool AssignsAnyMember(SyntaxNode body, IReadOnlyList<string> path)
    {
        if (path.Count == 0)
        {
            return false;
        }

        foreach (var node in body.DescendantNodes())
        {
            var target = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Left,
                PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } prefix => prefix.Operand,
                PostfixUnaryExpressionSyntax postfix => postfix.Operand,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0 } byRef => byRef.Expression,
                _ => null,
            };
            if (target is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var member } && Contains(path, member))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<string> path, string member)
    {
        foreach (var name in path)
        {
            if (name == member)
            {
                return true;
            }
        }

        return false;
    }

    private static string? SingleParameter(LambdaExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized when parenthesized.ParameterList.Parameters[0].Type is null
            => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    private static MemberAccessExpressionSyntax? IsParameterMember(ExpressionSyntax expression, string parameter) =>
        expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner } access && owner.Identifier.ValueText == parameter ? access : null;

    /// <summary>Keys whose equality is the same in SQL and in memory: integers and Guids.</summary>
    internal static bool IsExactKeyType(ITypeSymbol? type) =>
        type is not null
        && (type.SpecialType is SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Byte
                or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_SByte
            || SymbolRelations.IsType(type, "System", "Guid"));
}
