using System.Text;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.DeeplyNestedLoopsAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class DeeplyNestedLoopsAnalyzerTests
{
    [Fact]
    public Task ThreeNestedForeach_DiagnosticOnThirdLoop() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            int M(List<int> a, List<int> b, List<int> c)
            {
                var n = 0;
                foreach (var x in a)
                    foreach (var y in b)
                        {|PERF020:foreach|} (var z in c)
                            n += x * y * z;
                return n;
            }
        }
        """);

    [Fact]
    public Task TwoNestedLoops_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            int M(List<int> a, List<int> b)
            {
                var n = 0;
                foreach (var x in a)
                {
                    foreach (var y in b) n += x * y;
                }
                foreach (var x in a)
                {
                    for (var i = 0; i < x; i++) n++;
                }
                return n;
            }
        }
        """);

    [Fact]
    public async Task FiveDeepNest_OneDiagnosticOnThirdLoopWithNestDepth()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                class C
                {
                    void M(int n)
                    {
                        for (var a = 0; a < n; a++)
                            for (var b = 0; b < n; b++)
                                for (var c = 0; c < n; c++)
                                    for (var d = 0; d < n; d++)
                                        for (var e = 0; e < n; e++)
                                            System.Console.WriteLine(a + b + c + d + e);
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PERF020").WithSpan(7, 17, 7, 20).WithArguments(5, 2));
        await test.RunAsync();
    }

    [Fact]
    public Task AllLoopKinds_AreCounted() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        class C
        {
            async Task M(IAsyncEnumerable<int> items, int[] values, int n)
            {
                await foreach (var item in items)
                {
                    var i = 0;
                    while (i < n)
                    {
                        {|PERF020:do|}
                        {
                            foreach (var (x, y) in new Dictionary<int, int>())
                            {
                                System.Console.WriteLine(x + y + item);
                            }
                        } while (i++ < values.Length);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task AwaitForeachAsThirdLoop_DiagnosticOnForeachKeyword() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        class C
        {
            async Task M(int[] a, int[] b, IAsyncEnumerable<int> items)
            {
                foreach (var x in a)
                    foreach (var y in b)
                        await {|PERF020:foreach|} (var item in items)
                            System.Console.WriteLine(x + y + item);
            }
        }
        """);

    [Fact]
    public Task TwoBranchesTooDeep_OneDiagnosticEach() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            void M(int[] a, int[] b, int[] c, int[] d)
            {
                foreach (var x in a)
                {
                    foreach (var y in b)
                    {
                        {|PERF020:foreach|} (var z in c) System.Console.WriteLine(x + y + z);
                        if (x > y)
                        {
                            {|PERF020:while|} (x > 0) { foreach (var w in d) System.Console.WriteLine(w); }
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task LoopInLambdaInsideNest_IsANestOfItsOwn() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Linq;
        class C
        {
            void M(int[] a, int[] b)
            {
                foreach (var x in a)
                {
                    foreach (var y in b)
                    {
                        Action act = () =>
                        {
                            foreach (var z in a) Console.WriteLine(z);
                        };
                        act();
                    }
                }
            }
        }
        """);

    [Fact]
    public Task DeepNestInsideLambda_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class C
        {
            void M(int[] a)
            {
                Action act = () =>
                {
                    foreach (var x in a)
                        foreach (var y in a)
                            {|PERF020:foreach|} (var z in a)
                                Console.WriteLine(x + y + z);
                };
                act();
            }
        }
        """);

    [Fact]
    public Task LocalFunctionIsABoundary_CountedOnItsOwn() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class C
        {
            void M(int[] a)
            {
                foreach (var x in a)
                {
                    foreach (var y in a)
                    {
                        Print(y);
                    }

                    void Print(int v)
                    {
                        foreach (var z in a) Console.WriteLine(v + z);
                    }
                }

                void Deep()
                {
                    for (var i = 0; i < a.Length; i++)
                        for (var j = 0; j < a.Length; j++)
                            {|PERF020:for|} (var k = 0; k < a.Length; k++)
                                Console.WriteLine(i + j + k);
                }
                Deep();
            }
        }
        """);

    [Fact]
    public Task TopLevelStatements_Diagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                var items = new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
                foreach (var x in items)
                    foreach (var y in items)
                        {|PERF020:foreach|} (var z in items)
                            System.Console.WriteLine(x + y + z);
                """,
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task LoopsInSwitchAndTry_AreCounted() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            void M(int[] a, int mode)
            {
                foreach (var x in a)
                {
                    switch (mode)
                    {
                        case 1:
                            try
                            {
                                foreach (var y in a)
                                {
                                    {|PERF020:for|} (var i = 0; i < y; i++) System.Console.WriteLine(i);
                                }
                            }
                            finally { }
                            break;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task SmallConstantInnerLoops_NotCounted() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            int M(int[,] grid, int width, int height)
            {
                var sum = 0;
                for (var y = 1; y < height - 1; y++)
                    for (var x = 1; x < width - 1; x++)
                        for (var dy = -1; dy <= 1; dy++)
                            for (var dx = -1; dx <= 1; dx++)
                                sum += grid[y + dy, x + dx];
                foreach (var id in new[] { 1, 2 })
                    foreach (var z in new[] { 3, 4 })
                        for (var attempt = 0; attempt < 3; attempt++)
                            sum += id * z * attempt;
                return sum;
            }
        }
        """);

    [Fact]
    public Task ForeachOverSmallDirectionArray_NotCounted() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            private static readonly (int X, int Y)[] Neighbours = { (0, 1), (1, 0), (0, -1), (-1, 0) };

            int M(bool[,] grid, int width, int height)
            {
                var count = 0;
                var diagonals = new[] { (1, 1), (-1, -1) };
                for (var y = 0; y < height; y++)
                    for (var x = 0; x < width; x++)
                    {
                        foreach (var (dx, dy) in Neighbours) count += grid[y + dy, x + dx] ? 1 : 0;
                        foreach (var d in diagonals) count += grid[y + d.Item2, x + d.Item1] ? 1 : 0;
                    }
                return count;
            }
        }
        """);

    [Fact]
    public Task LargeConstantInnerLoop_Counted() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            int M(int n)
            {
                var sum = 0;
                for (var a = 0; a < n; a++)
                    for (var b = 0; b < n; b++)
                        {|PERF020:for|} (var c = 0; c < 1000; c++)
                            sum += a + b + c;
                return sum;
            }
        }
        """);

    [Theory]
    [InlineData("3", 0)]
    [InlineData("1", 2)]
    [InlineData("2", 1)]
    [InlineData("not-a-number", 1)]
    [InlineData("0", 1)]
    [InlineData("-4", 1)]
    public async Task MaxDepthFromEditorConfig_IsUsed(string value, int expectedCount)
    {
        const string source = """
            class C
            {
                void M(int n)
                {
                    for (var a = 0; a < n; a++)
                    {
                        for (var b = 0; b < n; b++)
                        {
                            for (var c = 0; c < n; c++) System.Console.WriteLine(a + b + c);
                        }
                    }
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*]\ndotnet_code_quality.PERF020.max_loop_depth = " + value));
        var max = expectedCount switch { 0 => 3, 2 => 1, _ => 2 };
        if (expectedCount == 2)
        {
            // With a maximum of 1 the second loop is the first too deep; the nest below it goes 3 deep.
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PERF020").WithSpan(7, 13, 7, 16).WithArguments(3, max));
        }
        else if (expectedCount == 1)
        {
            test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PERF020").WithSpan(9, 17, 9, 20).WithArguments(3, max));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task TwoHundredDeepNest_OneDiagnostic()
    {
        var source = new StringBuilder("class C\n{\n    void M(int n)\n    {\n");
        for (var i = 0; i < 200; i++)
        {
            source.Append(i == 2 ? "{|PERF020:for|}" : "for").Append(" (var i").Append(i).Append(" = 0; i").Append(i).Append(" < n; i").Append(i).Append("++) {\n");
        }

        source.Append("System.Console.WriteLine(n);\n").Append('}', 200).Append("\n    }\n}\n");
        await VerifyCS.VerifyAnalyzerAsync(source.ToString());
    }

    [Fact]
    public async Task MethodWithFiveThousandStatements_ReportsEachNest()
    {
        var source = new StringBuilder("class C\n{\n    void M(int n)\n    {\n");
        for (var i = 0; i < 2500; i++)
        {
            source.Append("System.Console.WriteLine(").Append(i).Append(");\n");
            source.Append(i % 500 == 0
                ? "for (var a = 0; a < n; a++) for (var b = 0; b < n; b++) {|PERF020:for|} (var c = 0; c < n; c++) System.Console.WriteLine(c);\n"
                : "for (var a = 0; a < n; a++) System.Console.WriteLine(a);\n");
        }

        source.Append("    }\n}\n");
        await VerifyCS.VerifyAnalyzerAsync(source.ToString());
    }

    [Fact]
    public Task HostedServiceLoop_NotCounted() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class Worker
        {
            async Task RunAsync(int[][] tenants, CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    foreach (var jobs in tenants)
                        foreach (var job in jobs)
                            Console.WriteLine(job);
                    await Task.Delay(1000, stoppingToken);
                }

                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    foreach (var jobs in tenants)
                        foreach (var job in jobs)
                            Console.WriteLine(job);
                }

                while (true)
                {
                    foreach (var jobs in tenants)
                        foreach (var job in jobs)
                            Console.WriteLine(job);
                    await Task.Delay(TimeSpan.FromMinutes(1));
                }
            }
        }
        """);

    [Fact]
    public Task WhileTrueWithoutDelay_Counted() => VerifyCS.VerifyAnalyzerAsync("""
        class C
        {
            void M(int[] groups, int[] items, System.Collections.Generic.Queue<int> queue)
            {
                while (true)
                {
                    if (queue.Count == 0) break;
                    foreach (var group in groups)
                        {|PERF020:foreach|} (var item in items)
                            System.Console.WriteLine(item + queue.Dequeue());
                }
            }
        }
        """);

    [Fact]
    public Task TreeWalkOverChildCollections_NotCounted() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class Line { public int Quantity; public string[]? Notes; }
        class Order { public List<Line> Lines = new(); }
        class Customer { public List<Order> Orders = new(); }
        class C
        {
            int M(List<Customer> customers, Dictionary<string, List<Order>> byRegion)
            {
                var n = 0;
                foreach (var customer in customers)
                    foreach (var order in customer.Orders)
                        foreach (var line in order.Lines.Where(l => l.Quantity > 0))
                            foreach (var note in line.Notes!)
                                n += line.Quantity + note.Length;
                foreach (var (region, orders) in byRegion)
                    foreach (var order in orders)
                        foreach (var line in order.Lines)
                            n += line.Quantity;
                foreach (var group in customers.GroupBy(c => c.Orders.Count))
                    foreach (var customer in group)
                        foreach (var order in customer.Orders)
                            n++;
                return n;
            }
        }
        """);

    [Fact]
    public Task InnerLoopOverUnrelatedCollectionInTreeWalk_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class Order { public List<int> Lines = new(); }
        class C
        {
            int M(List<Order> orders, List<int> products)
            {
                var n = 0;
                foreach (var order in orders)
                    foreach (var line in order.Lines)
                        foreach (var product in products)
                            {|PERF020:foreach|} (var other in products)
                                n += line * product * other;
                return n;
            }
        }
        """);

    [Fact]
    public Task ForeachOverValuesOfSmallEnum_NotCounted() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class C
        {
            int M(int[] a, int[] b)
            {
                var n = 0;
                foreach (var x in a)
                    foreach (var y in b)
                        foreach (var day in Enum.GetValues<DayOfWeek>())
                            n += x * y * (int)day;
                foreach (var x in a)
                    foreach (var y in b)
                        foreach (DayOfWeek day in Enum.GetValues(typeof(DayOfWeek)))
                            n += x * y * (int)day;
                foreach (var x in a)
                    foreach (var y in b)
                        {|PERF020:foreach|} (var c in Enum.GetValues<ConsoleColor>())
                            n += x * y * (int)c;
                return n;
            }
        }
        """);

    [Fact]
    public Task PairsWithinEachGroup_Counted() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class Order { public List<int> Lines = new(); public List<int> Extras = new(); }
        class C
        {
            int M(Dictionary<int, List<int>> byProduct, List<Order> orders)
            {
                var n = 0;
                foreach (var (product, rows) in byProduct)
                    foreach (var source in rows)
                        {|PERF020:foreach|} (var target in rows)
                            n += source * target;
                foreach (var order in orders)
                    foreach (var line in order.Lines)
                        {|PERF020:foreach|} (var extra in order.Extras)
                            n += line * extra;
                return n;
            }
        }
        """);

    private const string TreeTypes = """

        class Option { public string Name = ""; }
        class Field { public List<Option> Options = new(); public List<Option> GetOptions() => Options; }
        class Item { public int Id; public List<Field> Fields = new(); public object Raw = new(); }
        interface IShape { List<Field> Members { get; } }
        """;

    [Fact]
    public Task WalkDownTreeThroughLocalCallCastIndexOrLookup_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            int M(List<Item> items, Dictionary<int, List<Field>> fieldsById, ILookup<int, Field> lookup)
            {
                var n = 0;
                foreach (var item in items)
                {
                    var fields = item.Fields;
                    foreach (var field in fields)
                        foreach (var option in field.GetOptions())
                            n += option.Name.Length;
                }
                foreach (var item in items)
                    foreach (var member in ((IShape)item.Raw).Members)
                        foreach (var option in member.Options.Where(o => o.Name != ""))
                            n++;
                for (var i = 0; i < items.Count; i++)
                    foreach (var field in items[i].Fields)
                        foreach (var option in field.Options)
                            n++;
                foreach (var item in items)
                    if (fieldsById.TryGetValue(item.Id, out var own))
                        foreach (var field in own)
                            foreach (var option in field.Options)
                                n++;
                foreach (var item in items)
                    foreach (var field in lookup[item.Id])
                        foreach (var option in field.Options)
                            n++;
                return n;
            }
        }
        """ + TreeTypes);

    [Fact]
    public Task UnrelatedCollectionBehindLocalInsideWalk_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            int M(List<Item> items, List<Field> allFields)
            {
                var n = 0;
                foreach (var item in items)
                {
                    var fields = allFields;
                    foreach (var field in fields)
                        {|PERF020:foreach|} (var option in allFields.Where(f => f.Options.Count == item.Id))
                            n++;
                }
                return n;
            }
        }
        """ + TreeTypes);

    [Fact]
    public Task RetryLoopAroundWalk_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(List<int[]> groups, int maxAttempts)
            {
                for (var attempt = 0; attempt < maxAttempts; attempt++)
                {
                    try
                    {
                        var n = 0;
                        foreach (var group in groups)
                            foreach (var other in groups)
                                n += group.Length * other.Length;
                        return n;
                    }
                    catch (InvalidOperationException)
                    {
                    }
                }

                while (true)
                {
                    var n = 0;
                    foreach (var group in groups)
                        foreach (var other in groups)
                            n += group.Length * other.Length;
                    if (n > 0) return n;
                    await Task.Delay(100);
                }
            }
        }
        """);

    [Fact]
    public Task LoopAroundWalkThatDoesNotLeaveOnSuccess_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        class C
        {
            int M(List<int[]> groups, Queue<int> pending)
            {
                var n = 0;
                while (pending.Count > 0)
                {
                    try
                    {
                        pending.Dequeue();
                        foreach (var group in groups)
                            {|PERF020:foreach|} (var other in groups)
                                n += group.Length * other.Length;
                    }
                    catch (InvalidOperationException)
                    {
                    }
                }
                return n;
            }
        }
        """);

    [Fact]
    public Task SearchForFreeNameOnClash_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            void M(List<Item> items, HashSet<string> used)
            {
                foreach (var item in items)
                    foreach (var other in items)
                    {
                        var name = "f" + item.Id + other.Id;
                        var suffix = 1;
                        while (used.Contains(name)) name = "f" + item.Id + "_" + suffix++;
                        while (!used.Add(name)) name += "_";
                    }
            }
        }
        """ + TreeTypes);

    [Fact]
    public Task WhileLoopOverWorkInsideTwoLoops_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            void M(List<Item> items, Queue<string> work)
            {
                foreach (var item in items)
                    foreach (var other in items)
                    {
                        var copy = new Queue<string>(work);
                        {|PERF020:while|} (copy.Count > 0) System.Console.WriteLine(copy.Dequeue() + item.Id + other.Id);
                    }
            }
        }
        """ + TreeTypes);

    [Fact]
    public Task ScanLeavingAtFirstMatch_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            int M(List<Item> items, List<Item> others, List<Field> fields)
            {
                var n = 0;
                foreach (var item in items)
                    foreach (var other in others)
                    {
                        foreach (var field in fields)
                        {
                            if (field.Options.Count == item.Id + other.Id)
                            {
                                n++;
                                break;
                            }
                        }
                    }
                return n;
            }
        }
        """ + TreeTypes);

    [Fact]
    public Task ScanThatVisitsEveryElement_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            int M(List<Item> items, List<Item> others, List<Field> fields)
            {
                var n = 0;
                foreach (var item in items)
                    foreach (var other in others)
                    {
                        {|PERF020:foreach|} (var field in fields)
                        {
                            if (field.Options.Count == item.Id + other.Id)
                            {
                                n++;
                            }
                        }
                    }
                return n;
            }
        }
        """ + TreeTypes);

    [Fact]
    public Task SmallFixedSetInStaticGetOnlyProperty_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            private static int[] Partitions { get; } = { 0, 1, 2, 3 };
            private static string[] Modes => new[] { "a", "b" };

            int M(List<int> rows, List<int> columns)
            {
                var n = 0;
                foreach (var partition in Partitions)
                    foreach (var row in rows)
                        foreach (var column in columns)
                            n += partition * row * column;
                foreach (var mode in Modes)
                    foreach (var row in rows)
                        foreach (var column in columns)
                            n += mode.Length * row * column;
                return n;
            }
        }
        """);

    [Fact]
    public Task SettableOrLargeStaticProperty_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            private static int[] Partitions { get; set; } = { 0, 1, 2, 3 };
            private static int[] Shards { get; } = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

            int M(List<int> rows, List<int> columns)
            {
                var n = 0;
                foreach (var partition in Partitions)
                    foreach (var row in rows)
                        {|PERF020:foreach|} (var column in columns)
                            n += partition * row * column;
                foreach (var shard in Shards)
                    foreach (var row in rows)
                        {|PERF020:foreach|} (var column in columns)
                            n += shard * row * column;
                return n;
            }
        }
        """);

    [Fact]
    public Task GameRoundsFramesAndKeyDrain_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        class Game
        {
            void Run(List<int> tanks, int height)
            {
                int scoreA = 0, scoreB = 0;
                while (scoreA < 3 && scoreB < 3)
                {
                    foreach (var tank in tanks)
                    {
                        while (Console.KeyAvailable) Console.ReadKey(true);
                        for (var row = 0; row < height; row++) Console.Write(row + tank);
                    }
                    scoreA++;
                }
            }
        }
        """);

    [Fact]
    public Task RoundsBoundByAParameter_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        class Game
        {
            void Run(List<int> tanks, int height, int rounds)
            {
                int round = 0;
                while (round < rounds)
                {
                    foreach (var tank in tanks)
                    {
                        {|PERF020:for|} (var row = 0; row < height; row++) Console.Write(row + tank);
                    }
                    round++;
                }
            }
        }
        """);

    [Fact]
    public Task InteractiveLoopWaitingForAKeyEveryIteration_NotALevel() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class Minefield
        {
            bool[,] _revealed = new bool[0, 0];
            void Play(int width, int height)
            {
                while (true)
                {
                    Console.Clear();
                    switch (Console.ReadKey(true).Key)
                    {
                        case ConsoleKey.Escape:
                            return;
                        case ConsoleKey.Enter:
                            for (var column = 0; column < width; column++)
                                for (var row = 0; row < height; row++)
                                    _revealed[column, row] = true;
                            break;
                    }
                }
            }
        }
        """);

    [Fact]
    public Task FrameLoopReadingAKeyOnlyWhenOneIsAvailable_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        class Snake
        {
            bool[,] _board = new bool[0, 0];
            void Play(int width, int height)
            {
                while (true)
                {
                    if (Console.KeyAvailable)
                    {
                        var key = Console.ReadKey(true);
                        if (key.Key == ConsoleKey.Escape) return;
                    }
                    for (var column = 0; column < width; column++)
                        {|PERF020:for|} (var row = 0; row < height; row++)
                            _board[column, row] = !_board[column, row];
                }
            }
        }
        """);
}
