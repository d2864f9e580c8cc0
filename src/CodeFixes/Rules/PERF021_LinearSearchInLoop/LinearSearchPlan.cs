using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// One linear search rewritten to a hashed lookup built once before the loop. Only two shapes, and only when the
/// results stay the same: <c>list.Contains(x)</c> on a <c>List&lt;T&gt;</c> or array (both use
/// <c>EqualityComparer&lt;T&gt;.Default</c>, as <c>HashSet&lt;T&gt;</c> does) becomes <c>listSet.Contains(x)</c>, and
/// <c>items.FirstOrDefault(e =&gt; e.Key == probe)</c> on a materialized collection becomes
/// <c>itemsByKey[probe].FirstOrDefault()</c> over <c>items.ToLookup(e =&gt; e.Key)</c>: a lookup keeps every match in
/// source order (so the first match stays the first), accepts duplicate and null keys, and its <c>==</c> and the
/// default equality agree for the key types allowed.
/// </summary>
internal sealed partial class LinearSearchPlan
{
    private LinearSearchPlan(string groupKey, StatementSyntax anchor, string name, LocalDeclarationStatementSyntax declaration, SyntaxNode original, SyntaxNode replacement)
    {
        GroupKey = groupKey;
        Anchor = anchor;
        Name = name;
        Declaration = declaration;
        Original = original;
        Replacement = replacement;
    }

    /// <summary>Plans with the same key share one declaration (several searches of one collection in one loop).</summary>
    public string GroupKey { get; }

    public StatementSyntax Anchor { get; }

    public string Name { get; }

    public LocalDeclarationStatementSyntax Declaration { get; }

    public SyntaxNode Original { get; }

    public SyntaxNode Replacement { get; private set; }

    public static LinearSearchPlan? TryCreate(SemanticModel model, SyntaxNode root, Diagnostic diagnostic, ISet<string> takenNames, CancellationToken cancellationToken) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is SimpleNameSyntax name ? TryCreate(model, name, takenNames, cancellationToken) : null;

    /// <summary>
    /// The other searches of the same collection, of the same shape, in the same loop: fixed together so they share one
    /// set or lookup (and fixing one at a time does not build a second one).
    /// </summary>
    public IEnumerable<LinearSearchPlan> FindSiblings(SemanticModel model, ISet<string> takenNames, CancellationToken cancellationToken)
    {
        var access = (MemberAccessExpressionSyntax)((InvocationExpressionSyntax)Original).Expression;
        var receiver = access.Expression.ToString();
        foreach (var node in Anchor.DescendantNodes())
        {
            if (node is MemberAccessExpressionSyntax candidate
                && candidate != access
                && candidate.Name.Identifier.ValueText == access.Name.Identifier.ValueText
                && candidate.Expression.ToString() == receiver
                && TryCreate(model, candidate.Name, takenNames, cancellationToken) is { } sibling
                && sibling.GroupKey == GroupKey)
            {
                yield return sibling;
            }
        }
    }

