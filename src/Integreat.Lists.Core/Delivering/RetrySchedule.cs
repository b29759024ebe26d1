using Integreat.Lists.Core.Configuration;

namespace Integreat.Lists.Core.Delivering;

/// <summary>When a temporarily failed delivery is tried again: the first delay doubling per attempt, capped.</summary>
/// <remarks>Stateless in the attempt count so it survives restarts (LIBRARIES.md §5.5); the defaults (5 min
/// doubling to 1 h) follow Postfix's <c>minimal_backoff_time</c>/<c>maximal_backoff_time</c> in spirit.</remarks>
public static class RetrySchedule
{
    /// <summary>The delay after the <paramref name="attempts"/>-th failed attempt (1-based).</summary>
    public static TimeSpan DelayAfter(int attempts, DeliveryOptions options)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.FirstRetryDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return delay < options.FirstRetryDelay ? options.FirstRetryDelay : delay;
    }
}
