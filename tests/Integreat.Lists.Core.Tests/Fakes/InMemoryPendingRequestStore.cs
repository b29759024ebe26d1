using System.Collections.Concurrent;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;

namespace Integreat.Lists.Core.Tests.Fakes;

/// <summary>Pending requests in memory, for unit tests.</summary>
public sealed class InMemoryPendingRequestStore : IPendingRequestStore
{
    public ConcurrentDictionary<string, PendingRequest> Items { get; } = new();

    public void Save(PendingRequest request) => Items[request.Id] = request;

    public PendingRequest? Find(string id) => Items.GetValueOrDefault(id);

    public bool Remove(string id) => Items.TryRemove(id, out _);

    public int RemoveExpired(DateTime nowUtc)
    {
        var expired = Items.Values.Where(p => p.ExpiresUtc <= nowUtc).Select(p => p.Id).ToList();
        foreach (var id in expired) Items.TryRemove(id, out _);
        return expired.Count;
    }

    public IReadOnlyList<PendingRequest> Approvals(string list)
        => Items.Values.Where(p => p.List == list && p.Action == PendingAction.Approval).OrderBy(p => p.CreatedUtc).ToList();
}
