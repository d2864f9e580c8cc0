// Odd but valid: unsafe code, pointers, function pointers, fixed buffers and dynamic.
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace Corpus.LowLevel;

public unsafe struct FixedBuffer
{
    public fixed byte Data[16];
}

public static unsafe class Pointers
{
    public static int Sum(int[] values)
    {
        var total = 0;
        fixed (int* start = values)
        {
            for (int* p = start; p < start + values.Length; p++)
            {
                total += *p;
            }
        }

        return total;
    }

    public static string Describe(FixedBuffer buffer)
    {
        var text = "";
        for (var i = 0; i < 16; i++)
        {
            text += buffer.Data[i];
        }

        return text;
    }

    public static int Call(delegate*<int, int> function, int value) => function(value);

    public static int Twice(int value) => value * 2;

    public static int UseFunctionPointer() => Call(&Twice, 21);

    public static string FromNative(nint handle, int length)
    {
        var text = "";
        var bytes = (byte*)handle;
        for (var i = 0; i < length; i++)
        {
            text += (char)bytes[i];
        }

        return text + Marshal.SizeOf<int>() + sizeof(FixedBuffer);
    }
}

public static class Dynamic
{
    public static string Concatenate(IEnumerable<dynamic> values)
    {
        dynamic text = "";
        foreach (var value in values)
        {
            text += value;
        }

        string typed = "";
        foreach (var value in values)
        {
            typed += value;
            typed = typed + value.Name;
        }

        return text + typed;
    }

    public static dynamic Invoke(dynamic target, string[] names)
    {
        var result = "";
        foreach (var name in names)
        {
            result += target.Call(name);
        }

        return result;
    }
}
