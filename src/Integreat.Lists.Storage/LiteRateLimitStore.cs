using Integreat.Lists.Core.Abstractions;

namespace Integreat.Lists.Storage;

/// <summary>Rate-limit events in LiteDB collection <c>rate_limits</c>, one document per key.</summary>
/// <remarks>One process owns the database (<c>store.lock</c>), so a lock here makes read-check-write atomic.
/// Entries whose window has passed are swept every <see cref="SweepEvery"/> calls, so the collection holds only
/// the addresses of the last day.</remarks>
public sealed class LiteRateLimitStore(LiteStore store) : IRateLimitStore
{
    const int SweepEvery = 500;
    readonly Lock _gate = new();
    int _calls;

    /// <inheritdoc/>
    public bool TryAcquire(string key, DateTime nowUtc, TimeSpan window, int max)
    {
        lock (_gate)
        {
            if (++_calls % SweepEvery == 0) store.RateLimits.DeleteMany(e => e.ExpiresUtc < nowUtc);
            var entry = store.RateLimits.FindById(key) ?? new RateLimitEntry { Id = key };
            entry.Times.RemoveAll(t => nowUtc - t >= window);
            if (entry.Times.Count >= max) return false;
            entry.Times.Add(nowUtc);
            entry.ExpiresUtc = nowUtc + window;
            store.RateLimits.Upsert(entry);
            store.Sync();
            return true;
        }
    }
}