    private static LinearSearchPlan? TryCreate(SemanticModel model, SimpleNameSyntax name, ISet<string> takenNames, CancellationToken cancellationToken)
    {
        if (name.Parent is not MemberAccessExpressionSyntax access
            || access.Name != name
            || access.Parent is not InvocationExpressionSyntax invocationSyntax
            || model.GetOperation(invocationSyntax, cancellationToken) is not IInvocationOperation invocation
            || LinearSearch.Create(model.Compilation) is not { } search
            || search.GetSearchedCollection(invocation) is not { } collection
            || collection.Syntax != access.Expression
            || LinearSearch.GetChain(collection) is not { Count: > 0 } chain
            || LinearSearch.FindRepeatingLoop(invocation) is not { } loop
            || LinearSearch.IsChangedIn(loop, chain, invocation)
            || model.GetTypeInfo(access.Expression, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull)
        {
            return null;
        }

        var anchorLoop = Hoist(loop, chain, invocation);
        if (anchorLoop.Syntax is not StatementSyntax anchor
            || anchor.Parent is not (BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            || (chain[chain.Count - 1] is IFieldSymbol or IPropertySymbol && CallsOwnMembers(anchorLoop, chain[chain.Count - 1].ContainingType)))
        {
            return null;
        }

        var method = invocation.TargetMethod;
        return method.Name switch
        {
            "Contains" => TryCreateSet(model, invocation, collection, chain, anchor, takenNames),
            "FirstOrDefault" or "First" => TryCreateLookup(model, invocation, collection, anchor, takenNames),
            _ => null,
        };
    }

    public void ShareDeclarationOf(LinearSearchPlan first)
    {
        if (first.Name != Name)
        {
            Replacement = Replacement.ReplaceTokens(
                Replacement.DescendantTokens(),
                (token, _) => token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == Name ? Identifier(first.Name).WithTriviaFrom(token) : token);
        }
    }

    public void ApplyDeclaration(SyntaxEditor editor)
    {
        var indentation = Anchor.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        var newLine = Anchor.GetFirstToken().GetPreviousToken().TrailingTrivia.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        if (newLine == default)
        {
            newLine = Anchor.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        }

        if (newLine == default)
        {
            newLine = ElasticCarriageReturnLineFeed;
        }

        var declaration = Declaration.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);
        var target = Anchor.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : Anchor;
        editor.InsertBefore(target, target is GlobalStatementSyntax ? GlobalStatement(declaration) : declaration);
    }

    public void ApplyReplacement(SyntaxEditor editor) => editor.ReplaceNode(Original, Replacement.WithTriviaFrom(Original));

    /// <summary>Moves the build out of every enclosing loop in which the collection stays the same, so it runs once.</summary>
    private static ILoopOperation Hoist(ILoopOperation loop, List<ISymbol> chain, IInvocationOperation search)
    {
        var root = chain[chain.Count - 1];
        while (LoopContext.FindEnclosingLoop(loop) is { } outer
               && !(root is ILocalSymbol && LoopContext.IsDeclaredInside(outer, root))
               && !LinearSearch.IsChangedIn(outer, chain, search))
        {
            loop = outer;
        }

        return loop;
    }

    /// <summary>A call to a method of the field's own type could change the field behind the loop's back.</summary>
    private static bool CallsOwnMembers(IOperation loop, INamedTypeSymbol? type)
    {
        foreach (var operation in loop.Descendants())
        {
            if (operation is IInvocationOperation invocation
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, type)
                && invocation.TargetMethod.MethodKind != MethodKind.LocalFunction)
            {
                return true;
            }
        }

        return false;
    }

