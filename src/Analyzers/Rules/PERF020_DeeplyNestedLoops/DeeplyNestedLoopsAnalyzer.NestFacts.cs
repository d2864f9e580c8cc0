using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

public sealed partial class DeeplyNestedLoopsAnalyzer
{
    /// <summary>
    /// What one nest needs to decide which of its loops multiply the work, computed once per outermost loop: the values
    /// each local of the nest is given (to follow <c>var fields = item.Fields;</c>), and per local and enclosing loop
    /// whether the local depends on that loop's current item.
    /// </summary>
    private sealed class NestFacts
    {
        private readonly SemanticModel _model;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<ILocalSymbol, List<IOperation>> _values = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<(ILocalSymbol Local, ILoopOperation Loop), bool> _dependence = new();

        public NestFacts(ILoopOperation outermost, SemanticModel model, CancellationToken cancellationToken)
        {
            _model = model;
            _cancellationToken = cancellationToken;
            CollectValues(outermost);
        }

        /// <summary>
        /// True when <paramref name="loop"/> adds a level: it iterates a collection or range of its own, not the
        /// children of an enclosing loop's current item, and it is not a few fixed iterations, a service loop, a retry
        /// loop, a search for a free name or slot, or a scan that leaves at its first match.
        /// </summary>
        public bool IsLevel(ILoopOperation loop, Enclosing? enclosing)
        {
            var syntax = loop.Syntax;
            if (LoopContext.HasSmallConstantIterationCount(syntax, _model, _cancellationToken)
                || LoopContext.IsServiceLoop(syntax, _model, _cancellationToken)
                || LoopContext.IsRetryLoop(loop)
                || IsFreeSlotSearch(loop)
                || LeavesAtFirstMatch(loop))
            {
                return false;
            }

            if (IterationSource(loop) is not { } source)
            {
                return true;
            }

            // A walk down a tree: the loop's collection comes from an enclosing loop's current item. It is a level
            // only when another loop of the nest, between the two or inside this one, also walks that item's
            // children: pairs within a group (rows × rows, order.Lines × order.Extras) multiply, and both count.
            for (var owner = enclosing; owner is not null; owner = owner.Outer)
            {
                if (!DependsOn(source, owner.Loop))
                {
                    continue;
                }

                for (var between = enclosing; between is not null && between != owner; between = between.Outer)
                {
                    if (IterationSource(between.Loop) is { } other && DependsOn(other, owner.Loop))
                    {
                        return true;
                    }
                }

                return InnerLoopWalks(loop, owner.Loop);
            }

            return true;
        }

        /// <summary>True when a loop nested in <paramref name="loop"/> also iterates children of <paramref name="owner"/>'s item.</summary>
        private bool InnerLoopWalks(ILoopOperation loop, ILoopOperation owner)
        {
            if (loop.Body is not { } body)
            {
                return false;
            }

            var stack = new Stack<IOperation>();
            stack.Push(body);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                if (current is ILoopOperation inner && IterationSource(inner) is { } innerSource && DependsOn(innerSource, owner))
                {
                    return true;
                }

                foreach (var child in current.ChildOperations)
                {
                    stack.Push(child);
                }
            }

            return false;
        }

        /// <summary>What the loop iterates: a foreach's collection, a for or while loop's condition (its bound).</summary>
        private static IOperation? IterationSource(ILoopOperation loop) => loop switch
        {
            IForEachLoopOperation forEach => forEach.Collection,
            IForLoopOperation forLoop => forLoop.Condition,
            IWhileLoopOperation whileLoop => whileLoop.Condition,
            _ => null,
        };

