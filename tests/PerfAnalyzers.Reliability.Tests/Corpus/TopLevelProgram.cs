// Odd but valid: a program made of top-level statements, with loops, local functions and awaits at the top level.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

var names = args.Length > 0 ? args : ["alpha", "beta", "gamma"];
var joined = "";
foreach (var name in names)
{
    joined += name + ";";
}

string Describe(IEnumerable<string> items)
{
    var text = "";
    foreach (var item in items)
    {
        text = text + Decorate(item);

        static string Decorate(string value) => $"[{value}]";
    }

    return text;
}

for (var i = 0; i < names.Length; i++)
{
    for (var j = 0; j < names.Length; j++)
    {
        for (var k = 0; k < names.Length; k++)
        {
            joined = $"{joined}{i}{j}{k}";
        }
    }
}

var lengths = new List<int>();
foreach (var path in names.Select(n => n + ".txt"))
{
    if (File.Exists(path))
    {
        lengths.Add(File.ReadAllText(path).Length);
    }
}

await Task.Delay(1);
var pending = Task.Run(() => Describe(names));
Console.WriteLine(pending.Result + joined + lengths.Count);
Thread.Sleep(0);

var counter = 0;
again:
counter++;
if (counter < 3)
{
    joined += counter;
    goto again;
}

return joined.Length > 0 ? 0 : 1;
