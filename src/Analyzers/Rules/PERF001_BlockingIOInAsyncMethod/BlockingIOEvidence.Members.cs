using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

internal sealed partial class BlockingIOEvidence
{
    /// <summary>True for a framework or client-library member that does I/O, or a library call handed a stream, reader or writer.</summary>
    private bool IsIOMember(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (IsIOType(method.ContainingType) || IsIOLibrary(method.ContainingType))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = argument.Value;
            if (IsDerivedFromAny(OperationValues.WithoutImplicitConversions(value).Type, _streamTypes) && !_isInMemory(value))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsIOType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (IsDerivedFromAny(type, _ioTypes))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (Contains(_ioTypes, implemented.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsIOLibrary(ITypeSymbol? type)
    {
        var ns = type?.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false })
        {
            if (IoLibraryNamespaces.Contains(ns.ToDisplayString()))
            {
                return true;
            }

            ns = ns.ContainingNamespace;
        }

        return false;
    }
}
