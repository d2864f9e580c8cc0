using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// Code that runs once per process, not once per call or request: <c>Main</c>, top-level statements, a static
/// constructor, and configuration methods (a <c>Program</c> or <c>Startup</c> type's methods, methods that take the
/// service collection or an application or host builder). An object built there is built once.
/// </summary>
internal static class OncePerProcessCode
{
    // Compared by namespace and name, not looked up: a compilation without ASP.NET Core or the generic host lacks most
    // of them, and a lookup of a missing type searches every reference (about half a millisecond each).
    private static readonly (string Namespace, string Name)[] ConfigurationTypes =
    {
        ("Microsoft.Extensions.DependencyInjection", "IServiceCollection"),
        ("Microsoft.AspNetCore.Builder", "IApplicationBuilder"),
        ("Microsoft.AspNetCore.Routing", "IEndpointRouteBuilder"),
        ("Microsoft.Extensions.Hosting", "IHostBuilder"),
        ("Microsoft.Extensions.Hosting", "IHostApplicationBuilder"),
        ("Microsoft.AspNetCore.Builder", "WebApplicationBuilder"),
    };

    /// <summary>
    /// True when <paramref name="operation"/> sits directly in such a member: a lambda or local function in between
    /// (a request handler mapped in top-level statements) runs whenever it is called.
    /// </summary>
    public static bool Contains(IOperation operation, ISymbol containingSymbol)
    {
        return containingSymbol is IMethodSymbol method && IsOncePerProcess(method) && !FunctionScope.IsInNestedFunction(operation);
    }

    /// <summary>
    /// True when <paramref name="operation"/> runs per call of its function: in a method body, or in a lambda or
    /// local function anywhere (also one in a field initializer); false for field and property initializers themselves.
    /// </summary>
    public static bool RunsPerCall(IOperation operation, ISymbol containingSymbol) =>
        containingSymbol is IMethodSymbol || FunctionScope.IsInNestedFunction(operation);

    private static bool IsOncePerProcess(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.StaticConstructor
            || (method.IsStatic && method.Name is "Main" or "<Main>$")
            || method.ContainingType?.Name is "Program" or "Startup")
        {
            return true;
        }

        foreach (var parameter in method.Parameters)
        {
            if (IsConfigurationType(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConfigurationType(ITypeSymbol type)
    {
        if (IsConfigurationTypeItself(type.OriginalDefinition))
        {
            return true;
        }

        // Strings, numbers and structs implement none of them; their interface lists are the longest to build.
        if (type.SpecialType != SpecialType.None || type.IsValueType)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (IsConfigurationTypeItself(implemented.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConfigurationTypeItself(ITypeSymbol type)
    {
        foreach (var (ns, name) in ConfigurationTypes)
        {
            if (SymbolRelations.IsType(type, ns, name))
            {
                return true;
            }
        }

        return false;
    }
}
