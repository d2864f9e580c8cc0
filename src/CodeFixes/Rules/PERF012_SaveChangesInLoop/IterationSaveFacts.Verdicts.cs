using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Rules;

/// <summary>PERF012's fix: the verdicts drawn from the walk of <see cref="IterationSaveFacts"/>, and the context's entity types.</summary>
internal sealed partial class IterationSaveFacts
{
    /// <summary>
    /// A try/catch around a save handles its failure per item (one save after the loop would change what fails); a
    /// lock around it serializes it with other threads, which a save after the loop would no longer be.
    /// </summary>
    private bool SaveInPerItemScope()
    {
        foreach (var scope in _perItemScopes)
        {
            foreach (var save in Saves)
            {
                if (scope.Syntax.Span.Contains(save.Syntax.Span))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A change that this iteration's saves do not always write: made before a break/continue that skips the save,
    /// or made where no later save in an enclosing block is sure to run (an unconditional change, a conditional save).
    /// Moving the save after the loop would write it, where the loop left it pending.
    /// </summary>
    private bool ChangesLeftUnsaved()
    {
        _events.Sort((a, b) => a.Position.CompareTo(b.Position));
        var pending = false;
        foreach (var (_, kind) in _events)
        {
            switch (kind)
            {
                case Event.Mutation:
                    pending = true;
                    break;
                case Event.Save:
                    pending = false;
                    break;
                case Event.Jump when pending:
                    return true;
            }
        }

        foreach (var mutation in _mutations)
        {
            if (!IsFollowedBySaveInEnclosingBlock(mutation))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsFollowedBySaveInEnclosingBlock(IOperation mutation)
    {
        foreach (var save in Saves)
        {
            if (save.Syntax.SpanStart > mutation.Syntax.SpanStart
                && SaveMovePlan.StatementOf(save)?.Parent is { } block && block.Span.Contains(mutation.Syntax.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An entity used after the first save: it may read a key or concurrency token the save generated.</summary>
    private bool ReadsEntityAfterSave()
    {
        var firstSaveEnd = Saves[0].Syntax.Span.End;
        foreach (var read in _entityReads)
        {
            if (read.Syntax.SpanStart >= firstSaveEnd)
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? ContextType(ISymbol context) => context switch
    {
        IFieldSymbol field => field.Type,
        IPropertySymbol property => property.Type,
        ILocalSymbol local => local.Type,
        IParameterSymbol parameter => parameter.Type,
        _ => null,
    };

    /// <summary>The entity types of the context: the T of each of its DbSet&lt;T&gt; properties.</summary>
    private bool IsEntity(ITypeSymbol? type) => type is not null && _entityTypes.Contains(type);
}