    private static readonly SymbolDisplayFormat ElementTypeFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static LinearSearchPlan? TryCreateSet(SemanticModel model, IInvocationOperation invocation, IOperation collection, List<ISymbol> chain, StatementSyntax anchor, ISet<string> takenNames)
    {
        var method = invocation.TargetMethod;
        ITypeSymbol? elementType = collection.Type switch
        {
            IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
            INamedTypeSymbol { Arity: 1 } list when SymbolRelations.IsType(list, "System.Collections.Generic", "List") => list.TypeArguments[0],
            _ => null,
        };

        // Enumerable.Contains with a comparer, or inferred for another element type, is not what HashSet<T> would compare.
        if (elementType is null
            || !CanBeNamed(elementType)
            || chain.Count != 1
            || invocation.Arguments.Length != (method.IsExtensionMethod ? 2 : 1)
            || (method.IsExtensionMethod && !SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], elementType))
            || invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax)
        {
            return null;
        }

        var name = ChooseName(model, anchor, BaseName(chain[0].Name) + "Set", takenNames);
        var elementTypeSyntax = ParseTypeName(elementType.ToDisplayString(ElementTypeFormat)).WithImportAnnotations();
        var setType = GenericName(Identifier("HashSet"), TypeArgumentList(SingletonSeparatedList(elementTypeSyntax)));
        var qualified = QualifiedName(ParseName("System.Collections.Generic"), setType).WithImportAnnotations();
        var declaration = LocalDeclarationStatement(
                VariableDeclaration(IdentifierName("var"))
                    .AddVariables(VariableDeclarator(name).WithInitializer(EqualsValueClause(
                        ObjectCreationExpression(qualified).WithArgumentList(ArgumentList(SingletonSeparatedList(Argument(access.Expression.WithoutTrivia()))))))))
            .NormalizeWhitespace();
        var replacement = syntax.WithExpression(access.WithExpression(IdentifierName(name).WithTriviaFrom(access.Expression)));
        return new LinearSearchPlan("set|" + anchor.SpanStart + "|" + access.Expression, anchor, name, declaration, syntax, replacement);
    }

    private static LinearSearchPlan? TryCreateLookup(SemanticModel model, IInvocationOperation invocation, IOperation collection, StatementSyntax anchor, ISet<string> takenNames)
    {
        if (invocation.Arguments.Length != 2
            || invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } syntax
            || !IsMaterialized(collection.Type)
            || OperationValues.WithoutImplicitConversions(invocation.Arguments[1].Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda }
            || lambda.Body.Operations.Length != 1
            || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equality }
            || lambda.Syntax is not (SimpleLambdaExpressionSyntax or ParenthesizedLambdaExpressionSyntax))
        {
            return null;
        }

        var parameter = lambda.Symbol.Parameters[0];
        IOperation key, probe;
        if (IsKeyOf(equality.LeftOperand, parameter) && !References(equality.RightOperand, parameter))
        {
            (key, probe) = (equality.LeftOperand, equality.RightOperand);
        }
        else if (IsKeyOf(equality.RightOperand, parameter) && !References(equality.LeftOperand, parameter))
        {
            (key, probe) = (equality.RightOperand, equality.LeftOperand);
        }
        else
        {
            return null;
        }

        if (!SymbolEqualityComparer.Default.Equals(key.Type, probe.Type)
            || !HasConsistentEquality(key.Type)
            || (equality.OperatorMethod is not null && equality.OperatorMethod.ContainingType?.SpecialType != SpecialType.System_String)
            || key.Syntax is not ExpressionSyntax keySyntax
            || probe.Syntax is not ExpressionSyntax probeSyntax
            || key is not IMemberReferenceOperation { Member: var keyMember }
            || !IsPlainValue(probe))
        {
            return null;
        }

        var collectionBase = LinearSearch.GetChain(collection) is { Count: > 0 } chain ? BaseName(chain[0].Name) : "items";
        var name = ChooseName(model, anchor, collectionBase + "By" + Capitalize(keyMember.Name), takenNames);
        var keySelector = SimpleLambdaExpression(Parameter(Identifier(parameter.Name)), keySyntax.WithoutTrivia());
        var declaration = LocalDeclarationStatement(
                VariableDeclaration(IdentifierName("var"))
                    .AddVariables(VariableDeclarator(name).WithInitializer(EqualsValueClause(
                        InvocationExpression(
                            MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression.WithoutTrivia(), IdentifierName("ToLookup")),
                            ArgumentList(SingletonSeparatedList(Argument(keySelector))))))))
            .NormalizeWhitespace();
        var replacement = InvocationExpression(
            MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                ElementAccessExpression(IdentifierName(name), BracketedArgumentList(SingletonSeparatedList(Argument(probeSyntax.WithoutTrivia())))),
                IdentifierName(invocation.TargetMethod.Name)));
        return new LinearSearchPlan("lookup|" + anchor.SpanStart + "|" + access.Expression + "|" + KeyPath(key), anchor, name, declaration, syntax, replacement);
    }
}
