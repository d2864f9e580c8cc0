using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>PERF010's fix: the loop and lookup shapes one batched query can replace without changing results.</summary>
internal sealed partial class BatchedLookupPlan
{
    private static ForEachStatementSyntax? GetLoop(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ForEachStatementSyntax loop:
                    return loop.AwaitKeyword.IsKind(SyntaxKind.None) && loop.Parent is BlockSyntax && loop.Statement.Span.Contains(node.Span) ? loop : null;
                case ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or ForEachVariableStatementSyntax:
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>An array or collection held by a local, parameter, field or property: enumerating it twice sees the same items.</summary>
    private static bool IsStableCollection(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        if (expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax or ThisExpressionSyntax }))
        {
            return false;
        }

        var type = model.GetTypeInfo(expression, cancellationToken).Type;
        if (type is IArrayTypeSymbol)
        {
            return true;
        }

        return type is not null && type.AllInterfaces.Any(i =>
            i.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_ICollection_T or SpecialType.System_Collections_Generic_IReadOnlyCollection_T);
    }

    private static bool IsNotDbSet(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
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
    private static bool WritesToDatabase(StatementSyntax body)
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

    private static bool AssignsMember(StatementSyntax body, string member)
    {
        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax left } when left.Name.Identifier.ValueText == member:
                case PrefixUnaryExpressionSyntax { Operand: MemberAccessExpressionSyntax prefix } when prefix.Name.Identifier.ValueText == member:
                case PostfixUnaryExpressionSyntax { Operand: MemberAccessExpressionSyntax postfix } when postfix.Name.Identifier.ValueText == member:
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: MemberAccessExpressionSyntax byRef } when byRef.Name.Identifier.ValueText == member:
                    return true;
            }
        }

        return false;
    }

    private static bool UsesLoopLocals(SemanticModel model, ForEachStatementSyntax loop, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol
                && model.GetSymbolInfo(identifier, cancellationToken).Symbol!.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == loop.SyntaxTree && loop.Span.Contains(r.Span)))
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

    /// <summary><c>item</c> or <c>item.X</c> where item is the loop variable.</summary>
    private static bool IsLoopKey(ExpressionSyntax expression, ForEachStatementSyntax loop) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == loop.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax owner, Name: IdentifierNameSyntax } => owner.Identifier.ValueText == loop.Identifier.ValueText,
        _ => false,
    };

    /// <summary>Keys whose equality is the same in SQL and in memory: integers and Guids.</summary>
    private static bool IsExactKeyType(ITypeSymbol? type) =>
        type is not null
        && (type.SpecialType is SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Byte
                or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64 or SpecialType.System_SByte
            || SymbolRelations.IsType(type, "System", "Guid"));
}
