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
}
