using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;
using LiteDB;

namespace Integreat.Lists.Storage;

/// <summary>Delivery jobs in LiteDB collection <c>delivery_jobs</c>, indexed by due time and post.</summary>
public sealed class LiteDeliveryQueue(LiteStore store) : IDeliveryQueue
{
    /// <inheritdoc/>
    public void Add(IReadOnlyCollection<DeliveryJob> jobs)
    {
        store.Jobs.InsertBulk(jobs, batchSize: Math.Max(jobs.Count, 1));
        store.Sync();
    }

    /// <inheritdoc/>
    public bool HasJobsFor(string postId) => store.Jobs.Exists(j => j.PostId == postId);

    /// <inheritdoc/>
    public IReadOnlyList<DeliveryJob> Due(DateTime nowUtc, int max, IReadOnlySet<string> exclude) => store.Jobs
        .Query()
        .Where(j => j.NextAttemptUtc <= nowUtc)
        .OrderBy(j => j.NextAttemptUtc)
        .ToEnumerable()
        .Where(j => !exclude.Contains(j.Id))
        .Take(max)
        .ToList();

    /// <inheritdoc/>
    public DateTime? NextDueUtc()
    {
        var first = store.Jobs.Query().OrderBy(j => j.NextAttemptUtc).Limit(1).FirstOrDefault();
        return first?.NextAttemptUtc;
    }

    /// <inheritdoc/>
    public void Update(DeliveryJob job) => store.Jobs.Update(job);

    /// <inheritdoc/>
    /// <remarks><c>Exists</c>, not <c>Count</c>: LiteDB counts by loading every remaining document of the post,
    /// which made draining a post quadratic in its number of jobs.</remarks>
    public bool Complete(DeliveryJob job)
    {
        store.Jobs.Delete(job.Id);
        return store.Jobs.Exists(j => j.PostId == job.PostId);
    }

    /// <inheritdoc/>
    public IReadOnlyList<DeliveryJob> All() => store.Jobs.Query().OrderBy(j => j.NextAttemptUtc).ToList();
}
