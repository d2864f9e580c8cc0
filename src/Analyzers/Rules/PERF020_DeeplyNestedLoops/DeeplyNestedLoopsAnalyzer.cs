using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PerfAnalyzers.Infrastructure;

namespace PerfAnalyzers.Rules;

/// <summary>
/// PERF020: loops nested deeper than <c>dotnet_code_quality.PERF020.max_loop_depth</c> (default 2) within one function body.
/// Each outermost loop walks its nest once, so the cost stays linear however deep the nest or long the method.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeeplyNestedLoopsAnalyzer : DiagnosticAnalyzer
{
    public const string MaxDepthOption = "max_loop_depth";
    public const int DefaultMaxDepth = 2;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleCatalog.DeeplyNestedLoops);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
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

        foreach (var (loop, depth) in FindLoopsExceeding(node, maxDepth, model, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(RuleCatalog.DeeplyNestedLoops, KeywordOf(loop).GetLocation(), depth, maxDepth));
        }
    }

    /// <summary>
    /// The first loop on each path that goes deeper than <paramref name="maxDepth"/>, with the deepest level its own nest reaches.
    /// Loops inside an already reported loop are not reported again; a sibling branch that also goes too deep is.
    /// </summary>
    private static List<(SyntaxNode Loop, int Depth)> FindLoopsExceeding(SyntaxNode outermost, int maxDepth, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var found = new List<(SyntaxNode Loop, int Depth)>();
        // Explicit stack: a nest hundreds of loops deep must not exhaust the thread's stack.
        var stack = new Stack<(SyntaxNode Node, int Depth, int Owner)>();
        stack.Push((outermost, 0, -1));
        while (stack.Count > 0)
        {
            var (node, depth, owner) = stack.Pop();
            if (LoopContext.IsLoopStatement(node)
                && !WalksChildrenOfEnclosingItem(node) // syntax only: before the checks that bind
                && !LoopContext.HasSmallConstantIterationCount(node, model, cancellationToken)
                && !LoopContext.IsServiceLoop(node, model, cancellationToken))
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

            foreach (var child in node.ChildNodes())
            {
                if (CanHoldLoops(child))
                {
                    stack.Push((child, depth, owner));
                }
            }
        }

        return found;
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

    /// <summary>
    /// True for <c>foreach (var line in order.Lines)</c> inside <c>foreach (var order in orders)</c>: a walk down a tree
    /// (customers, their orders, their lines) visits each child once, so the nest costs the number of leaves, not n^k.
    /// Not when another loop of the nest also walks the same item's children: pairs within a group do multiply.
    /// Syntax alone decides: a local cannot be shadowed inside its scope, so the name identifies the outer variable.
    /// </summary>
    private static bool WalksChildrenOfEnclosingItem(SyntaxNode loop)
    {
        if (loop is not ForEachStatementSyntax forEach || RootName(forEach.Expression) is not { } name)
        {
            return false;
        }

        foreach (var inner in forEach.Statement.DescendantNodesAndSelf(n => !LoopContext.IsFunctionBoundary(n)))
        {
            if (inner is CommonForEachStatementSyntax other && RootName(other.Expression) == name)
            {
                // `foreach (var a in group.Items) foreach (var b in group.Items)`: pairs within each group multiply.
                return false;
            }
        }

        for (var current = loop.Parent; current is not null && !LoopContext.IsFunctionBoundary(current) && current is not MemberDeclarationSyntax; current = current.Parent)
        {
            switch (current)
            {
                case ForEachStatementSyntax outer when outer.Identifier.ValueText == name:
                    return true;
                case ForEachVariableStatementSyntax outer when DeclaresName(outer.Variable, name):
                    return true;
                case CommonForEachStatementSyntax between when RootName(between.Expression) == name:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The variable a collection expression starts from: <c>order</c> in <c>order.Lines.Where(…)</c>.</summary>
    private static string? RootName(ExpressionSyntax expression)
    {
        var root = expression;
        while (true)
        {
            switch (root)
            {
                case MemberAccessExpressionSyntax access:
                    root = access.Expression;
                    continue;
                case ConditionalAccessExpressionSyntax conditional:
                    root = conditional.Expression;
                    continue;
                case InvocationExpressionSyntax invocation:
                    root = invocation.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    root = parenthesized.Expression;
                    continue;
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    root = suppressed.Operand;
                    continue;
            }

            break;
        }

        return root is IdentifierNameSyntax { Identifier.ValueText: var name } ? name : null;
    }

    private static bool DeclaresName(ExpressionSyntax variable, string name)
    {
        foreach (var node in variable.DescendantNodesAndSelf())
        {
            if (node is SingleVariableDesignationSyntax designation && designation.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxToken KeywordOf(SyntaxNode loop) => loop switch
    {
        ForStatementSyntax forLoop => forLoop.ForKeyword,
        CommonForEachStatementSyntax forEach => forEach.ForEachKeyword,
        WhileStatementSyntax whileLoop => whileLoop.WhileKeyword,
        DoStatementSyntax doLoop => doLoop.DoKeyword,
        _ => loop.GetFirstToken(),
    };
}
