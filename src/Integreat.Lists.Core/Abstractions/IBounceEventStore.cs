using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Keeps permanent delivery failures as bounce events for bounce processing.</summary>
public interface IBounceEventStore
{
    /// <summary>Records one event.</summary>
    void Add(BounceEvent bounce);

    /// <summary>The events of one list, oldest first.</summary>
    IReadOnlyList<BounceEvent> ForList(string list);
}
