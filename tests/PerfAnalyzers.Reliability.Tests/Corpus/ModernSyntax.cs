// Odd but valid: the newer C# shapes analyzers meet in real code bases, each with the smells next to it.
#nullable enable
#define FEATURE_X
using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Tasks;

namespace Corpus.Modern;

public record Point(int X, int Y)
{
    public string Trace(IEnumerable<Point> others)
    {
        var trace = "";
        foreach (var (x, y) in others)
        {
            trace += $"{x},{y};";
        }

        return trace;
    }
}

public record struct Money(decimal Amount, string Currency);

public readonly record struct Range2(int Start, int End) : IComparable<Range2>
{
    public int CompareTo(Range2 other) => Start.CompareTo(other.Start);
}

public sealed class Greeter(string greeting, IEnumerable<string> names)
{
    private string log = "";

    public string GreetAll()
    {
        foreach (var name in names)
        {
            log += greeting + " " + name + "\n";
        }

        return log;
    }

    public string Prefix => greeting;

    public void AccumulateIntoParameter()
    {
        foreach (var name in names)
        {
            greeting += name;
        }
    }
}

file sealed class FileLocal
{
    public static string Join(int[] values)
    {
        var s = string.Empty;
        for (int i = 0; i < values.Length; i++) s = s + values[i];
        return s;
    }
}

file interface IShape
{
    double Area { get; }
}

public class RequiredAndInit
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public List<string> Tags { get; } = [];

    public int[] Numbers { get; init; } = [1, 2, 3, .. Enumerable.Range(4, 3)];

    public static RequiredAndInit Create(string[] tags)
    {
        var result = new RequiredAndInit { Name = "n", Description = "d" };
        string description = result.Description;
        foreach (var tag in tags)
        {
            description += tag;
        }

        return new RequiredAndInit { Name = result.Name, Description = description };
    }
}

public static class Patterns
{
    public static string Classify(object? value) => value switch
    {
        null => "null",
        int n when n < 0 => "negative",
        int and (0 or 1) => "bit",
        string { Length: > 3 } s => "long string " + s,
        int[] and [var first, .., var last] => $"{first}..{last}",
        Point(var x, _) { Y: 0 } => "on axis " + x,
        not IDisposable => "other",
        _ => "disposable",
    };

    public static string Collect(IEnumerable<object> values)
    {
        var text = "";
        foreach (var value in values)
        {
            if (value is string { Length: > 0 } s && s is not "skip")
            {
                text += s;
            }
            else if (value is int and > 5 and < 10)
            {
                text = text + Classify(value);
            }
        }

        return text;
    }

    public static int ListPatterns(int[] values) => values switch
    {
        [] => 0,
        [_] => 1,
        [_, _, ..] => 2,
    };
}

public static class GenericMath
{
    public static T Sum<T>(ReadOnlySpan<T> values)
        where T : INumber<T>
    {
        var total = T.Zero;
        foreach (var value in values)
        {
            total += value;
        }

        return total;
    }

    public static string Render<T>(IEnumerable<T> values)
        where T : INumber<T>, IFormattable
    {
        var text = "";
        foreach (var value in values)
        {
            text += value.ToString("N2", null);
        }

        return text;
    }

    public interface IAddable<TSelf>
        where TSelf : IAddable<TSelf>
    {
        static abstract TSelf operator +(TSelf left, TSelf right);

        static virtual TSelf Twice(TSelf value) => value + value;
    }
}

public partial class PartialMembers
{
    public partial string Name { get; set; }

    public partial void Log(string message);

    partial void OnChanged();

    public partial string Render(IEnumerable<string> lines);
}

public partial class PartialMembers
{
    private string name = "";

    public partial string Name
    {
        get => name;
        set { name = value; OnChanged(); }
    }

    public partial void Log(string message) => Console.WriteLine(message);

    public partial string Render(IEnumerable<string> lines)
    {
        var text = "";
        foreach (var line in lines)
        {
            text += line;
        }

        return text;
    }
}

public class ExpressionBodied
{
    private string value = "";

    public ExpressionBodied(string value) => this.value = value;

    ~ExpressionBodied() => value = "";

    public string Value { get => value; set => this.value = value; }

    public string this[int index] => value[index].ToString();

