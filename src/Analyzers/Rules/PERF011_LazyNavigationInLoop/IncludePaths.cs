using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF011's navigation paths ("Customer.Address"): what a query's Include/ThenInclude calls load, read by the
/// analyzer, and how the code fix extends them.
/// </summary>
internal static class IncludePaths
{
    /// <summary>The path <paramref name="prefix"/> followed by <paramref name="step"/>.</summary>
    public static string Append(string prefix, string step) => prefix.Length == 0 ? step : prefix + "." + step;

    /// <summary>The navigation names of a path, in order.</summary>
    public static string[] Steps(string path) => path.Split('.');

    /// <summary>True when <paramref name="path"/> continues <paramref name="prefix"/> by at least one step.</summary>
    public static bool Extends(string path, string prefix) =>
        prefix.Length > 0 && path.Length > prefix.Length + 1 && path[prefix.Length] == '.' && path.StartsWith(prefix, System.StringComparison.Ordinal);

    /// <summary>Navigation paths loaded by Include/ThenInclude (lambda or string), with every prefix: "Customer", "Customer.Address".</summary>
    public static HashSet<string> Loaded(EfQueryChain chain)
    {
        var included = new HashSet<string>(System.StringComparer.Ordinal);
        var last = "";
        foreach (var call in chain.Operators)
        {
            var name = call.TargetMethod.Name;
            if (name is not ("Include" or "ThenInclude") || call.Arguments.Length < 2)
            {
                continue;
            }

            var segment = Segment(call);
            if (segment is null)
            {
                continue;
            }

            last = name == "ThenInclude" && last.Length > 0 ? Append(last, segment) : segment;
            var prefix = "";
            foreach (var part in last.Split('.'))
            {
                prefix = Append(prefix, part);
                included.Add(prefix);
            }
        }

        return included;
    }

    /// <summary>The path one Include/ThenInclude call names: its string argument or its lambda's member chain.</summary>
    public static string? Segment(IInvocationOperation call)
    {
        if (call.Arguments.Length < 2)
        {
            return null;
        }

        var argument = OperationValues.WithoutConversions(call.Arguments[1].Value);
        return argument.ConstantValue is { HasValue: true, Value: string text } ? text : LambdaPath(argument);
    }

    /// <summary>"Customer.Address" for <c>o =&gt; o.Customer.Address</c>; filtered includes (<c>o.Lines.Where(..)</c>) count as their navigation.</summary>
    private static string? LambdaPath(IOperation argument)
    {
        if (argument is IDelegateCreationOperation creation)
        {
            argument = creation.Target;
        }

        if (argument is not IAnonymousFunctionOperation { Body.Operations.Length: 1 } lambda
            || lambda.Body.Operations[0] is not IReturnOperation { ReturnedValue: { } value })
        {
            return null;
        }

        var current = OperationValues.WithoutConversions(value);
        while (current is IInvocationOperation { Arguments.Length: > 0 } filter && filter.TargetMethod.IsExtensionMethod)
        {
            current = OperationValues.WithoutConversions(filter.Arguments[0].Value);
        }

        string? path = null;
        while (current is IPropertyReferenceOperation member)
        {
            path = path is null ? member.Property.Name : member.Property.Name + "." + path;
            current = OperationValues.WithoutConversions(member.Instance!);
        }

        return current is IParameterReferenceOperation ? path : null;
    }
}
