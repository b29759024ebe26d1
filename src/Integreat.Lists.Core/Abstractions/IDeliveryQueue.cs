using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>The durable schedule of delivery jobs (one per post and batch of up to 100 recipients).</summary>
public interface IDeliveryQueue
{
    /// <summary>Adds all jobs atomically and makes them durable (fsync) before returning.</summary>
    void Add(IReadOnlyCollection<DeliveryJob> jobs);

    /// <summary>True when jobs for <paramref name="postId"/> exist (the post was already handed to delivery).</summary>
    bool HasJobsFor(string postId);

    /// <summary>Up to <paramref name="max"/> jobs due at <paramref name="nowUtc"/>, earliest first, skipping
    /// the ids in <paramref name="exclude"/> (jobs already being attempted).</summary>
    IReadOnlyList<DeliveryJob> Due(DateTime nowUtc, int max, IReadOnlySet<string> exclude);

    /// <summary>The earliest <see cref="DeliveryJob.NextAttemptUtc"/>, or null when the queue is empty.</summary>
    DateTime? NextDueUtc();

    /// <summary>Saves a job's new state after an attempt.</summary>
    void Update(DeliveryJob job);

    /// <summary>Removes a finished job.</summary>
    /// <returns>True when other jobs of the same post remain (so its message is still needed).</returns>
    bool Complete(DeliveryJob job);

    /// <summary>Every job, for <c>queue list</c>.</summary>
    IReadOnlyList<DeliveryJob> All();
}
