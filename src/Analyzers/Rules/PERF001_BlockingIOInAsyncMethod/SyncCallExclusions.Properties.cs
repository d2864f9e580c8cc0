using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

internal sealed partial class SyncCallExclusions
{
    /// <summary>
    /// True when every getter in the compilation behind <paramref name="property"/> (its own, or the implementations of
    /// an interface property) returns only values that do no I/O: console streams, in-memory streams and writers
    /// over them, directly or through the field the getter fills; or when it is a property of another assembly's
    /// interface that nothing here implements. Judged once per property.
    /// </summary>
    private bool IsExcludedProperty(IPropertySymbol property, int wrappersToFollow)
    {
        if (_excludedProperties.TryGetValue(property, out var known))
        {
            return known;
        }

        _excludedProperties.TryAdd(property, false); // a getter reached again while judging adds nothing
        var candidates = new List<IPropertySymbol>();
        if (property.ContainingType.TypeKind == TypeKind.Interface)
        {
            foreach (var symbol in _compilation.GetSymbolsWithName(property.Name, SymbolFilter.Member))
            {
                if (symbol is IPropertySymbol implementation
                    && SymbolEqualityComparer.Default.Equals(implementation.ContainingType.FindImplementationForInterfaceMember(property), implementation))
                {
                    candidates.Add(implementation);
                }
            }
        }
        else if (property.GetMethod is { DeclaringSyntaxReferences.Length: > 0 })
        {
            candidates.Add(property);
        }

        // An interface of another assembly with no implementation here (`context.Streams.Out` where the host's streams
        // ship in a referenced library): what the writer writes to is out of sight, and a report would be a guess from
        // its type alone. One implemented in this compilation is judged by its getters like any other.
        var result = candidates.Count > 0
            || (property.ContainingType.TypeKind == TypeKind.Interface
                && !SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, _compilation.Assembly));
        foreach (var candidate in candidates)
        {
            if (!GetterReturnsOnlyExcluded(candidate, wrappersToFollow))
            {
                result = false;
                break;
            }
        }

        _excludedProperties[property] = result;
        return result;
    }

    private static bool ContainsSymbol(List<IFieldSymbol> fields, IFieldSymbol field)
    {
        foreach (var candidate in fields)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, field))
            {
                return true;
            }
        }

        return false;
    }

    private bool GetterReturnsOnlyExcluded(IPropertySymbol property, int wrappersToFollow)
    {
        if (property.GetMethod is not { DeclaringSyntaxReferences: { Length: 1 } references })
        {
            return false;
        }

        var syntax = references[0].GetSyntax();
        if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree)
            || _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax) is not { } body)
        {
            return false;
        }

        var returned = new List<IOperation>();
        var fields = new List<IFieldSymbol>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IReturnOperation { ReturnedValue: { } value })
            {
                if (OperationValues.WithoutConversions(value) is IFieldReferenceOperation { Field: var field })
                {
                    fields.Add(field);
                }
                else if (OperationValues.WithoutConversions(value) is ICoalesceOperation { Value: IFieldReferenceOperation { Field: var cached }, WhenNull: var created })
                {
                    fields.Add(cached);
                    returned.Add(created);
                }
                else if (OperationValues.WithoutConversions(value) is ICoalesceAssignmentOperation { Target: IFieldReferenceOperation { Field: var filled }, Value: var made })
                {
                    fields.Add(filled);
                    returned.Add(made);
                }
                else
                {
                    returned.Add(value);
                }
            }
        }

        // `_stdErr ??= new StreamWriter(…)` or `if (_stdErr == null) _stdErr = new StreamWriter(…)`: what the field is given.
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IAssignmentOperation { Target: IFieldReferenceOperation { Field: var assigned }, Value: var value }
                && ContainsSymbol(fields, assigned))
            {
                returned.Add(value);
            }
        }

        if (returned.Count == 0)
        {
            return false;
        }

        foreach (var value in returned)
        {
            if (!IsExcludedOperand(value, wrappersToFollow))
            {
                return false;
            }
        }

        return true;
    }
}
