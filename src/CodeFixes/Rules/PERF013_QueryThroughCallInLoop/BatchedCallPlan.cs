using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF013's fix: <c>var c = await repository.FindAsync(order.CustomerId, ct);</c> in a foreach becomes one call of the
/// type's batched counterpart before the loop (<c>FindManyAsync(customerIds, ct)</c>), grouped with ToLookup by the
/// key the single call selects, and a lookup in the loop. Planned only when both bodies prove the same selection (see
/// <see cref="KeyedLookupMethods"/>), the loop is a foreach over a stable in-memory collection, the key is read from the
/// loop variable, the receiver and token outlive the loop, and nothing else in the loop body can write to the database.
/// </summary>
internal sealed class BatchedCallPlan : IBatchedLoopPlan
{
    private BatchedCallPlan(ForEachStatementSyntax loop, ExpressionSyntax replaced, ExpressionSyntax receiver, string batched, ExpressionSyntax key, string keyProperty, string elementName, string? cancellation, bool awaitBatched, bool toArray)
    {
        Loop = loop;
        Replaced = replaced;
        Receiver = receiver;
        Batched = batched;
        Key = key;
        KeyProperty = keyProperty;
        ElementName = elementName;
        Cancellation = cancellation;
        AwaitBatched = awaitBatched;
        ToArray = toArray;
    }

    public ForEachStatementSyntax Loop { get; }

    StatementSyntax IBatchedLoopPlan.Loop => Loop;
    private ExpressionSyntax Replaced { get; }
    private ExpressionSyntax Receiver { get; }
    private string Batched { get; }
    private ExpressionSyntax Key { get; }
    private string KeyProperty { get; }
    private string ElementName { get; }
    private string? Cancellation { get; }
    private bool AwaitBatched { get; }
    private bool ToArray { get; }

    public static BatchedCallPlan? TryCreate(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (token.Parent is not IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax access } name
            || access.Name != name
            || access.Parent is not InvocationExpressionSyntax invocation
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation call
            || call.Arguments.Length is < 1 or > 2
            || DataAccessTypes.Create(model.Compilation) is not { } types)
        {
            return null;
        }

