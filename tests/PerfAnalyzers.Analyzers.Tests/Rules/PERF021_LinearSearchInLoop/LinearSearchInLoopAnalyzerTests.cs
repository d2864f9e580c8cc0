using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.LinearSearchInLoopAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class LinearSearchInLoopAnalyzerTests
{
    private const string Types = """

        public record Order(int Id, int CustomerId, System.Collections.Generic.List<Line> Lines);
        public record Line(string Sku, int Quantity);
        public record Customer(int Id, string Name);
        """;

    [Fact]
    public Task ListContainsOnLocal_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            int M(List<Order> orders, IEnumerable<int> ids)
            {
                var allowed = ids.ToList();
                var n = 0;
                foreach (var order in orders)
                {
                    if (allowed.{|PERF021:Contains|}(order.CustomerId)) n++;
                }
                return n;
            }
        }
        """ + Types);

    [Fact]
    public async Task MessageNamesMethodAndCollection()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                class C
                {
                    private readonly List<int> _blocked = new();
                    int M(int[] values)
                    {
                        var n = 0;
                        for (var i = 0; i < values.Length; i++)
                            if (_blocked.Contains(values[i])) n++;
                        return n;
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("PERF021").WithSpan(9, 26, 9, 34).WithArguments("Contains", "_blocked"));
        await test.RunAsync();
    }

    [Fact]
    public Task EnumerableSearchesWithPredicate_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            void M(List<Order> orders, IReadOnlyList<Customer> customers, Customer[] vips)
            {
                foreach (var order in orders)
                {
                    var customer = customers.{|PERF021:FirstOrDefault|}(c => c.Id == order.CustomerId);
                    var any = customers.{|PERF021:Any|}(c => c.Id == order.CustomerId);
                    var all = customers.{|PERF021:All|}(c => c.Id != order.CustomerId);
                    var count = customers.{|PERF021:Count|}(c => c.Id == order.CustomerId);
                    var single = vips.{|PERF021:SingleOrDefault|}(c => c.Id == order.CustomerId);
                    var last = vips.{|PERF021:LastOrDefault|}(c => c.Id == order.CustomerId);
                    var first = vips.{|PERF021:First|}(c => c.Id == order.CustomerId);
                    var matching = customers.{|PERF021:Where|}(c => c.Id == order.CustomerId).ToList();
                }
            }
        }
        """ + Types);

    [Fact]
    public Task ListAndArraySearchMethods_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        class C
        {
            void M(List<Order> orders, List<Customer> customers, int[] ids, IList<int> others)
            {
                foreach (var order in orders)
                {
                    var c = customers.{|PERF021:Find|}(x => x.Id == order.CustomerId);
                    var i = customers.{|PERF021:FindIndex|}(x => x.Id == order.CustomerId);
                    var e = customers.{|PERF021:Exists|}(x => x.Id == order.CustomerId);
                    var j = Array.{|PERF021:IndexOf|}(ids, order.Id);
                    var k = Array.{|PERF021:Exists|}(ids, x => x == order.Id);
                    var o = others.{|PERF021:Contains|}(order.Id);
                    var p = others.{|PERF021:IndexOf|}(order.Id);
                }
            }
        }
        """ + Types);

    [Fact]
    public Task RemoveFromListInLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            void M(List<int> pending, int[] done)
            {
                foreach (var id in done)
                {
                    pending.{|PERF021:Remove|}(id);
                }
            }
        }
        """);

    [Fact]
    public Task FieldPropertyChainAndWhileLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        public class Options { public List<string> Skus { get; set; } = new(); }
        class C
        {
            private readonly Options _options = new();
            int M(Queue<Line> queue)
            {
                var n = 0;
                while (queue.Count > 0)
                {
                    var line = queue.Dequeue();
                    if (_options.Skus.{|PERF021:Contains|}(line.Sku)) n++;
                }
                return n;
            }
        }
        """ + Types);

    [Fact]
    public Task SearchInInnerLoopHeader_RepeatsPerOuterIteration_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            void M(List<Order> orders, List<Customer> customers)
            {
                foreach (var order in orders)
                {
                    foreach (var c in customers.{|PERF021:Where|}(c => c.Id == order.CustomerId))
                    {
                        System.Console.WriteLine(c.Name);
                    }
                }
            }
        }
        """ + Types);

    [Fact]
    public Task SearchInTopLevelStatementsAndAwaitForeach_Diagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;

                var allowed = new List<int> { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
                await foreach (var id in Ids())
                {
                    if (allowed.{|PERF021:Contains|}(id)) System.Console.WriteLine(id);
                }

                static async IAsyncEnumerable<int> Ids()
                {
                    await Task.Yield();
                    yield return 1;
                }
                """,
            TestState = { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication },
        };
        return test.RunAsync();
    }

    [Fact]
    public Task SearchInLoopInsideLambda_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        class C
        {
            void M(List<int> allowed, int[] values)
            {
                Action act = () =>
                {
                    foreach (var v in values)
                        if (allowed.{|PERF021:Contains|}(v)) Console.WriteLine(v);
                };
                act();
            }
        }
        """);

    [Fact]
    public Task SearchOutsideLoopOrInLoopHeader_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            void M(List<int> allowed, List<int> values)
            {
                var any = allowed.Contains(3);
                foreach (var v in values.Where(x => x > 0)) System.Console.WriteLine(v + (any ? 1 : 0));
                foreach (var v in values)
                {
                    System.Action a = () => allowed.Contains(v);
                    a();
                }
            }
        }
        """);

    [Fact]
    public Task SetsDictionariesLookupsAndKeys_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Frozen;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using System.Linq;
        class C
        {
            void M(int[] values, HashSet<int> set, ISet<int> iset, IReadOnlySet<int> roset, FrozenSet<int> frozen,
                   Dictionary<int, string> map, IReadOnlyDictionary<int, string> romap, ILookup<int, string> lookup, ImmutableHashSet<int> immutable)
            {
                foreach (var v in values)
                {
                    _ = set.Contains(v) || iset.Contains(v) || roset.Contains(v) || frozen.Contains(v) || immutable.Contains(v);
                    _ = map.ContainsKey(v) || map.Keys.Contains(v) || romap.Any(p => p.Key == v) || lookup.Contains(v);
                }
            }
        }
        """);

    [Fact]
    public Task StringsAndQueryables_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            void M(string text, IQueryable<Customer> customers, string[] words)
            {
                foreach (var w in words)
                {
                    _ = text.Contains(w) || text.Any(char.IsDigit) || text.IndexOf(w) > 0;
                    _ = customers.Any(c => c.Name == w);
                }
            }
        }
        """ + Types);

    [Fact]
    public Task SearchesWithoutPredicate_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            void M(List<int> items, int[] values)
            {
                foreach (var v in values)
                {
                    _ = items.Any() || items.Count() > v || items.First() == v || items.Last() == v || items.Count > 0;
                }
            }
        }
        """);

    [Fact]
    public Task PerItemCollectionOfLoopVariable_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            void M(List<Order> orders, string[] skus)
            {
                foreach (var order in orders)
                {
                    if (order.Lines.Any(l => l.Quantity > 10)) System.Console.WriteLine(order.Id);
                    var lines = order.Lines;
                    foreach (var sku in skus)
                    {
                        if (lines.Any(l => l.Sku == sku)) System.Console.WriteLine(sku);
                        if (order.Lines.Exists(l => l.Sku == sku)) System.Console.WriteLine(sku);
                    }
                }
            }
        }
        """ + Types);

    [Fact]
    public Task CollectionDeclaredInsideLoop_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            void M(int[] values)
            {
                foreach (var v in values)
                {
                    var seen = new List<int>(values);
                    if (seen.Contains(v)) System.Console.WriteLine(v);
                }
            }
        }
        """);

    [Fact]
    public Task CollectionChangedInLoop_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            private List<int> _seen = new();
            void M(int[] values, int[] others)
            {
                var seen = new List<int>();
                foreach (var v in values)
                {
                    if (!seen.Contains(v)) seen.Add(v);
                }
                var batch = new List<int>();
                foreach (var v in values)
                {
                    if (batch.Contains(v)) batch = new List<int>();
                }
                foreach (var v in values)
                {
                    if (_seen.IndexOf(v) < 0) _seen.Insert(0, v);
                }
                foreach (var v in values)
                {
                    if (System.Array.IndexOf(others, v) > 0) others[0] = v;
                }
                foreach (var v in values)
                {
                    if (batch.Contains(v)) (var k, batch) = (0, new List<int>());
                }
            }
        }
        """);

    [Fact]
    public Task SmallConstantCollections_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            private static readonly string[] Verbs = { "GET", "HEAD", "OPTIONS" };
            private static readonly List<int> Codes = new() { 200, 201, 204 };
            void M(string[] methods, int[] values, params int[] extra)
            {
                var small = new[] { 1, 2, 3 };
                int[] collection = [4, 5];
                foreach (var m in methods)
                {
                    _ = Verbs.Contains(m) || Codes.Contains(m.Length) || small.Contains(m.Length) || collection.Contains(m.Length);
                    _ = extra.Contains(m.Length) || new[] { 1, 2 }.Contains(m.Length);
                }
            }
        }
        """);

    [Fact]
    public Task RetryLoopWithFewIterations_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            void M(List<int> transient, System.Func<int> call)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    if (!transient.Contains(call())) break;
                }
            }
        }
        """);

    [Fact]
    public Task MethodCallReceiver_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        enum Color { Red, Green }
        class C
        {
            List<int> Load() => new();
            void M(int[] values, List<int>[] buckets)
            {
                foreach (var v in values)
                {
                    _ = Load().Contains(v) || Enum.GetValues<Color>().Contains((Color)v) || buckets[0].Contains(v);
                }
            }
        }
        """);

    [Fact]
    public Task SearchInHostedServiceLoop_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;
        class Worker
        {
            private readonly List<string> _topics = new();
            async Task RunAsync(ChannelReader<string> reader, CancellationToken stoppingToken)
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    var message = await reader.ReadAsync(stoppingToken);
                    if (_topics.Contains(message)) System.Console.WriteLine(message);
                }
            }
        }
        """);

    [Fact]
    public Task RemoveFromListFilledByOuterLoop_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            List<Order> M(List<Order> orders, HashSet<string> blocked)
            {
                var valid = new List<Order>();
                foreach (var order in orders)
                {
                    valid.Add(order);
                    foreach (var line in order.Lines)
                    {
                        if (blocked.Contains(line.Sku)) valid.Remove(order);
                    }
                }
                return valid;
            }
        }
        """ + Types);

    [Fact]
    public Task SearchOverEnumValues_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        enum Status { New, Paid, Shipped, Cancelled }
        class C
        {
            int M(List<(int Id, Status Status)> orders, Status[] wanted, List<Status> open, DayOfWeek[] days)
            {
                var n = 0;
                foreach (var order in orders)
                {
                    if (wanted.Contains(order.Status)) n++;
                    if (open.Contains(order.Status)) n++;
                    if (wanted.Any(s => s == order.Status)) n++;
                    if (Array.IndexOf(days, (DayOfWeek)order.Id) >= 0) n++;
                }
                return n;
            }
        }
        """);

    [Fact]
    public Task SearchOverDbSetLocalView_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using Microsoft.EntityFrameworkCore;
        public class Product { public int Id { get; set; } public string Sku { get; set; } = ""; }
        public class Shop : DbContext { public DbSet<Product> Products => Set<Product>(); }
        class C
        {
            void M(Shop db, List<string> skus)
            {
                foreach (var sku in skus)
                {
                    var product = db.Products.Local.FirstOrDefault(p => p.Sku == sku);
                    if (product is null)
                    {
                        db.Products.Add(new Product { Sku = sku });
                    }
                }
            }
        }
        """);

    [Fact]
    public Task CollectionFilledByCalledMethod_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            private readonly List<int> _processed = new();

            void M(List<int> ids)
            {
                foreach (var id in ids)
                {
                    if (!_processed.Contains(id)) Process(id);
                }

                var seen = new List<int>();
                foreach (var id in ids)
                {
                    if (!seen.Contains(id)) Remember(seen, id);
                }
            }

            void Process(int id) => _processed.Add(id);

            static void Remember(ICollection<int> target, int id) => target.Add(id);
        }
        """);

    [Fact]
    public Task CollectionOnlyReadByCalledMethods_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            private readonly List<int> _allowed = new();

            void M(List<int> ids, List<int> blocked)
            {
                foreach (var id in ids)
                {
                    if (_allowed.{|PERF021:Contains|}(id)) Handle(id);
                    if (blocked.{|PERF021:Contains|}(id)) Log(blocked, id);
                }
            }

            void Handle(int id) => System.Console.WriteLine(_allowed.Count + id);

            static void Log(IEnumerable<int> all, int id) => System.Console.WriteLine(string.Join(",", all) + id);
        }
        """);

    private const string RegistryTypes = """

        class Registry
        {
            private readonly List<string> _names = new();
            public List<string> Names => _names;
            public void Register(string name) { if (name.Length > 0) _names.Add(name); }
            public void Log(string name) => System.Console.WriteLine(name);
        }
        """;

    [Fact]
    public Task CollectionModifiedThroughPropertyAliasIndexerOrOwnerMethod_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            private readonly List<int> _ids = new();
            private List<int> Ids => _ids;
            private readonly List<int> _slots = new();
            private List<int> Slots { get { return _slots; } }

            void M(int[] input, Registry registry, List<string> names)
            {
                foreach (var i in input)
                {
                    if (!_ids.Contains(i)) Ids.Add(i);
                }

                var alias = _ids;
                foreach (var i in input)
                {
                    if (!_ids.Contains(i)) alias.Add(i);
                }

                foreach (var i in input)
                {
                    var free = _slots.IndexOf(0);
                    if (free >= 0) Slots[free] = i;
                }

                foreach (var name in names)
                {
                    if (!registry.Names.Contains(name)) registry.Register(name);
                }
            }
        }
        """ + RegistryTypes);

    [Fact]
    public Task CollectionOnlyReadThroughPropertyAliasOrOwnerMethod_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        class C
        {
            private readonly List<int> _ids = new();
            private List<int> Ids => _ids;
            private readonly List<int> _seen = new();

            void M(int[] input, Registry registry, List<string> names)
            {
                var alias = _ids;
                foreach (var i in input)
                {
                    if (!Ids.{|PERF021:Contains|}(i)) _seen.Add(i);
                    if (alias.{|PERF021:Contains|}(i)) System.Console.WriteLine(alias.Count);
                }

                foreach (var name in names)
                {
                    if (!registry.Names.{|PERF021:Contains|}(name)) registry.Log(name);
                }
            }
        }
        """ + RegistryTypes);

    [Fact]
    public Task AwaitForeachOverSnapshotsSearchingState_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        class Membership
        {
            private List<string> _active = new();

            public List<string> Active => _active;

            async Task WatchAsync(IAsyncEnumerable<string> changes)
            {
                await foreach (var silo in changes)
                {
                    if (!_active.Contains(silo)) System.Console.WriteLine(silo);
                    if (Active.Any(a => a.Length == silo.Length)) System.Console.WriteLine(silo);
                }
            }
        }
        """);

    [Fact]
    public Task AwaitForeachSearchingListBuiltBeforeTheLoop_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        class Membership
        {
            async Task WatchAsync(IAsyncEnumerable<string> changes, List<string> known)
            {
                var active = known.ToList();
                await foreach (var silo in changes)
                {
                    if (!active.{|PERF021:Contains|}(silo)) System.Console.WriteLine(silo);
                }
            }
        }
        """);

    [Fact]
    public Task RetryLoopAroundSearch_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(List<int> ids, int id, int maxAttempts)
            {
                for (var attempt = 0; attempt < maxAttempts; attempt++)
                {
                    try
                    {
                        return ids.IndexOf(id);
                    }
                    catch (InvalidOperationException)
                    {
                        await Task.Delay(100);
                    }
                }

                while (true)
                {
                    if (ids.Contains(id)) return id;
                    await Task.Delay(100);
                }
            }
        }
        """);

    [Fact]
    public Task LoopOverItemsThatLeavesOnAMatch_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        class C
        {
            int M(List<int> ids, int[] wanted)
            {
                for (var i = 0; i < wanted.Length; i++)
                {
                    try
                    {
                        if (ids.{|PERF021:Contains|}(wanted[i])) continue;
                    }
                    catch (InvalidOperationException)
                    {
                    }
                }

                return 0;
            }
        }
        """);

    [Fact]
    public Task RemoveFromTheListTheLoopWalks_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            private readonly List<System.IO.TextWriter> _writers = new();

            void M()
            {
                for (var i = 0; i < _writers.Count; i += 1)
                {
                    using (var writer = _writers[i])
                    {
                        _writers.Remove(writer);
                    }
                }
            }
        }
        """);

    [Fact]
    public Task RemoveFromAnotherListThanTheLoopWalks_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        class C
        {
            private readonly List<System.IO.TextWriter> _writers = new();
            private readonly List<System.IO.TextWriter> _closed = new();

            void M()
            {
                for (var i = 0; i < _closed.Count; i += 1)
                {
                    _writers.{|PERF021:Remove|}(_closed[i]);
                }
            }
        }
        """);

    [Fact]
    public Task SearchDecidingTheFirstCandidateToReturn_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        class Locator
        {
            string? Find(string program, string[] directories, ICollection<string> pathsToIgnore)
            {
                foreach (var directory in directories)
                {
                    var candidate = Path.Combine(directory, program);
                    if (File.Exists(candidate) && !pathsToIgnore.Contains(candidate, StringComparer.OrdinalIgnoreCase))
                    {
                        return candidate;
                    }
                }

                return null;
            }
        }
        """);

    [Fact]
    public Task SearchFilteringEveryCandidate_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        class Locator
        {
            List<string> FindAll(string program, string[] directories, ICollection<string> pathsToIgnore)
            {
                var found = new List<string>();
                foreach (var directory in directories)
                {
                    var candidate = Path.Combine(directory, program);
                    if (pathsToIgnore.{|PERF021:Contains|}(candidate, StringComparer.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    found.Add(candidate);
                }

                return found;
            }
        }
        """);
}
