using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// What one walk over a loop body tells PERF012's fix about the saves of one context in it: the saves themselves, and
/// whether anything makes a single save after the loop give different results — a read of the database or of an
/// entity the save may have changed (generated keys, concurrency tokens), a per-item transaction or exception
/// handler, a jump that leaves changes unsaved, or a way out of the loop that would skip the moved save.
/// </summary>
internal sealed partial class IterationSaveFacts
{
    private readonly Iteration _iteration;
    private readonly ISymbol _context;
    private readonly DataAccessTypes _types;
    private readonly TransactionTypes _transactions;
    private readonly HashSet<ITypeSymbol> _entityTypes = new(SymbolEqualityComparer.Default);
    private readonly List<(int Position, Event Kind)> _events = new();
    private readonly List<IOperation> _mutations = new();
    private readonly List<IOperation> _perItemScopes = new();
    private readonly List<IOperation> _entityReads = new();

    private IterationSaveFacts(Iteration iteration, ISymbol context, DataAccessTypes types, TransactionTypes transactions)
    {
        _iteration = iteration;
        _context = context;
        _types = types;
        _transactions = transactions;
        if (ContextType(context) is { } contextType)
        {
            types.AddEntityTypesOf(contextType, _entityTypes);
        }
    }

    private enum Event
    {
        Save,
        Mutation,
        Jump,
    }

    /// <summary>The saves of the context directly in the body (not in a loop or function nested in it), in order.</summary>
    public List<IInvocationOperation> Saves { get; } = new();

    /// <summary>True once the walk met something that makes moving the saves unsafe.</summary>
    public bool Unsafe { get; private set; }

    /// <summary>Walks the body of <paramref name="iteration"/>: a loop statement's, or the block of a <c>List&lt;T&gt;.ForEach</c> lambda.</summary>
    public static IterationSaveFacts Collect(Iteration iteration, ISymbol context, DataAccessTypes types, TransactionTypes transactions)
    {
        var facts = new IterationSaveFacts(iteration, context, types, transactions);
        facts.Visit(iteration.Body!, inFunction: false, inInnerLoop: false);
        if (!facts.Unsafe)
        {
            facts.Unsafe = facts.Saves.Count == 0 || facts.SaveInPerItemScope() || facts.ChangesLeftUnsaved() || facts.ReadsEntityAfterSave();
        }

        return facts;
    }

    /// <summary>The context a save is called on: a field, property, local or parameter; null for anything else.</summary>
    public static ISymbol? ReceiverOf(IInvocationOperation save) => save.Instance?.WithoutConversions() switch
    {
        IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
        IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property => property.Property,
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    public static bool IsSave(IInvocationOperation invocation, DataAccessTypes types) =>
        invocation.TargetMethod is { Name: "SaveChanges" or "SaveChangesAsync", IsStatic: false } method
        && (types.IsDbContext(method.ContainingType) || SaveChangesInLoopAnalyzer.ExposesDbSets(method.ContainingType, types));

    private void Visit(IOperation operation, bool inFunction, bool inInnerLoop)
    {
        if (Unsafe)
        {
            return;
        }

        switch (operation)
        {
            case IAnonymousFunctionOperation or ILocalFunctionOperation:
                inFunction = true;
                break;
            case ILoopOperation:
                inInnerLoop = true;
                break;
            case IInvocationOperation invocation when IsSave(invocation, _types):
                // A save of another context, in a nested loop or in a lambda stays where it is and would still save per item.
                if (inFunction || inInnerLoop || !SymbolEqualityComparer.Default.Equals(ReceiverOf(invocation), _context))
                {
                    Unsafe = true;
                    return;
                }

                Saves.Add(invocation);
                _events.Add((invocation.Syntax.SpanStart, Event.Save));
                return;
            case IReturnOperation { IsImplicit: true } when !inFunction:
                break;
            case IReturnOperation { Kind: OperationKind.Return } when !inFunction && _iteration.Lambda is not null:
                // Returning from the per-element lambda moves on to the next element, as continue does.
                _events.Add((operation.Syntax.SpanStart, Event.Jump));
                break;
            case IReturnOperation or IThrowOperation when !inFunction:
                // A return or yield after a save would skip the moved save; a throw would lose what earlier items saved.
                Unsafe = true;
                return;
            case IBranchOperation branch when !inFunction:
                OnJump(branch);
                break;
            case ITryOperation { Catches.Length: > 0 } or ILockOperation when !inFunction:
                _perItemScopes.Add(operation);
                break;
            case IInvocationOperation or IObjectCreationOperation when _transactions.Begins(operation):
                Unsafe = true;
                return;
        }

        if (!inFunction)
        {
            NoteMutation(operation);
        }

        NoteDataAccess(operation);
        foreach (var child in operation.ChildOperations)
        {
            Visit(child, inFunction, inInnerLoop);
        }
    }

    private void OnJump(IBranchOperation branch)
    {
        if (branch.BranchKind == BranchKind.GoTo)
        {
            Unsafe = true;
        }
        else if (_iteration.Loop is { } loop
            && (SymbolEqualityComparer.Default.Equals(branch.Target, loop.ContinueLabel) || SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel)))
        {
            _events.Add((branch.Syntax.SpanStart, Event.Jump));
        }
    }

