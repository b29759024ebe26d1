using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;

namespace Integreat.Lists.Core.Administration;

/// <summary>The queue figures of <c>integreat-lists status</c>.</summary>
/// <param name="Spool">Entries per spool queue, keyed by <see cref="QueueName"/>.</param>
/// <param name="DueJobs">Delivery jobs due now (first attempts and retries whose time has come).</param>
/// <param name="DeferredJobs">Delivery jobs attempted at least once and waiting for their next attempt.</param>
/// <param name="DeferredRecipients">The recipients of <paramref name="DeferredJobs"/>.</param>
/// <param name="OldestDeferredUtc">When the oldest deferred job was created; null when none waits.</param>
/// <param name="ShuntedJobs">Delivery jobs parked for an operator.</param>
public sealed record QueueStatus(IReadOnlyDictionary<string, int> Spool, int DueJobs, int DeferredJobs, int DeferredRecipients,
    DateTime? OldestDeferredUtc, int ShuntedJobs)
{
    /// <summary>Reads the figures at <paramref name="nowUtc"/>.</summary>
    public static QueueStatus Read(ISpool spool, IDeliveryQueue deliveries, DateTime nowUtc)
    {
        var counts = QueueName.All.ToDictionary(q => q, q => spool.List(q).Count, StringComparer.Ordinal);
        var jobs = deliveries.All();
        var waiting = jobs.Where(j => !j.Shunted).ToList();
        var deferred = waiting.Where(j => j.Attempts > 0 && j.NextAttemptUtc > nowUtc).ToList();
        return new QueueStatus(counts, waiting.Count(j => j.NextAttemptUtc <= nowUtc), deferred.Count,
            deferred.Sum(j => j.Recipients.Count), deferred.Count == 0 ? null : deferred.Min(j => j.CreatedUtc),
            jobs.Count(j => j.Shunted));
    }
}
