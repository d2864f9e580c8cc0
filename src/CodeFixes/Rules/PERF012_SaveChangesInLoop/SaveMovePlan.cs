using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// How PERF012's fix moves the saves of one loop: every save of the context in the body is removed (with an
/// <c>if</c> left holding nothing else) and one of them is written after the loop, unless the statement after the
/// loop already saves the same context. Null when <see cref="IterationSaveFacts"/> finds the move unsafe, a save is
/// not a statement of its own in a block, or the save uses a variable of the loop.
/// </summary>
internal sealed class SaveMovePlan
{
    private SaveMovePlan(StatementSyntax loop, ImmutableArray<StatementSyntax> removed, ExpressionStatementSyntax movedSave, bool savedAfterLoop)
    {
        Loop = loop;
        Removed = removed;
        MovedSave = movedSave;
        SavedAfterLoop = savedAfterLoop;
    }

    public StatementSyntax Loop { get; }

    /// <summary>The save statements, or the <c>if</c> statements that would hold nothing once they are gone.</summary>
    public ImmutableArray<StatementSyntax> Removed { get; }

    /// <summary>The first save of the body, as written (async-ness, token and ConfigureAwait kept).</summary>
    public ExpressionStatementSyntax MovedSave { get; }

    /// <summary>True when the statement right after the loop already saves the same context: nothing is inserted.</summary>
    public bool SavedAfterLoop { get; }

    public static SaveMovePlan? Create(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        if (token.Parent?.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } syntax
            || model.GetOperation(syntax, cancellationToken) is not IInvocationOperation save
            || DataAccessTypes.Create(model.Compilation) is not { } types
            || IterationContext.Find(save, types) is not { Exists: true, Body: not null } iteration
            || LoopStatementOf(iteration, types) is not { Parent: BlockSyntax } loopStatement
            || IterationSaveFacts.ReceiverOf(save) is not { } context
            || LoopContext.IsDeclaredInside(iteration.Operation, context))
        {
            return null;
        }

        var facts = IterationSaveFacts.Collect(iteration, context, types, TransactionTypes.Create(model.Compilation));
        if (facts.Unsafe)
        {
            return null;
        }

        var statements = new List<StatementSyntax>();
        foreach (var each in facts.Saves)
        {
            if (StatementOf(each) is not { Parent: BlockSyntax } statement
                || PerIterationIntent.IsIntendedSave(each, iteration, types)
                || UsesVariableOfLoop(each, iteration.Operation))
            {
                return null;
            }

            statements.Add(statement);
        }

        var removed = new List<StatementSyntax>();
        foreach (var statement in statements)
        {
            var target = EmptiedIf(statement, statements, model, cancellationToken) ?? statement;
            if (!removed.Contains(target))
            {
                removed.Add(target);
            }
        }

        return new SaveMovePlan(
            loopStatement,
            removed.ToImmutableArray(),
            (ExpressionStatementSyntax)statements[0],
            SavesAfter(loopStatement, context, types, model, cancellationToken));
    }

    /// <summary>The statement that is just this save: <c>db.SaveChanges();</c>, <c>await db.SaveChangesAsync(ct);</c>, optionally <c>.ConfigureAwait(false)</c>.</summary>
    public static ExpressionStatementSyntax? StatementOf(IInvocationOperation save)
    {
        SyntaxNode node = save.Syntax;
        if (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } access
            && access.Expression == node
            && access.Parent is InvocationExpressionSyntax configured)
        {
            node = configured;
        }

        if (node.Parent is AwaitExpressionSyntax awaited)
        {
            node = awaited;
        }

        return node.Parent as ExpressionStatementSyntax;
    }

    /// <summary>
    /// The statement to save after: the loop statement, or <c>items.ForEach(i => { … });</c> — a sequential
    /// List&lt;T&gt;.ForEach with a synchronous block lambda (an async one runs as fire-and-forget async void).
    /// </summary>
    private static StatementSyntax? LoopStatementOf(Iteration iteration, DataAccessTypes types)
    {
        if (iteration.Loop is { } loop)
        {
            return loop.Syntax as StatementSyntax;
        }

        return iteration.Lambda is { Symbol.IsAsync: false, Body.Syntax: BlockSyntax }
            && iteration.Invocation is { TargetMethod: { Name: "ForEach" } method, Syntax.Parent: ExpressionStatementSyntax statement }
            && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, types.List)
            ? statement
            : null;
    }

    /// <summary>A save that uses a variable declared in the loop (<c>using var db = …</c> inside it) cannot run after it.</summary>
    private static bool UsesVariableOfLoop(IInvocationOperation save, IOperation loop)
    {
        foreach (var operation in save.DescendantsAndSelf())
        {
            ISymbol? variable = operation switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                _ => null,
            };
            if (variable is not null && LoopContext.IsDeclaredInside(loop, variable))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>if (x) { db.SaveChanges(); }</c> with nothing else in it and no else: the whole <c>if</c> goes, when its
    /// condition has no side effect (no call, assignment or await) that removing it would drop.
    /// </summary>
    private static IfStatementSyntax? EmptiedIf(StatementSyntax save, List<StatementSyntax> saves, SemanticModel model, CancellationToken cancellationToken)
    {
        if (save.Parent is not BlockSyntax block
            || block.Parent is not IfStatementSyntax { Else: null, Parent: BlockSyntax } ifStatement
            || model.GetOperation(ifStatement.Condition, cancellationToken) is not { } condition)
        {
            return null;
        }

        foreach (var statement in block.Statements)
        {
            if (!saves.Contains(statement))
            {
                return null;
            }
        }

        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation or IAssignmentOperation or IIncrementOrDecrementOperation or IAwaitOperation or IObjectCreationOperation)
            {
                return null;
            }
        }

        return ifStatement;
    }

    /// <summary>True when the statement after the loop is already a save of the same context.</summary>
    private static bool SavesAfter(StatementSyntax loop, ISymbol context, DataAccessTypes types, SemanticModel model, CancellationToken cancellationToken)
    {
        var statements = ((BlockSyntax)loop.Parent!).Statements;
        var index = statements.IndexOf(loop);
        if (index + 1 >= statements.Count || statements[index + 1] is not ExpressionStatementSyntax next)
        {
            return false;
        }

        foreach (var node in next.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax invocation
                && model.GetOperation(invocation, cancellationToken) is IInvocationOperation call
                && IterationSaveFacts.IsSave(call, types)
                && SymbolEqualityComparer.Default.Equals(IterationSaveFacts.ReceiverOf(call), context)
                && StatementOf(call) == next)
            {
                return true;
            }
        }

        return false;
    }
}
