using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Whether the lines <c>File.ReadAllLines</c> returns are enumerated exactly once, completely, within one statement:
/// the collection of a <c>foreach</c>, or the head of a LINQ chain that ends in an operator that consumes it
/// (<c>Count</c>, <c>ToList</c>, <c>First</c>, …) or in a <c>foreach</c>.
/// </summary>
internal static class SingleEnumeration
{
    public static bool IsEnumeratedOnce(IInvocationOperation read, INamedTypeSymbol enumerable, CancellationToken cancellationToken)
    {
        var consumer = LocalReferences.ConsumerOf(read, out var value);
        if (consumer is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } declarator })
        {
            return UsedOnceByNextStatement(local, declarator, read, enumerable, cancellationToken);
        }

        return IsConsumedInStatement(value, consumer, read, enumerable);
    }

    private static bool IsConsumedInStatement(IOperation value, IOperation? consumer, IInvocationOperation read, INamedTypeSymbol enumerable)
    {
        while (true)
        {
            switch (consumer)
            {
                case IForEachLoopOperation loop when loop.Collection == value:
                    return !WritesOrYieldsInBody(loop, read);
                case IArgumentOperation { Parent: IInvocationOperation call } argument
                    when call.Arguments.Length > 0 && call.Arguments[0] == argument
                        && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, enumerable):
                    if (!IsLazy(call.TargetMethod))
                    {
                        return true;
                    }

                    consumer = LocalReferences.ConsumerOf(call, out value);
                    continue;
                default:
                    return false;
            }
        }
    }

    /// <summary>Operators that return a deferred sequence (<c>Where</c>, <c>Select</c>, <c>OrderBy</c>, …): an interface type, not a list or a value.</summary>
    private static bool IsLazy(IMethodSymbol method) =>
        method.ReturnType.TypeKind == TypeKind.Interface && method.ReturnType.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
        || method.ReturnType is INamedTypeSymbol { TypeKind: TypeKind.Interface, Name: "IOrderedEnumerable" };

    /// <summary>
    /// Streaming keeps the file open during the loop: a body that writes the same path (<c>File.AppendAllText(path, …)</c>)
    /// would then fail, and a <c>yield return</c> would leave the file open while the caller holds the iterator.
    /// </summary>
    private static bool WritesOrYieldsInBody(IForEachLoopOperation loop, IInvocationOperation read)
    {
        var path = read.Arguments.Length > 0 ? PathSymbol(read.Arguments[0].Value) : null;
        foreach (var operation in loop.Body.Descendants())
        {
            switch (operation)
            {
                case IReturnOperation { Kind: OperationKind.YieldReturn or OperationKind.YieldBreak }:
                    return true;
                case IArgumentOperation argument
                    when path is not null && SymbolEqualityComparer.Default.Equals(PathSymbol(argument.Value), path)
                        && IsSystemIO(argument.Parent switch
                        {
                            IInvocationOperation call => call.TargetMethod.ContainingType,
                            IObjectCreationOperation creation => creation.Type,
                            _ => null,
                        }):
                    return true;
            }
        }

        return false;
    }

    private static ISymbol? PathSymbol(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
    }

    private static bool IsSystemIO(ITypeSymbol? type) =>
        type?.ContainingNamespace is { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    /// <summary><c>var lines = File.ReadAllLines(p);</c> read once, by the statement right after the declaration, outside any loop or lambda of it.</summary>
    private static bool UsedOnceByNextStatement(ILocalSymbol local, IVariableDeclaratorOperation declarator, IInvocationOperation read, INamedTypeSymbol enumerable, CancellationToken cancellationToken)
    {
        IOperation? statement = declarator;
        while (statement is not null and not IVariableDeclarationGroupOperation)
        {
            statement = statement.Parent;
        }

        if (statement?.Parent is not IBlockOperation block || declarator.Parent is IVariableDeclarationOperation { Declarators.Length: > 1 })
        {
            return false;
        }

        var index = block.Operations.IndexOf(statement);
        if (index < 0 || index + 1 >= block.Operations.Length)
        {
            return false;
        }

        ILocalReferenceOperation? use = null;
        foreach (var operation in block.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                if (use is not null)
                {
                    return false;
                }

                use = reference;
            }
        }

        var next = block.Operations[index + 1];
        if (use is null || !next.Syntax.Span.Contains(use.Syntax.Span) || RunsRepeatedly(use, next))
        {
            return false;
        }

        var consumer = LocalReferences.ConsumerOf(use, out var value);
        return IsConsumedInStatement(value, consumer, read, enumerable);
    }

    /// <summary>True when the use sits in a loop body or lambda inside the statement: it may run more than once.</summary>
    private static bool RunsRepeatedly(IOperation use, IOperation statement)
    {
        var previous = use;
        for (var current = use.Parent; current is not null && current != statement.Parent; previous = current, current = current.Parent)
        {
            switch (current)
            {
                case IForEachLoopOperation forEach when forEach.Collection == previous:
                    break;
                case ILoopOperation:
                case IAnonymousFunctionOperation:
                case ILocalFunctionOperation:
                    return true;
            }
        }

        return false;
    }
}
