namespace PerfAnalyzers.Reliability.Tests;

/// <summary>A seed derived from a name with FNV-1a: string.GetHashCode differs per process, this does not.</summary>
internal static class StableSeed
{
    public static int From(string name)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in name)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (int)(hash & 0x7FFFFFFF);
        }
    }
}
