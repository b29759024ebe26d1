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

    /// <inheritdoc/>
    public IReadOnlyList<BounceEvent> Unscored() => store.Bounces.Find(b => !b.Scored).OrderBy(b => b.TimeUtc).ToList();

    /// <inheritdoc/>
    public void MarkScored(Guid id)
    {
        var bounce = store.Bounces.FindById(id);
        if (bounce is null || bounce.Scored) return;
        bounce.Scored = true;
        store.Bounces.Update(bounce);
    }
}