    public event EventHandler? Changed { add => Console.WriteLine(value); remove => Console.WriteLine(value); }

    public static ExpressionBodied operator +(ExpressionBodied left, string right) => new(left.value + right);

    public static implicit operator string(ExpressionBodied e) => e.value;

    public string Repeat(int n) => n <= 0 ? "" : Enumerable.Range(0, n).Aggregate("", (acc, i) => acc + value);

    public string LoopInLambda(int[] items) => new Func<string>(() =>
    {
        var s = "";
        foreach (var item in items)
        {
            s += item;
        }

        return s;
    })();
}

public static class ControlFlow
{
    public static string WithGoto(string[] items)
    {
        var text = "";
        var i = 0;
    top:
        if (i < items.Length)
        {
            text += items[i++];
            goto top;
        }

        switch (text.Length)
        {
            case 0:
                goto case 1;
            case 1:
                goto default;
            default:
                break;
        }

        return text;
    }

    public static int Checked(int[] values)
    {
        var total = 0;
        var text = "";
        checked
        {
            foreach (var value in values)
            {
                total += value;
                text += unchecked(value * 31);
            }
        }

        return total + text.Length + unchecked(total * 7);
    }

    public static int StackAllocated(int n)
    {
        Span<int> buffer = n <= 64 ? stackalloc int[n] : new int[n];
        Span<char> chars = stackalloc char[] { 'a', 'b' };
        var text = "";
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = i;
            text += chars[i % 2];
        }

        return buffer.Length + text.Length;
    }

    public static string NestedLocalFunctions(int depth)
    {
        return Outer(depth);

        string Outer(int d)
        {
            var text = "";
            for (var i = 0; i < d; i++)
            {
                text += Middle(i);
            }

            return text;

            string Middle(int m)
            {
                var inner = "";
                while (m-- > 0)
                {
                    inner += Inner(m);
                }

                return inner;

                static string Inner(int k) => k.ToString();
            }
        }
    }

    public static string Conditional(string[] items)
    {
        var text = "";
        foreach (var item in items)
        {
#if FEATURE_X
            text += item;
#elif NEVER_DEFINED
            text = text + item + undefinedName;
#else
            text = text.Insert(0, item);
#endif
        }

#if !FEATURE_X
        this is not valid C# but sits in an inactive region;
#endif
        return text;
    }

    public static IEnumerable<string> Iterator(string[] items)
    {
        var text = "";
        foreach (var item in items)
        {
            text += item;
            yield return text;
        }
    }

    public static async IAsyncEnumerable<string> AsyncIterator(string[] items)
    {
        var text = "";
        await foreach (var item in Produce(items))
        {
            text += item;
            yield return text;
        }

        static async IAsyncEnumerable<string> Produce(string[] values)
        {
            foreach (var value in values)
            {
                await Task.Yield();
                yield return value;
            }
        }
    }

    public static string Tuples(string[] items)
    {
        var (text, count) = ("", 0);
        foreach (var item in items)
        {
            (text, count) = (text + item, count + 1);
            text += count;
        }

        return text;
    }

    public static string RefLocals(string[] items)
    {
        var holder = new string[] { "" };
        ref var slot = ref holder[0];
        foreach (var item in items)
        {
            slot += item;
        }

        return holder[0];
    }

    public static void OutParameter(string[] items, out string text)
    {
        text = "";
        foreach (var item in items)
        {
            text += item;
        }
    }

    public static string NullableAccumulator(string?[] items)
    {
        string? text = null;
        foreach (var item in items)
        {
            text += item ?? "";
        }

        return text ?? "";
    }

    public static string Utf8AndRaw(string[] items)
    {
        ReadOnlySpan<byte> bytes = "utf8"u8;
        var text = """
            raw "quoted" text
            """;
        foreach (var item in items)
        {
            text += $$"""{{item}}{}""";
        }

        return text + bytes.Length;
    }

    public static string WithBuilderAlready(string[] items)
    {
        var builder = new StringBuilder();
        var text = "";
        do
        {
            text += builder.Append(items.Length).ToString();
        }
        while (text.Length < 3);

        return text;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static string Params(params IEnumerable<string> items)
    {
        var text = "";
        foreach (var item in items)
        {
            text += item;
        }

        return text;
    }
}
