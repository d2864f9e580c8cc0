using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>How long a new <c>HttpClient</c> lives: disposed before the call returns, or one per loop iteration.</summary>
internal static class HttpClientLifetime
{
    /// <summary><c>using var c = new HttpClient()</c>, <c>using (var c = …)</c>, or a local disposed in a <c>finally</c>.</summary>
    public static bool IsDisposedInSameCall(IObjectCreationOperation creation)
    {
        var consumer = LocalReferences.ConsumerOf(creation, out _);
        if (consumer is IUsingOperation)
        {
            return true;
        }

        if (consumer is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Parent: IVariableDeclarationOperation { Parent: IVariableDeclarationGroupOperation group } } }
            && group.Parent is IUsingOperation or IUsingDeclarationOperation)
        {
            return true;
        }

        if (LocalReferences.ReceivingLocal(creation) is not { } local)
        {
            return false;
        }

        foreach (var reference in LocalReferences.FindAll(creation, local))
        {
            if (IsDisposeInFinally(reference))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Created in a loop body (not its header, not in a lambda within it) and kept only for that iteration: used as
    /// a receiver, never stored, returned or handed to another method. A loop with a few fixed iterations is exempt.
    /// </summary>
    public static bool IsCreatedPerIteration(IObjectCreationOperation creation, CancellationToken cancellationToken)
    {
        if (LoopContext.FindEnclosingLoop(creation) is not { } loop
            || !LoopContext.IsInBody(loop, creation)
            || creation.SemanticModel is not { } model
            || LoopContext.HasSmallConstantIterationCount(loop.Syntax, model, cancellationToken))
        {
            return false;
        }

        if (LocalReferences.ReceivingLocal(creation) is { } local)
        {
            foreach (var reference in LocalReferences.FindAll(creation, local))
            {
                if (!IsUsedOnly(reference))
                {
                    return false;
                }
            }

            return true;
        }

        return IsUsedOnly(creation);
    }

    /// <summary>True when the value is the receiver of a call or a member access, or the local's own declaration or <c>using</c>.</summary>
    private static bool IsUsedOnly(IOperation value)
    {
        var consumer = LocalReferences.ConsumerOf(value, out var outermost);
        return consumer switch
        {
            IInvocationOperation invocation => invocation.Instance == outermost,
            IPropertyReferenceOperation property => property.Instance == outermost,
            IVariableInitializerOperation or IUsingOperation => true,
            IConditionalAccessOperation conditional => conditional.Operation == outermost,
            ISimpleAssignmentOperation assignment => assignment.Target == outermost && value is ILocalReferenceOperation,
            _ => false,
        };
    }

    /// <summary><c>client.Dispose()</c> or <c>client?.Dispose()</c> inside a <c>finally</c> block.</summary>
    private static bool IsDisposeInFinally(ILocalReferenceOperation reference)
    {
        var consumer = LocalReferences.ConsumerOf(reference, out var outermost);
        var isDispose = consumer switch
        {
            IInvocationOperation { TargetMethod.Name: "Dispose", Arguments.IsEmpty: true } invocation => invocation.Instance == outermost,
            IConditionalAccessOperation { WhenNotNull: IInvocationOperation { TargetMethod.Name: "Dispose", Arguments.IsEmpty: true } } conditional => conditional.Operation == outermost,
            _ => false,
        };
        if (!isDispose)
        {
            return false;
        }

        for (var node = reference.Syntax.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case FinallyClauseSyntax:
                    return true;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}
