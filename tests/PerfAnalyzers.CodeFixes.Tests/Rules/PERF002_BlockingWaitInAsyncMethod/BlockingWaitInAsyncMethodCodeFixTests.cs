using Microsoft.CodeAnalysis;
using VerifyCS = PerfAnalyzers.Testing.CSharpCodeFixVerifier<PerfAnalyzers.Rules.BlockingWaitInAsyncMethodAnalyzer, PerfAnalyzers.Rules.BlockingWaitInAsyncMethodCodeFix>;

namespace PerfAnalyzers.CodeFixes.Tests.Rules;

public class BlockingWaitInAsyncMethodCodeFixTests
{
    [Fact]
    public Task Result_AwaitTask() => VerifyCS.VerifyCodeFixAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> pending)
            {
                await Task.Yield();
                // keep
                var value = pending.{|PERF002:Result|}; // trailing
                return value;
            }
        }
        """, """
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int> pending)
            {
                await Task.Yield();
                // keep
                var value = await pending; // trailing
                return value;
            }
        }
        """);

    [Fact]
    public Task ResultInExpression_Parenthesized() => VerifyCS.VerifyCodeFixAsync("""
        using System.Threading.Tasks;

        class C
        {
            Task<string> Load() => Task.FromResult("x");

            async Task<int> M()
            {
                await Task.Yield();
                return Load().{|PERF002:Result|}.Length + Load().GetAwaiter().{|PERF002:GetResult|}().Length;
            }
        }
        """, """
        using System.Threading.Tasks;

        class C
        {
            Task<string> Load() => Task.FromResult("x");

            async Task<int> M()
            {
                await Task.Yield();
                return (await Load()).Length + (await Load()).Length;
            }
        }
        """);

    [Fact]
    public Task WaitAndGetResult_AwaitTask() => VerifyCS.VerifyCodeFixAsync("""
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(Task first, Task other, Task<int> second, ValueTask third, CancellationToken ct)
            {
                first.{|PERF002:Wait|}();
                other.{|PERF002:Wait|}(ct);
                var value = second.ConfigureAwait(false).GetAwaiter().{|PERF002:GetResult|}();
                third.GetAwaiter().{|PERF002:GetResult|}();
                await Task.Yield();
            }
        }
        """, """
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task M(Task first, Task other, Task<int> second, ValueTask third, CancellationToken ct)
            {
                await first;
                await other.WaitAsync(ct);
                var value = await second.ConfigureAwait(false);
                await third;
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task ThreadSleep_AwaitTaskDelayWithToken() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<bool> Retry(Func<Task<bool>> attempt, CancellationToken cancellationToken)
            {
                for (var i = 0; i < 3; i++)
                {
                    if (await attempt())
                    {
                        return true;
                    }

                    Thread.{|PERF002:Sleep|}(100 * (1 << i));
                }

                Thread.{|PERF002:Sleep|}(TimeSpan.FromSeconds(1));
                return false;
            }
        }
        """, """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async Task<bool> Retry(Func<Task<bool>> attempt, CancellationToken cancellationToken)
            {
                for (var i = 0; i < 3; i++)
                {
                    if (await attempt())
                    {
                        return true;
                    }

                    await Task.Delay(100 * (1 << i), cancellationToken);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return false;
            }
        }
        """);

    [Fact]
    public Task ThreadSleepWithoutTasksUsing_AddsUsing() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.Threading;

        class C
        {
            async void M()
            {
                Thread.{|PERF002:Sleep|}(50);
            }
        }
        """, """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        class C
        {
            async void M()
            {
                await Task.Delay(50);
            }
        }
        """);

    [Fact]
    public Task WaitAll_AwaitWhenAll() => VerifyCS.VerifyCodeFixAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task M(Task a, Task b, Task[] rest)
            {
                Task.{|PERF002:WaitAll|}(a, b);
                Task.{|PERF002:WaitAll|}(rest);
                await Task.Yield();
            }
        }
        """, """
        using System.Threading.Tasks;

        class C
        {
            async Task M(Task a, Task b, Task[] rest)
            {
                await Task.WhenAll(a, b);
                await Task.WhenAll(rest);
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task AsyncLambdaAndLocalFunction_Fixed() => VerifyCS.VerifyCodeFixAsync("""
        using System;
        using System.Threading.Tasks;

        class C
        {
            void M(Task<int> pending)
            {
                Func<Task<int>> read = async () => pending.{|PERF002:Result|};
                async Task<int> Local() => pending.{|PERF002:Result|} + 1;
                _ = Local();
            }
        }
        """, """
        using System;
        using System.Threading.Tasks;

        class C
        {
            void M(Task<int> pending)
            {
                Func<Task<int>> read = async () => await pending;
                async Task<int> Local() => await pending + 1;
                _ = Local();
            }
        }
        """);

    [Fact]
    public async Task TopLevelStatements_Fixed()
    {
        var test = new VerifyCS.Test
        {
            TestCode = """
                using System.Threading.Tasks;

                var pending = Task.Run(() => 42);
                await Task.Yield();
                System.Console.WriteLine(pending.{|PERF002:Result|});
                """,
            FixedCode = """
                using System.Threading.Tasks;

                var pending = Task.Run(() => 42);
                await Task.Yield();
                System.Console.WriteLine(await pending);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Fact]
    public Task WaitWithTimeoutAndWaitAny_ReportedWithoutFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<bool> M(Task a, Task b)
            {
                var index = Task.{|PERF002:WaitAny|}(a, b);
                a.{|PERF002:Wait|}(1000);
                await Task.Yield();
                return b.{|PERF002:Wait|}(500) && index == 0;
            }
        }
        """);

    [Fact]
    public Task InQueryExpression_ReportedWithoutFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.Linq;
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<int[]> pending)
            {
                await Task.Yield();
                var items = from item in pending.{|PERF002:Result|} select item;
                return items.Count();
            }
        }
        """);

    [Fact]
    public Task GenericExtensionMethod_AwaitTask() => VerifyCS.VerifyCodeFixAsync("""
        using System.Threading.Tasks;

        static class TaskExtensions
        {
            public static async Task<T[]> Both<T>(this Task<T> first, Task<T> second)
            {
                await Task.Yield();
                return new[] { first.{|PERF002:Result|}, second.GetAwaiter().{|PERF002:GetResult|}() };
            }
        }
        """, """
        using System.Threading.Tasks;

        static class TaskExtensions
        {
            public static async Task<T[]> Both<T>(this Task<T> first, Task<T> second)
            {
                await Task.Yield();
                return new[] { await first, await second };
            }
        }
        """);

    [Fact]
    public Task NestedResults_BothAwaited() => VerifyCS.VerifyCodeFixAsync("""
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<Task<int>> outer)
            {
                await Task.Yield();
                return outer.{|PERF002:Result|}.{|PERF002:Result|};
            }
        }
        """, """
        using System.Threading.Tasks;

        class C
        {
            async Task<int> M(Task<Task<int>> outer)
            {
                await Task.Yield();
                return await await outer;
            }
        }
        """);

    [Fact]
    public Task WaitsInsideLock_NoFix() => VerifyCS.VerifyNoCodeFixAsync("""
        using System.Threading.Tasks;

        class C
        {
            private readonly object _sync = new();
            private int _total;

            async Task M(Task first, Task<int> second, Task<int> third)
            {
                await Task.Yield();
                lock (_sync)
                {
                    first.{|PERF002:Wait|}();
                    _total += second.{|PERF002:Result|};
                    _total += third.GetAwaiter().{|PERF002:GetResult|}();
                }
            }
        }
        """);
}
