using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Tests.Administration;

/// <summary>An <see cref="IDeliveryQueue"/> in a list.</summary>
sealed class InMemoryDeliveryQueue : IDeliveryQueue
{
    readonly List<DeliveryJob> _jobs = [];

    public void Add(IReadOnlyCollection<DeliveryJob> jobs) => _jobs.AddRange(jobs);

    public bool HasJobsFor(string postId) => _jobs.Any(j => j.PostId == postId);

    public IReadOnlyList<DeliveryJob> Due(DateTime nowUtc, int max, IReadOnlySet<string> exclude)
        => _jobs.Where(j => j.NextAttemptUtc <= nowUtc && !exclude.Contains(j.Id)).OrderBy(j => j.NextAttemptUtc).Take(max).ToList();

    public DateTime? NextDueUtc() => _jobs.Count == 0 ? null : _jobs.Min(j => j.NextAttemptUtc);

    public void Update(DeliveryJob job) => _jobs[_jobs.FindIndex(j => j.Id == job.Id)] = job;

    public bool Complete(DeliveryJob job)
    {
        _jobs.RemoveAll(j => j.Id == job.Id);
        return _jobs.Any(j => j.PostId == job.PostId);
    }

    public IReadOnlyList<DeliveryJob> All() => _jobs.OrderBy(j => j.NextAttemptUtc).ToList();
}
