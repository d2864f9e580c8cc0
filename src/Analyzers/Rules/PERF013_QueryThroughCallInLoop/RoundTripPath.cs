using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace PerfAnalyzers.Rules;

/// <summary>One step of a chain down to a database round trip: a method, or the round-trip call that ends it.</summary>
internal readonly struct RoundTripHop
{
    public RoundTripHop(string text, Location location)
    {
        Text = text;
        Location = location;
    }

    /// <summary><c>CustomerRepository.FindAsync</c>, or the round trip as written (<c>Customers.FirstOrDefaultAsync</c>).</summary>
    public string Text { get; }

    public Location Location { get; }
}

/// <summary>
/// How a method reaches a database round trip on every call: the chain of methods from it down to the call that goes
/// to the database, and whether that call runs only on a cache miss.
/// </summary>
internal sealed class RoundTripPath
{
    public RoundTripPath(ImmutableArray<RoundTripHop> hops, bool onCacheMiss, bool endsInSave, bool leavesProject = false)
    {
        Hops = hops;
        OnCacheMiss = onCacheMiss;
        EndsInSave = endsInSave;
        LeavesProject = leavesProject;
    }

    /// <summary>The methods, in call order, then the round trip itself.</summary>
    public ImmutableArray<RoundTripHop> Hops { get; }

    /// <summary>Method hops only: how deep the round trip is below the first method.</summary>
    public int MethodCount => Hops.Length - 1;

    /// <summary>True when some method on the way runs the round trip only when its cache misses.</summary>
    public bool OnCacheMiss { get; }

    /// <summary>True when the round trip is a SaveChanges rather than a query.</summary>
    public bool EndsInSave { get; }

    /// <summary>
    /// True when some call on the way binds to, or runs, a method of another project's source: a build, which sees
    /// other projects as metadata, cannot find this path.
    /// </summary>
    public bool LeavesProject { get; }

    /// <summary>A direct round trip in the method <paramref name="method"/>.</summary>
    public static RoundTripPath Direct(RoundTripHop method, RoundTripHop roundTrip, bool onCacheMiss, bool isSave) =>
        new(ImmutableArray.Create(method, roundTrip), onCacheMiss, isSave);

    /// <summary>This path reached through a call in <paramref name="caller"/>; <paramref name="leavesProject"/> when that call crosses into another project.</summary>
    public RoundTripPath CalledFrom(RoundTripHop caller, bool onCacheMiss, bool leavesProject = false) =>
        new(Hops.Insert(0, caller), onCacheMiss || OnCacheMiss, EndsInSave, leavesProject || LeavesProject);

    /// <summary>
    /// True when this path should be preferred over <paramref name="other"/>: a path within the project beats one
    /// through other projects (so where a build finds a path, the whole-solution view reports that same one), then
    /// every call beats a cache miss, then shorter wins.
    /// </summary>
    public bool IsBetterThan(RoundTripPath? other) =>
        other is null
        || (LeavesProject != other.LeavesProject ? !LeavesProject
            : OnCacheMiss != other.OnCacheMiss ? !OnCacheMiss
            : Hops.Length < other.Hops.Length);

    /// <summary><c>CustomerService.GetCustomerAsync → CustomerRepository.FindAsync → Customers.FirstOrDefaultAsync</c>.</summary>
    public string Render()
    {
        var builder = new StringBuilder();
        foreach (var hop in Hops)
        {
            if (builder.Length > 0)
            {
                builder.Append(" → ");
            }

            builder.Append(hop.Text);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The hops' locations, less those <paramref name="leaveOut"/> rejects: a diagnostic may only point into the
    /// compilation it was reported for, so hops in other projects' files are named in the message only.
    /// </summary>
    public ImmutableArray<Location> Locations(System.Func<Location, bool>? leaveOut = null)
    {
        var builder = ImmutableArray.CreateBuilder<Location>(Hops.Length);
        foreach (var hop in Hops)
        {
            if (leaveOut is null || !leaveOut(hop.Location))
            {
                builder.Add(hop.Location);
            }
        }

        return builder.ToImmutable();
    }
}
