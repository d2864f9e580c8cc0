using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// Whether an in-memory LINQ operator's arguments would translate to SQL if the operator moved into the query:
/// expression-bodied lambdas over the entity's mapped scalar properties, captured values, operators, and the methods
/// EF Core translates everywhere (<c>string.Contains/StartsWith/EndsWith/ToLower/ToUpper/Trim</c>, <c>Math</c>,
/// <c>DateTime</c> members, <c>Contains</c> on a captured collection). A call to any other method, a navigation, an
/// unmapped or computed property, or a construct an expression tree cannot hold (statement body, <c>?.</c>,
/// patterns) means the in-memory step is deliberate.
/// </summary>
internal sealed class TranslatableLambda
{
    private readonly INamedTypeSymbol? _enumerable;
    private readonly INamedTypeSymbol? _math;
    private readonly INamedTypeSymbol? _list;
    private readonly INamedTypeSymbol? _hashSet;
    private readonly INamedTypeSymbol? _nullable;
    private readonly INamedTypeSymbol? _notMapped;
    private readonly ColumnTypes _scalars;

    /// <summary>SQLite cannot compare, order or aggregate these in EF Core: code over them materializes on purpose.</summary>
    private readonly bool _sqlite;

    public TranslatableLambda(WellKnownTypeProvider types)
    {
        _enumerable = types.Get("System.Linq.Enumerable");
        _math = types.Get("System.Math");
        _list = types.Get("System.Collections.Generic.List`1");
        _hashSet = types.Get("System.Collections.Generic.HashSet`1");
        _nullable = types.Get("System.Nullable`1");
        _notMapped = types.Get("System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute");
        _scalars = new ColumnTypes(types);
        _sqlite = types.Get("Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions") is not null;
    }

