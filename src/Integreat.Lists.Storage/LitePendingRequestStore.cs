using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;

namespace Integreat.Lists.Storage;

/// <summary>Pending confirmations and approvals in LiteDB collection <c>pending_requests</c>.</summary>
public sealed class LitePendingRequestStore(LiteStore store) : IPendingRequestStore
{
    /// <inheritdoc/>
    public void Save(PendingRequest request)
    {
        store.Pending.Upsert(request);
        store.Sync();
    }

    /// <inheritdoc/>
    public PendingRequest? Find(string id) => store.Pending.FindById(id);

    /// <inheritdoc/>
    /// <remarks>LiteDB's delete is atomic, so of two concurrent redemptions exactly one sees true.</remarks>
    public bool Remove(string id)
    {
        var removed = store.Pending.Delete(id);
        store.Sync();
        return removed;
    }

    /// <inheritdoc/>
    public int RemoveExpired(DateTime nowUtc)
    {
        var removed = store.Pending.DeleteMany(p => p.ExpiresUtc <= nowUtc);
        if (removed > 0) store.Sync();
        return removed;
    }

    /// <inheritdoc/>
    public IReadOnlyList<PendingRequest> Approvals(string list)
        => store.Pending.Find(p => p.List == list && p.Action == PendingAction.Approval).OrderBy(p => p.CreatedUtc).ToList();
}
