using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF002: a blocking wait inside async code: <c>Task.Result</c>, <c>.Wait()</c>, <c>.GetAwaiter().GetResult()</c>,
/// their <c>ValueTask</c> equivalents, <c>Thread.Sleep</c>, <c>Task.WaitAll</c> and <c>Task.WaitAny</c>.
/// A task known to be complete (awaited before, awaited through <c>Task.WhenAll</c>, or checked with
/// <c>IsCompleted</c>) is not reported. A wait inside a <c>lock</c> is reported without a fix (no await there):
/// its message points to <c>SemaphoreSlim.WaitAsync</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class BlockingWaitInAsyncMethodAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: which wait was found (one of the <c>Kind*</c> values).</summary>
    public const string KindKey = "Kind";

    public const string KindResult = "Result";
    public const string KindWait = "Wait";
    public const string KindGetResult = "GetResult";
    public const string KindSleep = "Sleep";
    public const string KindWaitAll = "WaitAll";
    public const string KindWaitAny = "WaitAny";

    /// <summary>Diagnostic property, present when the wait is inside a <c>lock</c>: <c>await</c> cannot go there, so no fix is offered.</summary>
    public const string InsideLockKey = "InsideLock";

    /// <summary>The advice when the wait is inside a lock: the lock itself must become an async one.</summary>
    public const string LockReplacement = "await, with 'SemaphoreSlim.WaitAsync' in place of the lock (a lock cannot contain await)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.BlockingWaitInAsyncMethod);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        context.RegisterCompilationStartAction(static start =>
        {
            if (TaskTypes.Create(start.Compilation) is not { } types)
            {
                return;
            }

            var rule = new Rule(types);
            start.RegisterOperationAction(rule.AnalyzePropertyReference, OperationKind.PropertyReference);
            start.RegisterOperationAction(rule.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    private sealed partial class Rule
    {
        private readonly TaskTypes _types;

        public Rule(TaskTypes types) => _types = types;

        public void AnalyzePropertyReference(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            var property = reference.Property;
            if (property.Name != "Result"
                || !_types.IsGenericTask(property.ContainingType)
                || reference.Syntax is not (MemberAccessExpressionSyntax or MemberBindingExpressionSyntax)
                || AsyncContext.FindAsyncFunction(reference, context.ContainingSymbol, out var body, out var insideLock) is null
                || IsKnownComplete(reference.Instance, reference, body))
            {
                return;
            }

            var name = reference.Syntax is MemberAccessExpressionSyntax access ? access.Name : ((MemberBindingExpressionSyntax)reference.Syntax).Name;
            Report(context, name.GetLocation(), KindResult, property.ContainingType.Name + ".Result", "await", insideLock);
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            string kind, call, replacement;
            IOperation? task = null;
            switch (method.Name)
            {
                case "Wait" when !method.IsStatic && _types.IsTask(method.ContainingType):
                    (kind, call, replacement, task) = (KindWait, "Task.Wait", "await", invocation.Instance);
                    break;
                case "GetResult" when Unwrap(invocation.Instance) is IInvocationOperation { TargetMethod.Name: "GetAwaiter" } getAwaiter
                                      && _types.IsAwaitable(getAwaiter.Instance?.Type):
                    (kind, call, replacement, task) = (KindGetResult, "GetAwaiter().GetResult()", "await", getAwaiter.Instance);
                    break;
                case "Sleep" when method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, _types.Thread) && !SleepsZero(invocation):
                    (kind, call, replacement) = (KindSleep, "Thread.Sleep", "await Task.Delay");
                    break;
                case "WaitAll" when method.IsStatic && _types.IsTask(method.ContainingType):
                    (kind, call, replacement) = (KindWaitAll, "Task.WaitAll", "await Task.WhenAll");
                    break;
                case "WaitAny" when method.IsStatic && _types.IsTask(method.ContainingType):
                    (kind, call, replacement) = (KindWaitAny, "Task.WaitAny", "await Task.WhenAny");
                    break;
                default:
                    return;
            }

            if (invocation.Syntax is not InvocationExpressionSyntax syntax
                || InvocationSyntax.NameToken(syntax) is not { } nameToken
                || AsyncContext.FindAsyncFunction(invocation, context.ContainingSymbol, out var body, out var insideLock) is null
                || (task is not null && IsKnownComplete(task, invocation, body)))
            {
                return;
            }

            Report(context, nameToken.GetLocation(), kind, call, replacement, insideLock);
        }

        private static void Report(OperationAnalysisContext context, Location location, string kind, string call, string replacement, bool insideLock)
        {
            var properties = insideLock
                ? ImmutableDictionary.CreateRange(new[] { new KeyValuePair<string, string?>(KindKey, kind), new KeyValuePair<string, string?>(InsideLockKey, "true") })
                : ImmutableDictionary.CreateRange(new[] { new KeyValuePair<string, string?>(KindKey, kind) });
            context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.BlockingWaitInAsyncMethod, location, properties, call, insideLock ? LockReplacement : replacement));
        }
    }
}
