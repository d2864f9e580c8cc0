using Microsoft.CodeAnalysis;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>The types EF Core maps to a column: primitives, string, enums, DateTime and friends, Guid, byte[], and their nullables.</summary>
internal sealed class ColumnTypes
{
    private readonly INamedTypeSymbol? _guid;
    private readonly INamedTypeSymbol? _dateTimeOffset;
    private readonly INamedTypeSymbol? _timeSpan;
    private readonly INamedTypeSymbol? _dateOnly;
    private readonly INamedTypeSymbol? _timeOnly;

    public ColumnTypes(WellKnownTypeProvider types)
    {
        _guid = types.Get("System.Guid");
        _dateTimeOffset = types.Get("System.DateTimeOffset");
        _timeSpan = types.Get("System.TimeSpan");
        _dateOnly = types.Get("System.DateOnly");
        _timeOnly = types.Get("System.TimeOnly");
    }

    public bool IsScalar(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: { Length: 1 } arguments })
        {
            type = arguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_String:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.TypeKind == TypeKind.Enum
            || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }
            || Is(type, _guid) || Is(type, _dateTimeOffset) || Is(type, _timeSpan) || Is(type, _dateOnly) || Is(type, _timeOnly);
    }

    /// <summary>EF Core's SQLite provider cannot compare, order or aggregate decimal, DateTimeOffset, TimeSpan or ulong values.</summary>
    public bool IsUnsupportedBySqlite(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments: { Length: 1 } arguments })
        {
            type = arguments[0];
        }

        return type.SpecialType is SpecialType.System_Decimal or SpecialType.System_UInt64 || Is(type, _dateTimeOffset) || Is(type, _timeSpan);
    }

    private static bool Is(ITypeSymbol type, INamedTypeSymbol? candidate) => SymbolEqualityComparer.Default.Equals(type, candidate);
}
