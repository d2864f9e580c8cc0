using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Rules;

internal sealed partial class BlockingIOEvidence
{
    /// <summary>
    /// True when every body of the application's own <paramref name="counterpart"/> (and of its overrides on the same
    /// type chain) runs <paramref name="definition"/> itself: the awaitable form blocks just the same.
    /// </summary>
    private bool CounterpartWrapsSync(IMethodSymbol counterpart, IMethodSymbol definition, CancellationToken cancellationToken)
    {
        var candidates = new List<IMethodSymbol>();
        if (IsSource(counterpart.OriginalDefinition))
        {
            candidates.Add(counterpart.OriginalDefinition);
        }

        // Stream.ReadAsync(byte[], int, int) binds to the base class; the stream's own override is what runs.
        for (var type = definition.ContainingType; type is not null && IsSource(type); type = type.BaseType)
        {
            foreach (var member in type.GetMembers(counterpart.Name))
            {
                if (member is IMethodSymbol overload && IsSource(overload))
                {
                    candidates.Add(overload);
                }
            }
        }

        if (candidates.Count == 0)
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            var callsSync = false;
            foreach (var body in Bodies(candidate, cancellationToken))
            {
                foreach (var operation in body.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation call && call.TargetMethod.Name == definition.Name
                        && SameTypeChain(call.TargetMethod.ContainingType, definition.ContainingType))
                    {
                        callsSync = true;
                        break;
                    }
                }
            }

            if (!callsSync)
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameTypeChain(INamedTypeSymbol? called, INamedTypeSymbol owner)
    {
        for (var type = owner; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, called?.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<IOperation> Bodies(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            SyntaxNode? body = syntax switch
            {
                BaseMethodDeclarationSyntax { Body: { } block } => block,
                BaseMethodDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                AccessorDeclarationSyntax { Body: { } block } => block,
                AccessorDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                LocalFunctionStatementSyntax { Body: { } block } => block,
                LocalFunctionStatementSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                _ => null,
            };
            if (body is null || !_compilation.ContainsSyntaxTree(body.SyntaxTree))
            {
                continue;
            }

            // A body in another file needs that file's model; the compiler caches them per tree.
            if (_compilation.GetSemanticModel(body.SyntaxTree).GetOperation(body, cancellationToken) is { } operation)
            {
                yield return operation;
            }
        }
    }
}
