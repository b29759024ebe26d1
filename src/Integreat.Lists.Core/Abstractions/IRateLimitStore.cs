namespace Integreat.Lists.Core.Abstractions;

/// <summary>Keeps the times of rate-limited events (command replies, confirmation requests) durably, so that a
/// restart does not reset the limits that stop command mail from flooding a mailbox. Thread-safe; each call is
/// atomic.</summary>
public interface IRateLimitStore
{
    /// <summary>Counts one event under <paramref name="key"/> at <paramref name="nowUtc"/> if fewer than
    /// <paramref name="max"/> were counted in the <paramref name="window"/> before it; forgets older events.</summary>
    /// <returns>True when the event may happen (and was counted).</returns>
    bool TryAcquire(string key, DateTime nowUtc, TimeSpan window, int max);
}
