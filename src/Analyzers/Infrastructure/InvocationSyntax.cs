using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PerfAnalyzers.Infrastructure;

/// <summary>Where to put a diagnostic on a call: the invoked method's name token.</summary>
internal static class InvocationSyntax
{
    public static Location NameLocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: var expression })
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax access:
                    return access.Name.Identifier.GetLocation();
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.GetLocation();
                case SimpleNameSyntax name:
                    return name.Identifier.GetLocation();
            }
        }

        return invocation.Syntax.GetLocation();
    }
}
