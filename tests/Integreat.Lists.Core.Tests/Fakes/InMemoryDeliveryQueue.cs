using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Core.Tests.Fakes;

/// <summary>An in-memory <see cref="IDeliveryQueue"/> that records every update and completion.</summary>
public sealed class InMemoryDeliveryQueue : IDeliveryQueue
{
    readonly Dictionary<string, DeliveryJob> _jobs = new(StringComparer.Ordinal);

    /// <summary>Every job passed to <see cref="Update"/>, in order (the same instances).</summary>
    public List<DeliveryJob> Updated { get; } = [];

    /// <summary>Every job passed to <see cref="Complete"/>, in order.</summary>
    public List<DeliveryJob> Completed { get; } = [];

    public void Add(IReadOnlyCollection<DeliveryJob> jobs)
    {
        foreach (var job in jobs) _jobs.Add(job.Id, job);
    }

    public bool HasJobsFor(string postId) => _jobs.Values.Any(j => j.PostId == postId);

    public IReadOnlyList<DeliveryJob> Due(DateTime nowUtc, int max, IReadOnlySet<string> exclude) =>
        _jobs.Values.Where(j => j.NextAttemptUtc <= nowUtc && !exclude.Contains(j.Id))
            .OrderBy(j => j.NextAttemptUtc).Take(max).ToList();

    public DateTime? NextDueUtc() => _jobs.Count == 0 ? null : _jobs.Values.Min(j => j.NextAttemptUtc);

    public void Update(DeliveryJob job)
    {
        if (!_jobs.ContainsKey(job.Id)) throw new InvalidOperationException($"job {job.Id} is not in the queue");
        _jobs[job.Id] = job;
        Updated.Add(job);
    }

    public bool Complete(DeliveryJob job)
    {
        if (!_jobs.Remove(job.Id)) throw new InvalidOperationException($"job {job.Id} is not in the queue");
        Completed.Add(job);
        return _jobs.Values.Any(j => j.PostId == job.PostId);
    }

    public IReadOnlyList<DeliveryJob> All() => _jobs.Values.ToList();
}
