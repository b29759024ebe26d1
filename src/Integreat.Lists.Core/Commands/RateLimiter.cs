using System.Collections.Concurrent;

namespace Integreat.Lists.Core.Commands;

/// <summary>Counts events per (list, address) in a sliding window and refuses more than a maximum.</summary>
/// <remarks>The pattern of <see cref="Notices.NoticeLimiter"/>: kept in memory, so a restart forgets the counts,
/// which at worst allows a few more mails.</remarks>
public sealed class RateLimiter(TimeProvider time, TimeSpan window, Func<int> max)
{
    const int PruneAbove = 10_000;
    readonly ConcurrentDictionary<(string List, string Address), List<DateTimeOffset>> _events = new();

    /// <summary>Counts one event for (<paramref name="list"/>, <paramref name="address"/>) if the limit allows it.</summary>
    /// <returns>True when the event may happen (and is counted).</returns>
    public bool TryAcquire(string list, string address)
    {
        var now = time.GetUtcNow();
        if (_events.Count > PruneAbove) Prune(now);
        var times = _events.GetOrAdd((list, address), _ => []);
        lock (times)
        {
            times.RemoveAll(t => now - t >= window);
            if (times.Count >= max()) return false;
            times.Add(now);
            return true;
        }
    }

    void Prune(DateTimeOffset now)
    {
        foreach (var (key, times) in _events)
            lock (times)
                if (times.All(t => now - t >= window)) _events.TryRemove(key, out _);
    }
}
