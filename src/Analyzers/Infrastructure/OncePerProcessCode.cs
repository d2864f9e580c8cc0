using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>
/// Code that runs once per process, not once per call or request: <c>Main</c>, top-level statements, a static
/// constructor, and configuration methods (a <c>Program</c> or <c>Startup</c> type's methods, methods that take the
/// service collection or an application or host builder). An object built there is built once.
/// </summary>
internal sealed class OncePerProcessCode
{
    private readonly INamedTypeSymbol?[] _configurationTypes;

    private OncePerProcessCode(INamedTypeSymbol?[] configurationTypes)
    {
        _configurationTypes = configurationTypes;
    }

    public static OncePerProcessCode Create(WellKnownTypeProvider types) => new(new[]
    {
        types.Get("Microsoft.Extensions.DependencyInjection.IServiceCollection"),
        types.Get("Microsoft.AspNetCore.Builder.IApplicationBuilder"),
        types.Get("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder"),
        types.Get("Microsoft.Extensions.Hosting.IHostBuilder"),
        types.Get("Microsoft.Extensions.Hosting.IHostApplicationBuilder"),
        types.Get("Microsoft.AspNetCore.Builder.WebApplicationBuilder"),
    });

    /// <summary>
    /// True when <paramref name="operation"/> sits directly in such a member: a lambda or local function in between
    /// (a request handler mapped in top-level statements) runs whenever it is called.
    /// </summary>
    public bool Contains(IOperation operation, ISymbol containingSymbol)
    {
        if (containingSymbol is not IMethodSymbol method || !IsOncePerProcess(method))
        {
            return false;
        }

        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="operation"/> runs per call of its function: in a method body, or in a lambda or
    /// local function anywhere (also one in a field initializer); false for field and property initializers themselves.
    /// </summary>
    public static bool RunsPerCall(IOperation operation, ISymbol containingSymbol)
    {
        if (containingSymbol is IMethodSymbol)
        {
            return true;
        }

        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsOncePerProcess(IMethodSymbol method)
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

    private bool IsConfigurationType(ITypeSymbol type)
    {
        foreach (var configuration in _configurationTypes)
        {
            if (configuration is null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, configuration))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, configuration))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