    /// <summary>
    /// A change the save would write: a tracking call (Add, Update, Remove…), a call on an entity or on one of its
    /// collections, or an assignment to an object's member.
    /// </summary>
    private void NoteMutation(IOperation operation)
    {
        var mutates = operation switch
        {
            // order.Lines.Add(line) changes the entity through its collection navigation.
            IInvocationOperation invocation => IsTrackingCall(invocation) || IsEntity(invocation.Instance?.Type)
                || invocation.Instance is IMemberReferenceOperation { Instance: { } owner } && IsEntity(owner.Type),
            IAssignmentOperation { Target: IMemberReferenceOperation { Instance: { } instance } } => instance is not IInstanceReferenceOperation,
            IIncrementOrDecrementOperation { Target: IMemberReferenceOperation { Instance: { } instance } } => instance is not IInstanceReferenceOperation,
            _ => false,
        };
        if (mutates)
        {
            _mutations.Add(operation);
            _events.Add((operation.Syntax.SpanStart, Event.Mutation));
        }
    }

    /// <summary>
    /// The context (or a DbSet) may only be handed changes in the body: a query there would run, on the next
    /// iteration, after the previous item's save — moved after the loop, it would no longer see those rows.
    /// Entity reads are kept to check against the saves' positions.
    /// </summary>
    private void NoteDataAccess(IOperation operation)
    {
        ISymbol? referenced = operation switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        if (referenced is not null
            && (SymbolEqualityComparer.Default.Equals(referenced, _context) || _types.IsDbSet(operation.Type) || _types.IsDbContext(operation.Type)))
        {
            if (!IsSaveOrTrackingReceiver(operation))
            {
                Unsafe = true;
            }
        }
        else if ((referenced is not null || operation is IInvocationOperation or IArrayElementReferenceOperation) && IsEntity(operation.Type))
        {
            // One entity, however reached (a variable, created.Last(), rows[0]); a collection's Count reads no key.
            _entityReads.Add(operation);
        }
    }

    private bool IsSaveOrTrackingReceiver(IOperation reference)
    {
        var parent = reference.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        // db.Orders.Add(o): the DbSet property of the context, then the call on it.
        if (parent is IPropertyReferenceOperation dbSet && _types.IsDbSet(dbSet.Type))
        {
            return dbSet.Parent is IInvocationOperation call && ReferenceEquals(call.Instance, dbSet) && IsTrackingCall(call);
        }

        return parent is IInvocationOperation invocation && invocation.Instance is { } instance && ReferenceEquals(instance.WithoutConversions(), reference)
            && (IsTrackingCall(invocation) || IsSave(invocation, _types));
    }

    private bool IsTrackingCall(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "Add" or "AddAsync" or "AddRange" or "AddRangeAsync" or "Attach" or "AttachRange"
            or "Update" or "UpdateRange" or "Remove" or "RemoveRange"
        && (_types.IsDbSet(invocation.TargetMethod.ContainingType) || _types.IsDbContext(invocation.TargetMethod.ContainingType)
            || SaveChangesInLoopAnalyzer.ExposesDbSets(invocation.TargetMethod.ContainingType, _types));
}
