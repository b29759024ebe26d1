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
    /// <inheritdoc/>
    /// <remarks>Found through the index on <see cref="Member.Role"/>, so only the owners' and moderators' documents
    /// are read (LiteDB keeps every page it reads in its cache for the life of the process).</remarks>
    public IReadOnlyList<Member> Staff(string list)
    {
        var key = EmailAddress.Normalise(list);
        // One equality per query: LiteDB uses an index for that, not for an OR.
        return store.Members.Find(m => m.Role == MemberRole.Owner).Concat(store.Members.Find(m => m.Role == MemberRole.Moderator))
            .Where(m => m.List == key).OrderBy(m => m.Address, StringComparer.Ordinal).ToList();
    }

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