        // `var x = await receiver.M(key[, ct]);` (or without await), a statement of the foreach body.
        ExpressionSyntax replaced = invocation.Parent is AwaitExpressionSyntax awaited ? awaited : invocation;
        if (replaced.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax statement } } }
            || statement.Parent is not BlockSyntax { Parent: ForEachStatementSyntax loop }
            || !IsStableCollection(model, loop.Expression, cancellationToken))
        {
            return null;
        }

        var single = call.TargetMethod;
        var targets = new CompilationCallTargets(model.Compilation);
        var cancellation = call.Arguments.Length == 2 ? call.Arguments[1] : null;
        if (single.Parameters.Length != call.Arguments.Length
            || (cancellation is not null && !BatchedCounterparts.IsCancellationToken(single.Parameters[1].Type))
            || targets.ResolveSingleTarget(single, call.IsVirtual, cancellationToken) is not { } singleBody
            || KeyedLookupMethods.SingleLookup(targets.GetBody(singleBody, cancellationToken), singleBody, types) is not { } selection
            || BatchedCounterparts.ElementType(single.ReturnType) is not { } element)
        {
            return null;
        }

        var loopSymbol = model.GetDeclaredSymbol(loop, cancellationToken);
        if (call.Instance is not { } instance
            || !IsKeyOfLoopVariable(call.Arguments[0].Value, loopSymbol)
            || DependsOnLoop(model, loop, instance.Syntax, cancellationToken)
            || (cancellation is not null && DependsOnLoop(model, loop, cancellation.Value.Syntax, cancellationToken))
            || OtherCallsMayWrite(model, loop, invocation, targets, types, cancellationToken))
        {
            return null;
        }

        foreach (var candidate in BatchedCounterparts.BatchedCandidates(single, instance.Type))
        {
            if (candidate.Parameters.Length != call.Arguments.Length
                || (cancellation is not null && !BatchedCounterparts.IsCancellationToken(candidate.Parameters[1].Type))
                || BatchedCounterparts.KeyCollectionKind(candidate.Parameters[0].Type, single.Parameters[0].Type) is not { } toArray
                || !SymbolEqualityComparer.Default.Equals(BatchedCounterparts.CollectionElement(candidate.ReturnType), element)
                || targets.ResolveSingleTarget(candidate, call.IsVirtual, cancellationToken) is not { } batchedBody
                || !KeyedLookupMethods.IsBatchedLookup(targets.GetBody(batchedBody, cancellationToken), batchedBody, selection.Set, selection.Key, types))
            {
                continue;
            }

            return new BatchedCallPlan(
                loop, replaced, (ExpressionSyntax)instance.Syntax, candidate.Name, (ExpressionSyntax)call.Arguments[0].Value.Syntax,
                selection.Key.Name, element.Name, cancellation?.Value.Syntax.ToString(), BatchedCounterparts.IsAwaitable(candidate.ReturnType), toArray);
        }

        return null;
    }

    /// <summary>Writes the batched call before the loop and the lookup in place of the per-item call.</summary>
    public void Apply(SyntaxEditor editor, HashSet<string> taken)
    {
        var keyName = Unique(Camel(LastName(Key)) + "s", taken);
        var lookupName = Unique(Camel(ElementName) + "sBy" + KeyProperty, taken);
        // The element lambda's parameter only has to differ from the variables in scope, not from other lambdas' parameters.
        var element = Camel(ElementName).Substring(0, 1);
        for (var i = 2; VariablesInMember(Loop).Contains(element); i++)
        {
            element = Camel(ElementName).Substring(0, 1) + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var loopVariable = Loop.Identifier.ValueText;
        var keys = ParseStatement(
            $"var {keyName} = {Loop.Expression}.Select({loopVariable} => {Key}).Distinct().{(ToArray ? "ToArray" : "ToList")}();\n");
        var arguments = Cancellation is null ? keyName : keyName + ", " + Cancellation;
        var batchedCall = $"{Receiver}.{Batched}({arguments})";
        var source = AwaitBatched ? $"(await {batchedCall})" : batchedCall;
        var lookup = ParseStatement($"var {lookupName} = {source}.ToLookup({element} => {element}.{KeyProperty});\n");

        // The loop's leading blank lines and comments move to the first new statement; the loop keeps its indentation.
        var leading = Loop.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? TriviaList(leading[leading.Count - 1])
            : TriviaList();
        editor.InsertBefore(Loop, new SyntaxNode[]
        {
            keys.WithLeadingTrivia(leading).WithAdditionalAnnotations(Formatter.Annotation),
            lookup.WithLeadingTrivia(indentation).WithAdditionalAnnotations(Formatter.Annotation),
        });
        editor.ReplaceNode(Replaced, ParseExpression($"{lookupName}[{Key}].FirstOrDefault()").WithTriviaFrom(Replaced));
        editor.ReplaceNode(Loop, (current, _) => current.WithLeadingTrivia(indentation));
    }

    /// <summary>Locals and parameters declared in the member, lambda parameters left out.</summary>
    private static HashSet<string> VariablesInMember(SyntaxNode loop)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var member = loop.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? loop;
        foreach (var node in member.DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax declarator:
                    names.Add(declarator.Identifier.ValueText);
                    break;
                case ParameterSyntax parameter when parameter.Parent?.Parent is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax) && parameter.Parent is not SimpleLambdaExpressionSyntax:
                    names.Add(parameter.Identifier.ValueText);
                    break;
                case ForEachStatementSyntax forEach:
                    names.Add(forEach.Identifier.ValueText);
                    break;
                case SingleVariableDesignationSyntax designation:
                    names.Add(designation.Identifier.ValueText);
                    break;
            }
        }

        return names;
    }

    /// <summary>A foreach over a local or parameter holding an array or list: enumerating it again before the loop sees the same items.</summary>
    private static bool IsStableCollection(SemanticModel model, ExpressionSyntax collection, CancellationToken cancellationToken)
    {
        if (collection is not IdentifierNameSyntax
            || model.GetSymbolInfo(collection, cancellationToken).Symbol is not (ILocalSymbol or IParameterSymbol))
        {
            return false;
        }

        var type = model.GetTypeInfo(collection, cancellationToken).Type;
        return type is IArrayTypeSymbol
            || (type is INamedTypeSymbol named && named.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.List<T>"
                or "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.IReadOnlyCollection<T>"
                or "System.Collections.Generic.ICollection<T>");
    }

    /// <summary><c>order</c> or <c>order.CustomerId</c>: the loop variable or a property read of it.</summary>
    private static bool IsKeyOfLoopVariable(IOperation key, ILocalSymbol? loopVariable)
    {
        var value = key.WithoutConversions();
        while (value is IPropertyReferenceOperation { Instance: { } instance, Property.Parameters.Length: 0 })
        {
            value = instance.WithoutConversions();
        }

        return loopVariable is not null && value is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, loopVariable);
    }

    private static bool DependsOnLoop(SemanticModel model, ForEachStatementSyntax loop, SyntaxNode expression, CancellationToken cancellationToken)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node is InvocationExpressionSyntax)
            {
                return true;
            }

            if (node is IdentifierNameSyntax identifier
                && model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local
                && local.DeclaringSyntaxReferences.Length > 0
                && loop.Span.Contains(local.DeclaringSyntaxReferences[0].Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Another call in the loop body that may write: one to a method of this compilation, or any call on a context, a
    /// set, a command or Dapper. A write between lookups could change what a later single call would have read.
    /// </summary>
    private static bool OtherCallsMayWrite(SemanticModel model, ForEachStatementSyntax loop, InvocationExpressionSyntax fixedCall, CompilationCallTargets targets, DataAccessTypes types, CancellationToken cancellationToken)
    {
        foreach (var node in loop.Statement.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax other || other == fixedCall
                || model.GetSymbolInfo(other, cancellationToken).Symbol is not IMethodSymbol method)
            {
                if (node is InvocationExpressionSyntax && node != fixedCall)
                {
                    return true;
                }

                continue;
            }

            var owner = method.ContainingType;
            if (targets.IsDeclaredHere(method) || types.IsDbContext(owner) || types.IsDbSet(owner) || types.IsCommand(owner)
                || SymbolEqualityComparer.Default.Equals(owner, types.SqlMapper))
            {
                return true;
            }
        }

        return false;
    }

    private static string LastName(ExpressionSyntax key) => key switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => "key",
    };

    private static string Camel(string name) => name.Length == 0 ? "key" : char.ToLowerInvariant(name[0]) + name.Substring(1);

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
