using Microsoft.CodeAnalysis;
using VerifyCS = PerfAnalyzers.Testing.CSharpAnalyzerVerifier<PerfAnalyzers.Rules.BlockingWaitInAsyncMethodAnalyzer>;

namespace PerfAnalyzers.Analyzers.Tests.Rules;

public class BlockingWaitInAsyncMethodAnalyzerTests
{
    [Fact]
    public Task ResultInAsyncMethod_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> pending)
            {
                await Task.Yield();
                return pending.{|PERF002:Result|};
            }
        }
        """);

    [Fact]
    public Task MessageNamesWaitAndReplacement() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task M(Task<int> pending)
            {
                await Task.Yield();
                var value = pending.Result;
            }
        }
        """, VerifyCS.Diagnostic("PERF002").WithSpan(8, 29, 8, 35).WithArguments("Task.Result", "await"));

    [Fact]
    public Task ResultInSyncMethod_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            int M(Task<int> pending)
            {
                pending.Wait();
                Thread.Sleep(10);
                return pending.Result + pending.GetAwaiter().GetResult();
            }

            static void Main() => Task.Delay(1).Wait();
        }
        """);

    [Fact]
    public Task WaitGetResultAndValueTask_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task first, Task<int> second, ValueTask<int> third, ValueTask fourth, CancellationToken ct)
            {
                var ok = first.{|PERF002:Wait|}(100);
                first.{|PERF002:Wait|}(ct);
                first.Wait();
                var a = second.GetAwaiter().{|PERF002:GetResult|}();
                var b = second.ConfigureAwait(false).GetAwaiter().{|PERF002:GetResult|}();
                var c = third.{|PERF002:Result|};
                fourth.GetAwaiter().{|PERF002:GetResult|}();
                await Task.Yield();
                return a + b + c;
            }
        }
        """);

    [Fact]
    public Task ThreadSleepWaitAllWaitAny_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(Task a, Task b)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    Thread.{|PERF002:Sleep|}(100 * (1 << attempt));
                }
                Thread.{|PERF002:Sleep|}(TimeSpan.FromSeconds(1));
                Task.{|PERF002:WaitAll|}(a, b);
                var index = Task.{|PERF002:WaitAny|}(a, b);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task ThreadSleepZero_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M()
            {
                Thread.Sleep(0);
                Thread.Sleep(TimeSpan.Zero);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task AwaitedBefore_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> pending)
            {
                await pending;
                return pending.Result;
            }

            async Task<int> WithConfigureAwait(Task<int> pending)
            {
                await pending.ConfigureAwait(false);
                return pending.Result + pending.GetAwaiter().GetResult();
            }
        }
        """);

    [Fact]
    public Task AwaitedAfter_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> pending)
            {
                var value = pending.{|PERF002:Result|};
                await pending;
                return value;
            }
        }
        """);

    [Fact]
    public Task AwaitedThroughWhenAll_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> a, Task<string> b)
            {
                await Task.WhenAll(a, b);
                return a.Result + b.Result.Length;
            }

            async Task<int> Collection(IEnumerable<int> ids)
            {
                var tasks = ids.Select(id => Task.FromResult(id)).ToList();
                await Task.WhenAll(tasks).ConfigureAwait(false);
                var total = tasks[0].Result;
                foreach (var task in tasks)
                {
                    total += task.Result;
                }
                return total + tasks.Sum(t => t.Result);
            }
        }
        """);

    [Fact]
    public Task WhenAllNotIncludingTheTask_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> a, Task<int> b, Task<int> c)
            {
                await Task.WhenAll(a, b);
                return a.Result + c.{|PERF002:Result|};
            }
        }
        """);

    [Fact]
    public Task GuardedByIsCompleted_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> pending, ValueTask<int> fast)
            {
                if (pending.IsCompleted)
                {
                    return pending.Result;
                }

                var quick = fast.IsCompletedSuccessfully ? fast.Result : await fast;
                return quick + await pending;
            }
        }
        """);

    [Fact]
    public Task ResultOfAwaitedWhenAny_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> a, Task<int> b)
            {
                var finished = await Task.WhenAny(a, b);
                return finished.Result + Task.FromResult(1).Result;
            }
        }
        """);

    [Fact]
    public Task AsyncLambdaAndLocalFunction_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            void M(Task<int> pending)
            {
                Func<Task<int>> read = async () => pending.{|PERF002:Result|};
                async Task Local() { Thread.{|PERF002:Sleep|}(5); await Task.Yield(); }
                _ = Local();
            }
        }
        """);

    [Fact]
    public Task SyncLambdaOrLocalFunction_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Linq;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int>[] tasks)
            {
                var sum = tasks.Select(t => t.Result).Sum();
                int Local() => tasks[0].Result;
                await Task.Run(() => tasks[2].Wait());
                return sum + Local() + await tasks[3].ContinueWith(t => t.Result);
            }
        }
        """);

    [Fact]
    public Task WaitInsideLock_DiagnosticSuggestsSemaphore() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            private readonly object _sync = new();

            async Task M(Task pending)
            {
                await Task.Yield();
                lock (_sync)
                {
                    pending.Wait();
                }
            }
        }
        """, VerifyCS.Diagnostic("PERF002").WithSpan(12, 21, 12, 25)
        .WithArguments("Task.Wait", "await, with 'SemaphoreSlim.WaitAsync' in place of the lock (a lock cannot contain await)"));

    [Fact]
    public Task ResultAndGetResultInsideLock_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            private readonly object _sync = new();
            private int _total;

            async Task M(Task<int> first, Task<int> second)
            {
                await Task.Yield();
                lock (_sync)
                {
                    _total += first.{|PERF002:Result|};
                    _total += second.GetAwaiter().{|PERF002:GetResult|}();
                }
            }
        }
        """);

    [Fact]
    public Task WaitInsideLockOnThreadingLock_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        namespace System.Threading
        {
            // The .NET 9 lock type, for a .NET 8 reference set: the compiler locks through EnterScope, the statement is the same.
            public sealed class Lock
            {
                public Scope EnterScope() => default;

                public ref struct Scope
                {
                    public void Dispose()
                    {
                    }
                }
            }
        }

        class C
        {
            private readonly System.Threading.Lock _gate = new();

            async Task<int> M(Task<int> pending)
            {
                await Task.Yield();
                lock (_gate)
                {
                    return pending.{|PERF002:Result|};
                }
            }
        }
        """);

    [Fact]
    public Task CompletedTaskInsideLock_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            private readonly object _sync = new();
            private int _total;

            async Task M(Task<int> pending)
            {
                await pending;
                lock (_sync)
                {
                    _total += pending.Result;
                }
            }
        }
        """);

    [Fact]
    public Task WaitInsideLockOfSyncMethod_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            private readonly object _sync = new();

            void M(Task pending)
            {
                lock (_sync)
                {
                    pending.Wait();
                }
            }
        }
        """);

    [Fact]
    public Task AwaitAfterLock_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            private readonly object _sync = new();
            private int _total;

            async Task M(Task<int> pending)
            {
                int snapshot;
                lock (_sync)
                {
                    snapshot = _total;
                }

                _total = snapshot + await pending;
            }
        }
        """);

    [Fact]
    public Task ExpressionBodiedAndTopLevel_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> pending) => pending.{|PERF002:Result|};
        }
        """);

    [Fact]
    public async Task TopLevelStatementsWithAwait_Diagnostic()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading;
                using System.Threading.Tasks;

                await Task.Yield();
                Thread.{|PERF002:Sleep|}(100);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public Task GenericAndExtensionMethods_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        static class Extensions
        {
            public static async Task<T> Unwrap<T>(this Task<T> task)
            {
                await Task.Yield();
                return task.{|PERF002:Result|};
            }
        }
        """);

    [Fact]
    public Task LookalikeResultAndWait_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        class Outcome { public int Result { get; set; } public void Wait() { } }

        class C
        {
            async Task<int> M(Outcome outcome, SemaphoreSlim gate, ManualResetEventSlim signal)
            {
                outcome.Wait();
                signal.Wait(0);
                await gate.WaitAsync();
                return outcome.Result + Task.CompletedTask.GetAwaiter().GetHashCode();
            }
        }
        """);

    [Fact]
    public Task CompletedByAwaitedWhenAllLocalOrEarlierWait_NoDiagnosticOnResult() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> a, Task<int> b, Task<int> c)
            {
                var all = Task.WhenAll(a, b);
                await all;
                c.{|PERF002:Wait|}();
                return a.Result + b.Result + c.Result;
            }
        }
        """);

    [Fact]
    public Task RaceWithTimeoutComparedBeforeResult_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> work, TimeSpan timeout)
            {
                var finished = await Task.WhenAny(work, Task.Delay(timeout));
                if (finished != work)
                {
                    throw new TimeoutException();
                }

                return work.Result;
            }

            async Task<int> NotCompared(Task<int> work, TimeSpan timeout)
            {
                await Task.WhenAny(work, Task.Delay(timeout));
                return work.{|PERF002:Result|};
            }
        }
        """);

    [Fact]
    public Task CompletionCheckedByPropertyPattern_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            private Task<int>? _warmup;

            async Task<int> M(Task<int> other)
            {
                if (_warmup is { IsCompleted: true }) return _warmup.Result;
                if (other is { IsCompletedSuccessfully: true } done) return done.Result + other.Result;
                return await _warmup!;
            }
        }
        """);

    [Fact]
    public Task LocalCreatedComplete_NoDiagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M()
            {
                var three = Task.FromResult(3);
                var none = Task.CompletedTask;
                none.Wait();
                await Task.Yield();
                return three.Result;
            }
        }
        """);

    [Fact]
    public Task PatternOnOtherPropertyOrOtherTask_Diagnostic() => VerifyCS.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> a, Task<int> b)
            {
                await Task.Yield();
                if (a is { IsCompleted: true }) return b.{|PERF002:Result|};
                return 0;
            }

            async Task<int> N(Task<int> a)
            {
                await Task.Yield();
                if (a is { Id: > 0 } started) return started.{|PERF002:Result|} + a.{|PERF002:Result|};
                return 0;
            }
        }
        """);
}
