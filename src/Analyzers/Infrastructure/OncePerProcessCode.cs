using System.Threading;
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
    private static readonly string[] ConfigurationTypeNames =
    {
        "Microsoft.Extensions.DependencyInjection.IServiceCollection",
        "Microsoft.AspNetCore.Builder.IApplicationBuilder",
        "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder",
        "Microsoft.Extensions.Hosting.IHostBuilder",
        "Microsoft.Extensions.Hosting.IHostApplicationBuilder",
        "Microsoft.AspNetCore.Builder.WebApplicationBuilder",
    };

    private readonly WellKnownTypeProvider _types;
    // Looked up when a candidate first sits in a method that takes parameters; a project without ASP.NET Core or the
    // generic host lacks most of them, and a missing type is the dearest lookup.
    private INamedTypeSymbol?[]? _configurationTypes;

    private OncePerProcessCode(WellKnownTypeProvider types)
    {
        _types = types;
    }

    /// <summary>The compilation's instance, shared by the rules that ask (PERF040, PERF041).</summary>
    public static OncePerProcessCode Create(WellKnownTypeProvider types) =>
        types.GetOrCreateTable(static provider => new OncePerProcessCode(provider))!;

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
        foreach (var configuration in ConfigurationTypes())
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

    private INamedTypeSymbol?[] ConfigurationTypes()
    {
        if (Volatile.Read(ref _configurationTypes) is { } resolved)
        {
            return resolved;
        }

        var types = new INamedTypeSymbol?[ConfigurationTypeNames.Length];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = _types.Get(ConfigurationTypeNames[i]);
        }

        // Racing callers resolve the same types; either array will do.
        Volatile.Write(ref _configurationTypes, types);
        return types;
    }
}
