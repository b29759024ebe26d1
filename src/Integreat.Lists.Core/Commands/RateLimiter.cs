using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.Core.Commands;

/// <summary>Counts events per (list, address) in a sliding window and refuses more than a maximum. The counts
/// live in <see cref="IRateLimitStore"/>, so they survive a restart.</summary>
/// <param name="store">Where the event times are kept.</param>
/// <param name="name">The limit's name, part of every key (<c>replies</c>, <c>confirmations</c>).</param>
/// <param name="time">The clock.</param>
/// <param name="window">The sliding window.</param>
/// <param name="max">The most events in any window (read at each call, so a setting applies at once).</param>
public sealed class RateLimiter(IRateLimitStore store, string name, TimeProvider time, TimeSpan window, Func<int> max)
{
    /// <summary>Counts one event for (<paramref name="list"/>, <paramref name="address"/>) if the limit allows it.</summary>
    /// <returns>True when the event may happen (and is counted).</returns>
    public bool TryAcquire(string list, string address)
        => store.TryAcquire($"{name}|{list}|{address}", time.GetUtcNow().UtcDateTime, window, max());
}
