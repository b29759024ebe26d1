using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Storage;

/// <summary>Bounce events in LiteDB collection <c>bounce_events</c>.</summary>
public sealed class LiteBounceEventStore(LiteStore store) : IBounceEventStore
{
    /// <inheritdoc/>
    public void Add(BounceEvent bounce) => store.Bounces.Insert(bounce);

    /// <inheritdoc/>
    public IReadOnlyList<BounceEvent> ForList(string list)
    {
        var key = EmailAddress.Normalise(list);
        return store.Bounces.Find(b => b.List == key).OrderBy(b => b.TimeUtc).ToList();
    }
}
