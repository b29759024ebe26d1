using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Storage;

/// <summary>Rosters in LiteDB collection <c>members</c>, keyed <c>LIST|ADDRESS</c>.</summary>
public sealed class LiteRosterRepository(LiteStore store) : IRosterRepository
{
    /// <inheritdoc/>
    public Member? Find(string list, string address) => store.Members.FindById(Member.KeyOf(list, address));

    /// <inheritdoc/>
    public IReadOnlyList<Member> Roster(string list)
    {
        var key = EmailAddress.Normalise(list);
        return store.Members.Find(m => m.List == key).OrderBy(m => m.Address, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc/>
    /// <remarks>One <c>InsertBulk</c> is one LiteDB transaction, so an import lands whole or not at all.</remarks>
    public IReadOnlyList<Member> AddMissing(IReadOnlyCollection<Member> members)
    {
        var fresh = members.DistinctBy(m => m.Id).Where(m => store.Members.FindById(m.Id) is null).ToList();
        if (fresh.Count == 0) return fresh;
        store.Members.InsertBulk(fresh);
        store.Sync();
        return fresh;
    }

    /// <inheritdoc/>
    public bool Update(Member member)
    {
        var updated = store.Members.Update(member);
        store.Sync();
        return updated;
    }

    /// <inheritdoc/>
    public bool Remove(string list, string address)
    {
        var removed = store.Members.Delete(Member.KeyOf(list, address));
        store.Sync();
        return removed;
    }
}
