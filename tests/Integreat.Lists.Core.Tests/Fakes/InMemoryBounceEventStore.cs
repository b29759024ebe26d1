using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Tests.Fakes;

/// <summary>An in-memory <see cref="IBounceEventStore"/>.</summary>
public sealed class InMemoryBounceEventStore : IBounceEventStore
{
    /// <summary>Every event, in the order added.</summary>
    public List<BounceEvent> Events { get; } = [];

    public void Add(BounceEvent bounce) => Events.Add(bounce);

    public IReadOnlyList<BounceEvent> ForList(string list) => Events.Where(e => e.List == list).OrderBy(e => e.TimeUtc).ToList();

    public IReadOnlyList<BounceEvent> Unscored() => Events.Where(e => !e.Scored).OrderBy(e => e.TimeUtc).ToList();

    public void MarkScored(Guid id)
    {
        foreach (var e in Events.Where(e => e.Id == id)) e.Scored = true;
    }
}
