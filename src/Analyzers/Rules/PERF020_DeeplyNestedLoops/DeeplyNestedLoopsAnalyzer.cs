using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF020: loops nested deeper than <c>dotnet_code_quality.PERF020.max_loop_depth</c> (default 2) within one function body.
/// Each outermost loop walks its nest once, so the cost stays linear however deep the nest or long the method.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class DeeplyNestedLoopsAnalyzer : DiagnosticAnalyzer
{
    public const string MaxDepthOption = "max_loop_depth";
    public const int DefaultMaxDepth = 2;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.DeeplyNestedLoops);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.NotAnalyzed);
        // An operation action, not a syntax-node action: the other rules already have the driver walk every
        // operation tree, while a syntax-node action alone would add a walk over every syntax node.
        context.RegisterOperationAction(AnalyzeLoop, OperationKind.Loop);
    }

    private static void AnalyzeLoop(OperationAnalysisContext context)
    {
        var node = context.Operation.Syntax;
        // Only the outermost loop of a function body walks the nest; inner loops leave at their first loop ancestor.
        if (LoopContext.FindEnclosingLoop(context.Operation) is not null || context.Operation.SemanticModel is not { } model)
        {
            return;
        }

        // Most loops hold no loop, or one: count the nest from syntax alone first. A loop that does not count
        // (a few constant iterations, a service loop) only lowers the depth, so a nest within the limit by this
        // count needs no semantic question at all.
        var syntacticDepth = DeepestSyntacticNesting(node);
        if (syntacticDepth <= 1)
        {
            return;
        }

        var maxDepth = context.Options.GetPositiveInt32Option(node.SyntaxTree, RuleCatalog.Ids.DeeplyNestedLoops, MaxDepthOption, DefaultMaxDepth);
        if (syntacticDepth <= maxDepth)
        {
            return;
        }

        foreach (var (loop, depth) in FindLoopsExceeding((ILoopOperation)context.Operation, maxDepth, model, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.DeeplyNestedLoops, KeywordOf(loop).GetLocation(), depth, maxDepth));
        }
    }

    /// <summary>
    /// The first loop on each path that goes deeper than <paramref name="maxDepth"/>, with the deepest level its own nest reaches.
    /// Loops inside an already reported loop are not reported again; a sibling branch that also goes too deep is.
    /// Only loops that multiply the work are levels (see <see cref="NestFacts.IsLevel"/>).
    /// </summary>
    private static List<(SyntaxNode Loop, int Depth)> FindLoopsExceeding(ILoopOperation outermostLoop, int maxDepth, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new List<(SyntaxNode Loop, int Depth)>();
        var facts = new NestFacts(outermostLoop, model, cancellationToken);
        // Explicit stack: a nest hundreds of loops deep must not exhaust the thread's stack.
        var stack = new Stack<(SyntaxNode Node, int Depth, int Owner, Enclosing? Loops)>();
        stack.Push((outermostLoop.Syntax, 0, -1, null));
        while (stack.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, depth, owner, loops) = stack.Pop();
            if (LoopContext.IsLoopStatement(node)
                && (ReferenceEquals(node, outermostLoop.Syntax) ? outermostLoop : model.GetOperation(node, cancellationToken)) is ILoopOperation loop)
            {
                if (facts.IsLevel(loop, loops))
                {
                    depth++;
                    if (owner >= 0)
                    {
                        if (depth > found[owner].Depth)
                        {
                            found[owner] = (found[owner].Loop, depth);
                        }
                    }
                    else if (depth > maxDepth)
                    {
                        owner = found.Count;
                        found.Add((node, depth));
                    }
                }

                loops = new Enclosing(loop, loops);
            }

            foreach (var child in node.ChildNodes())
            {
                if (CanHoldLoops(child))
                {
                    stack.Push((child, depth, owner, loops));
                }
            }
        }

        return found;
    }

    /// <summary>The loops around a loop of the nest, innermost first.</summary>
    private sealed class Enclosing
    {
        public Enclosing(ILoopOperation loop, Enclosing? outer)
        {
            Loop = loop;
            Outer = outer;
        }

        public ILoopOperation Loop { get; }

        public Enclosing? Outer { get; }
    }


    /// <summary>The deepest loop nesting under <paramref name="outermost"/> (itself 1), counting every loop statement.</summary>
    private static int DeepestSyntacticNesting(SyntaxNode outermost)
    {
        var deepest = 1;
        foreach (var node in outermost.DescendantNodes(CanHoldLoops))
        {
            if (!LoopContext.IsLoopStatement(node))
            {
                continue;
            }

            var depth = 2;
            for (var parent = node.Parent; parent is not null && parent != outermost; parent = parent.Parent)
            {
                if (LoopContext.IsLoopStatement(parent))
                {
                    depth++;
                }
            }

            if (depth > deepest)
            {
                deepest = depth;
            }
        }

        return deepest;
    }

    /// <summary>
    /// Loops are statements, and statements sit only under statements and these clauses; lambdas and local functions
    /// are analysed as nests of their own.
    /// </summary>
    private static bool CanHoldLoops(SyntaxNode node) =>
        node is StatementSyntax and not LocalFunctionStatementSyntax or ElseClauseSyntax or SwitchSectionSyntax or CatchClauseSyntax or FinallyClauseSyntax;

    private static SyntaxToken KeywordOf(SyntaxNode loop) => loop switch
    {
        ForStatementSyntax forLoop => forLoop.ForKeyword,
        CommonForEachStatementSyntax forEach => forEach.ForEachKeyword,
        WhileStatementSyntax whileLoop => whileLoop.WhileKeyword,
        DoStatementSyntax doLoop => doLoop.DoKeyword,
        _ => loop.GetFirstToken(),
    };
}
