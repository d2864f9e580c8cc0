using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF002: waits that do not block — the task is known to be complete where it is waited on (awaited before,
/// created complete, checked for completion) — and waits that do.
/// </summary>
public sealed partial class BlockingWaitInAsyncMethodAnalyzer
{
    private sealed partial class Rule
    {
        /// <summary>
        /// True when <paramref name="task"/> has certainly completed at <paramref name="wait"/>: it was awaited (alone or
        /// through Task.WhenAll/WaitAll) earlier in the function, it was checked with IsCompleted and friends, it is the
        /// result of an awaited Task.WhenAny, or it is created complete (Task.FromResult, Task.CompletedTask).
        /// </summary>
        private bool IsKnownComplete(IOperation? task, IOperation wait, IOperation? body)
        {
            task = StripConfigureAwait(task);
            if (task is null)
            {
                return false;
            }

            if (IsCreatedComplete(task))
            {
                return true;
            }

            if (body is null || ReferencedSymbol(task) is not { } symbol)
            {
                return false;
            }

            var collection = FindForEachCollection(symbol, body);
            var position = wait.Syntax.SpanStart;
            ILocalSymbol? whenAllLocal = null;
            var raced = false;
            foreach (var operation in body.Descendants())
            {
                if (operation.Syntax.SpanStart >= position)
                {
                    continue;
                }

                switch (operation)
                {
                    case IAwaitOperation awaited:
                        var operand = StripConfigureAwait(awaited.Operation);
                        if (RefersTo(operand, symbol) || (whenAllLocal is not null && RefersTo(operand, whenAllLocal)))
                        {
                            return true;
                        }

                        break;
                    case IInvocationOperation { TargetMethod.Name: "WhenAll" or "WaitAll" or "WhenAny" } all
                        when _types.IsTask(all.TargetMethod.ContainingType) && (Mentions(all, symbol) || (collection is not null && Mentions(all, collection))):
                        if (all.TargetMethod.Name == "WhenAny")
                        {
                            // `var done = await Task.WhenAny(t, timeout); if (done != t) …; t.Result` is complete: see the comparison below.
                            raced |= IsAwaited(all);
                        }
                        else if (all.TargetMethod.Name == "WaitAll" || IsAwaited(all))
                        {
                            return true;
                        }
                        else if (all.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                        {
                            // var all = Task.WhenAll(a, b); await all;
                            whenAllLocal = declarator.Symbol;
                        }

                        break;
                    case IInvocationOperation { TargetMethod.Name: "Wait" } earlierWait
                        when _types.IsTask(earlierWait.TargetMethod.ContainingType) && RefersTo(earlierWait.Instance, symbol) && WaitsToTheEnd(earlierWait.TargetMethod):
                        return true;
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison
                        when raced && (RefersTo(comparison.LeftOperand, symbol) || RefersTo(comparison.RightOperand, symbol)):
                        return true;
                    case IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" or "Status" } check
                        when RefersTo(check.Instance, symbol):
                        return true;
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator
                        when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol) && (Unwrap(initializer.Value) is IAwaitOperation || IsCreatedComplete(Unwrap(initializer.Value))):
                        return true;
                    case IIsPatternOperation { Pattern: IRecursivePatternOperation recursive } check
                        when (RefersTo(check.Value, symbol) || SymbolEqualityComparer.Default.Equals(recursive.DeclaredSymbol, symbol)) && ChecksCompletion(recursive):
                        // `if (_warmup is { IsCompleted: true }) return _warmup.Result;`, also through `… } done) done.Result`
                        return true;
                    case ISimpleAssignmentOperation assignment when RefersTo(assignment.Target, symbol) && Unwrap(assignment.Value) is IAwaitOperation:
                        return true;
                }
            }

            return false;
        }

        /// <summary><c>Task.FromResult(…)</c>, <c>Task.CompletedTask</c> and friends: a task that is complete when created.</summary>
        private static bool IsCreatedComplete(IOperation? task) =>
            task is IInvocationOperation { TargetMethod.Name: "FromResult" or "FromException" or "FromCanceled" }
            || task is IPropertyReferenceOperation { Property.Name: "CompletedTask" };

        /// <summary>A property pattern on the task that reads one of its completion flags.</summary>
        private static bool ChecksCompletion(IRecursivePatternOperation pattern)
        {
            foreach (var property in pattern.PropertySubpatterns)
            {
                if (property.Member is IPropertyReferenceOperation { Property.Name: "IsCompleted" or "IsCompletedSuccessfully" or "IsFaulted" or "IsCanceled" or "Status" })
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Wait() and Wait(CancellationToken) return only once the task is complete; the timeout overloads may give up first.</summary>
        private bool WaitsToTheEnd(IMethodSymbol wait) =>
            wait.Parameters.Length == 0
            || (wait.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(wait.Parameters[0].Type, _types.CancellationToken));

        private static bool IsAwaited(IOperation operation)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAwaitOperation:
                        return true;
                    case IConversionOperation:
                    case IInvocationOperation { TargetMethod.Name: "ConfigureAwait" }:
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool Mentions(IOperation operation, ISymbol symbol)
        {
            foreach (var descendant in operation.Descendants())
            {
                if (RefersTo(descendant, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The collection a foreach iteration variable walks: awaiting that collection completes the variable's tasks.</summary>
        private static ISymbol? FindForEachCollection(ISymbol symbol, IOperation body)
        {
            if (symbol is not ILocalSymbol)
            {
                return null;
            }

            foreach (var operation in body.Descendants())
            {
                if (operation is IForEachLoopOperation loop)
                {
                    foreach (var local in loop.Locals)
                    {
                        if (SymbolEqualityComparer.Default.Equals(local, symbol))
                        {
                            return ReferencedSymbol(loop.Collection);
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>The variable, field or property a task expression reads; an element of an array or list counts as the collection.</summary>
        private static ISymbol? ReferencedSymbol(IOperation? operation) => Unwrap(operation) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Property,
            IPropertyReferenceOperation { Arguments.Length: > 0 } indexer => ReferencedSymbol(indexer.Instance),
            IArrayElementReferenceOperation element => ReferencedSymbol(element.ArrayReference),
            _ => null,
        };

        private static bool RefersTo(IOperation? operation, ISymbol symbol) =>
            ReferencedSymbol(operation) is { } referenced && SymbolEqualityComparer.Default.Equals(referenced, symbol);

        private static IOperation? StripConfigureAwait(IOperation? operation)
        {
            operation = Unwrap(operation);
            while (operation is IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance })
            {
                operation = Unwrap(instance);
            }

            return operation;
        }

        private bool SleepsZero(IInvocationOperation invocation) =>
            invocation.Arguments.Length == 1
            && Unwrap(invocation.Arguments[0].Value) is { } value
            && ((value.ConstantValue is { HasValue: true, Value: int number } && number == 0)
                || (value is IFieldReferenceOperation { Field.Name: "Zero" } field && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _types.TimeSpan)));

        private static IOperation? Unwrap(IOperation? operation) => operation?.WithoutConversions();
    }
}
