using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Infrastructure;

/// <summary>The task and awaiter types of one compilation, resolved once.</summary>
internal sealed class TaskTypes
{
    private TaskTypes(WellKnownTypeProvider types, INamedTypeSymbol task)
    {
        Task = task;
        TaskOfT = types.Get("System.Threading.Tasks.Task`1");
        ValueTask = types.Get("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = types.Get("System.Threading.Tasks.ValueTask`1");
        ConfiguredTaskAwaitable = types.Get("System.Runtime.CompilerServices.ConfiguredTaskAwaitable");
        ConfiguredTaskAwaitableOfT = types.Get("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1");
        ConfiguredValueTaskAwaitable = types.Get("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable");
        ConfiguredValueTaskAwaitableOfT = types.Get("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1");
        Thread = types.Get("System.Threading.Thread");
        TimeSpan = types.Get("System.TimeSpan");
        CancellationToken = types.Get("System.Threading.CancellationToken");
    }

    public INamedTypeSymbol Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ValueTask { get; }
    public INamedTypeSymbol? ValueTaskOfT { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaitable { get; }
    public INamedTypeSymbol? ConfiguredTaskAwaitableOfT { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaitable { get; }
    public INamedTypeSymbol? ConfiguredValueTaskAwaitableOfT { get; }
    public INamedTypeSymbol? Thread { get; }
    public INamedTypeSymbol? TimeSpan { get; }
    public INamedTypeSymbol? CancellationToken { get; }

    /// <summary>Null when the compilation has no System.Threading.Tasks.Task (nothing to analyse); built once per compilation.</summary>
    public static TaskTypes? Create(Compilation compilation) =>
        WellKnownTypeProvider.GetOrCreate(compilation).GetOrCreateTable(static types =>
            types.Get("System.Threading.Tasks.Task") is { } task ? new TaskTypes(types, task) : null);

    /// <summary>Task or Task&lt;T&gt; (or a type derived from them).</summary>
    public bool IsTask(ITypeSymbol? type) => SymbolRelations.InheritsFrom(type, Task);

    /// <summary>Task&lt;T&gt; or ValueTask&lt;T&gt;: the types with a blocking Result.</summary>
    public bool IsGenericTask(ITypeSymbol? type)
    {
        var definition = type?.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, TaskOfT) || SymbolEqualityComparer.Default.Equals(definition, ValueTaskOfT);
    }

    /// <summary>A task, value task or ConfigureAwait result: what GetAwaiter().GetResult() blocks on.</summary>
    public bool IsAwaitable(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (IsTask(type) || IsGenericTask(type))
        {
            return true;
        }

        var definition = type.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, ValueTask)
            || SymbolEqualityComparer.Default.Equals(definition, ConfiguredTaskAwaitable)
            || SymbolEqualityComparer.Default.Equals(definition, ConfiguredTaskAwaitableOfT)
            || SymbolEqualityComparer.Default.Equals(definition, ConfiguredValueTaskAwaitable)
            || SymbolEqualityComparer.Default.Equals(definition, ConfiguredValueTaskAwaitableOfT);
    }
}