    /// <summary>True when every argument after the source is a translatable lambda over <paramref name="entity"/> (or the count of Skip/Take).</summary>
    public bool AreTranslatable(IInvocationOperation narrowing, ITypeSymbol entity, CancellationToken cancellationToken)
    {
        var name = narrowing.TargetMethod.Name;
        var arguments = narrowing.Arguments;
        if (arguments.Length == 1)
        {
            // Sum/Min/Max/Average of whole entities do not mean anything in SQL.
            return name is not ("Sum" or "Min" or "Max" or "Average");
        }

        for (var i = 1; i < arguments.Length; i++)
        {
            var value = arguments[i].Value;
            if (name is "Skip" or "Take")
            {
                if (value.Type?.SpecialType != SpecialType.System_Int32)
                {
                    return false;
                }

                continue;
            }

            if (value is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                || lambda.Symbol.Parameters.Length != 1
                || !SymbolEqualityComparer.Default.Equals(lambda.Symbol.Parameters[0].Type, entity)
                || lambda.Syntax is not LambdaExpressionSyntax { ExpressionBody: not null }
                || !IsTranslatableBody(lambda, name == "Select", cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsTranslatableBody(IAnonymousFunctionOperation lambda, bool isProjection, CancellationToken cancellationToken)
    {
        var parameter = lambda.Symbol.Parameters[0];
        if (isProjection && !IsColumnProjection(lambda.Body, parameter))
        {
            return false;
        }

        foreach (var operation in lambda.Body.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_sqlite && operation.Type is { } type && _scalars.IsUnsupportedBySqlite(type))
            {
                return false;
            }

            var allowed = operation switch
            {
                IParameterReferenceOperation reference => !SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter)
                    || (reference.Parent is IPropertyReferenceOperation property && property.Instance == reference && IsMappedScalar(property.Property)),
                IPropertyReferenceOperation property => property.Instance is IParameterReferenceOperation { Parameter: var p } && SymbolEqualityComparer.Default.Equals(p, parameter)
                    || !DependsOn(property, parameter)
                    || (!property.Property.IsIndexer && IsTranslatableMember(property.Property)),
                IFieldReferenceOperation field => !DependsOn(field, parameter),
                IInvocationOperation invocation => IsTranslatableCall(invocation, parameter),
                IBinaryOperation binary => binary.OperatorMethod is null || _scalars.IsScalar(binary.OperatorMethod.ContainingType),
                IUnaryOperation unary => unary.OperatorMethod is null,
                IConversionOperation conversion => !conversion.Conversion.IsUserDefined,
                IArgumentOperation argument => argument.ArgumentKind == ArgumentKind.Explicit,
                IBlockOperation or IReturnOperation or ILiteralOperation or IDefaultValueOperation or IConditionalOperation or ICoalesceOperation
                    or ILocalReferenceOperation or IInstanceReferenceOperation or IParenthesizedOperation => true,
                IAnonymousObjectCreationOperation or IObjectOrCollectionInitializerOperation => isProjection,
                IObjectCreationOperation creation => isProjection && creation.Arguments.Length == 0,
                ISimpleAssignmentOperation { Parent: IAnonymousObjectCreationOperation or IObjectOrCollectionInitializerOperation } => isProjection,
                _ => false,
            };
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>o =&gt; o.Name</c>, <c>o =&gt; new { o.Id, o.Total }</c>, <c>o =&gt; new Row { Id = o.Id }</c>: columns, not the entity.</summary>
    private static bool IsColumnProjection(IOperation body, IParameterSymbol parameter)
    {
        var value = body is IBlockOperation { Operations: { Length: 1 } operations } && operations[0] is IReturnOperation { ReturnedValue: { } returned }
            ? returned.WithoutConversions()
            : null;
        return value switch
        {
            IPropertyReferenceOperation { Instance: IParameterReferenceOperation reference } => SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter),
            IAnonymousObjectCreationOperation => true,
            IObjectCreationOperation { Initializer: not null, Arguments.Length: 0 } => true,
            _ => false,
        };
    }

    private static bool DependsOn(IOperation operation, IParameterSymbol parameter)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (descendant is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A column EF Core maps: an instance property of scalar type with a setter or an auto getter, not <c>[NotMapped]</c>.</summary>
    private bool IsMappedScalar(IPropertySymbol property)
    {
        if (property.IsStatic || property.IsIndexer || !_scalars.IsScalar(property.Type))
        {
            return false;
        }

        foreach (var attribute in property.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _notMapped))
            {
                return false;
            }
        }

        if (property.SetMethod is not null)
        {
            return true;
        }

        // A get-only auto property is mapped; a computed one (`=> First + " " + Last`) is not.
        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
            {
                foreach (var accessor in accessors.Accessors)
                {
                    if (accessor.Body is not null || accessor.ExpressionBody is not null)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>Members of a column's value that translate: <c>Name.Length</c>, <c>Date.Year</c>, <c>Discount.HasValue</c>.</summary>
    private bool IsTranslatableMember(IPropertySymbol property)
    {
        var type = property.ContainingType;
        return type.SpecialType switch
        {
            SpecialType.System_String => property.Name == "Length",
            SpecialType.System_DateTime => property.Name is "Year" or "Month" or "Day" or "Hour" or "Minute" or "Second" or "Millisecond" or "Date" or "DayOfWeek" or "DayOfYear",
            _ => SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _nullable) && property.Name is "HasValue" or "Value",
        };
    }

    private bool IsTranslatableCall(IInvocationOperation invocation, IParameterSymbol parameter)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        var parameters = method.Parameters;
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return method.Name switch
                {
                    "Contains" or "StartsWith" or "EndsWith" => parameters.Length == 1 && parameters[0].Type.SpecialType == SpecialType.System_String,
                    "ToLower" or "ToUpper" or "Trim" => parameters.Length == 0,
                    "IsNullOrEmpty" or "IsNullOrWhiteSpace" => true,
                    _ => false,
                };
            case SpecialType.System_DateTime:
                return method.Name is "AddDays" or "AddMonths" or "AddYears" or "AddHours" or "AddMinutes" or "AddSeconds" or "AddMilliseconds";
        }

        if (SymbolEqualityComparer.Default.Equals(type, _math))
        {
            return method.Name is "Abs" or "Round" or "Floor" or "Ceiling" or "Max" or "Min" or "Truncate";
        }

        if (method.Name != "Contains")
        {
            return false;
        }

        // A captured collection's Contains becomes IN (…); a collection reached through the entity is a navigation.
        if (SymbolEqualityComparer.Default.Equals(type, _enumerable))
        {
            return parameters.Length == 2 && !DependsOn(invocation.Arguments[0].Value, parameter);
        }

        return invocation.Instance is { } instance && !DependsOn(instance, parameter)
            && (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _list) || SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _hashSet));
    }
}