        /// <summary>
        /// True when <paramref name="value"/> is computed from <paramref name="loop"/>'s current item: it reads the
        /// item, directly or through locals of the nest, members, calls, casts, indexes or lookups keyed by it. A
        /// number used as a number (<c>i &lt; y</c>) is a size, not a child collection, and does not count; the same
        /// number used as an index or argument (<c>rows[i]</c>, <c>GetRow(i)</c>) does. Lambdas are not entered:
        /// <c>all.Where(c =&gt; c.ParentId == item.Id)</c> still scans all of <c>all</c>.
        /// </summary>
        private bool DependsOn(IOperation value, ILoopOperation loop)
        {
            var stack = new Stack<IOperation>();
            stack.Push(value);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                switch (current)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        continue;
                    case ILocalReferenceOperation { Local: var local } reference:
                        if (IsItemOf(local, loop) ? !IsScalarUse(reference) : LocalDependsOn(local, loop))
                        {
                            return true;
                        }

                        continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    stack.Push(child);
                }
            }

            return false;
        }

        private static bool IsItemOf(ILocalSymbol local, ILoopOperation loop)
        {
            foreach (var declared in loop.Locals)
            {
                if (SymbolEqualityComparer.Default.Equals(declared, local))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A numeric, boolean, char or enum item read as a value (compared, added), not to select an element.</summary>
        private static bool IsScalarUse(ILocalReferenceOperation reference)
        {
            var type = reference.Local.Type;
            if (type.TypeKind != TypeKind.Enum && type.SpecialType is < SpecialType.System_Boolean or > SpecialType.System_Double)
            {
                return false;
            }

            IOperation current = reference;
            while (current.Parent is IConversionOperation or IParenthesizedOperation or IBinaryOperation or IUnaryOperation or IIncrementOrDecrementOperation)
            {
                current = current.Parent;
            }

            return current.Parent is not (IArgumentOperation or IArrayElementReferenceOperation or IPropertyReferenceOperation);
        }

        /// <summary>True when a local of the nest is given a value that depends on <paramref name="loop"/>'s item.</summary>
        private bool LocalDependsOn(ILocalSymbol local, ILoopOperation loop)
        {
            if (!_values.TryGetValue(local, out var values))
            {
                return false;
            }

            var key = (local, loop);
            if (_dependence.TryGetValue(key, out var known))
            {
                return known;
            }

            _dependence[key] = false; // a cycle (x = x.Next) adds nothing
            foreach (var assigned in values)
            {
                if (DependsOn(assigned, loop))
                {
                    _dependence[key] = true;
                    return true;
                }
            }

            return false;
        }

        /// <summary>One walk over the nest: every value given to a local (initializer, assignment, out argument's call).</summary>
        private void CollectValues(IOperation outermost)
        {
            var stack = new Stack<IOperation>();
            stack.Push(outermost);
            while (stack.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var current = stack.Pop();
                switch (current)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        continue;
                    case IVariableDeclaratorOperation { Symbol: var local } declarator when declarator.GetVariableInitializer() is { Value: var initializer }:
                        Add(local, initializer);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation { Local: var local }, Value: var assigned }:
                        Add(local, assigned);
                        break;
                    case ICompoundAssignmentOperation { Target: ILocalReferenceOperation { Local: var local }, Value: var assigned }:
                        Add(local, assigned);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out, Value: ILocalReferenceOperation { Local: var local }, Parent: { } call }:
                        // dict.TryGetValue(item.Id, out var children): children come from a lookup keyed by the item.
                        Add(local, call);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out, Value: IDeclarationExpressionOperation { Expression: ILocalReferenceOperation { Local: var local } }, Parent: { } call }:
                        Add(local, call);
                        break;
                }

                foreach (var child in current.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        private void Add(ILocalSymbol local, IOperation value)
        {
            if (!_values.TryGetValue(local, out var values))
            {
                values = new List<IOperation>(1);
                _values.Add(local, values);
            }

            values.Add(value);
        }

        /// <summary>
        /// A search for a free name or slot: <c>while (names.Contains(candidate))</c>, <c>while (!used.Add(name))</c>,
        /// <c>while (File.Exists(path))</c>. It runs only on a clash, usually not at all.
        /// </summary>
        private static bool IsFreeSlotSearch(ILoopOperation loop)
        {
            if (loop is not IWhileLoopOperation { Condition: { } condition })
            {
                return false;
            }

            condition = OperationValues.WithoutConversions(condition);
            while (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                condition = OperationValues.WithoutConversions(not.Operand);
            }

            return condition is IInvocationOperation { TargetMethod: { ReturnType.SpecialType: SpecialType.System_Boolean, Name: var name } }
                && name is "Contains" or "ContainsKey" or "ContainsValue" or "Exists" or "Any" or "TryGetValue" or "Add" or "TryAdd";
        }

        /// <summary>
        /// A scan that leaves at its first match: a foreach or for loop whose body returns or breaks out of it
        /// (<c>foreach (var x in xs) if (Matches(x)) return x;</c>). It stops at the first hit.
        /// </summary>
        private static bool LeavesAtFirstMatch(ILoopOperation loop) =>
            loop is IForEachLoopOperation or IForLoopOperation && loop.Body is { } body && LoopContext.ContainsExit(body, loop, throughInnerLoops: false);
    }
}
