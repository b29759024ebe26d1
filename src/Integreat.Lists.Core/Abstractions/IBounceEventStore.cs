using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Keeps delivery failures and complaints as bounce events for bounce processing. Thread-safe.</summary>
public interface IBounceEventStore
{
    /// <summary>Records one event.</summary>
    void Add(BounceEvent bounce);

    /// <summary>The events of one list, oldest first.</summary>
    IReadOnlyList<BounceEvent> ForList(string list);

    /// <summary>The events the bounce score has not yet taken into account, oldest first.</summary>
    IReadOnlyList<BounceEvent> Unscored();

    /// <summary>Marks the event <paramref name="id"/> as scored.</summary>
    void MarkScored(Guid id);
}
