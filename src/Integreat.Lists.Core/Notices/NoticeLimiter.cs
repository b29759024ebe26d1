using System.Collections.Concurrent;

namespace Integreat.Lists.Core.Notices;

/// <summary>Limits automatic notices to one address: at most <see cref="MaxPerDay"/> per list in any 24 hours.</summary>
/// <remarks>A forged envelope sender must not turn the list into a backscatter source, and a person who posts
/// twice needs one explanation, not ten (Mailman's <c>max_autoresponses_per_day</c>, RFC 3834 §2). Kept in
/// memory: a restart forgets the counts, which at worst allows a few more notices.</remarks>
public sealed class NoticeLimiter(TimeProvider time)
{
    /// <summary>Notices per (list, address) in any 24 hours.</summary>
    public const int MaxPerDay = 3;

    const int PruneAbove = 10_000;
    static readonly TimeSpan Window = TimeSpan.FromDays(1);
    readonly ConcurrentDictionary<(string List, string Address), List<DateTimeOffset>> _sent = new();

    /// <summary>Counts a notice to <paramref name="address"/> about <paramref name="list"/> if the limit allows it.</summary>
    /// <returns>True when the notice may be sent (and is counted).</returns>
    public bool TryAcquire(string list, string address)
    {
        var now = time.GetUtcNow();
        if (_sent.Count > PruneAbove) Prune(now);
        var times = _sent.GetOrAdd((list, address), _ => []);
        lock (times)
        {
            times.RemoveAll(t => now - t >= Window);
            if (times.Count >= MaxPerDay) return false;
            times.Add(now);
            return true;
        }
    }

    void Prune(DateTimeOffset now)
    {
        foreach (var (key, times) in _sent)
            lock (times)
                if (times.All(t => now - t >= Window)) _sent.TryRemove(key, out _);
    }
}
