using LiteDB;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Storage;

/// <summary>Rosters in LiteDB collection <c>members</c>, keyed <c>LIST|ADDRESS</c>.</summary>
public sealed class LiteRosterRepository(LiteStore store) : IRosterRepository
{
    /// <summary>Members read per query by <see cref="Roster"/>.</summary>
    const int PageSize = 2000;

    /// <inheritdoc/>
    public Member? Find(string list, string address) => store.Members.FindById(Member.KeyOf(list, address));

    /// <inheritdoc/>
    public IReadOnlyList<Member> Roster(string list)
    {
        var key = EmailAddress.Normalise(list);
        var members = InPages(key, _ => true, m => m) ?? store.Members.Find(m => m.List == key).ToList();
        return members.OrderBy(m => m.Address, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc/>
    /// <remarks>Only the addresses are kept from each page: 50,000 <see cref="Member"/> objects are ~20 MB.</remarks>
    public IReadOnlyList<string> Recipients(string list)
    {
        var key = EmailAddress.Normalise(list);
        var addresses = InPages(key, IRosterRepository.GetsPosts, m => m.Address)
            ?? store.Members.Find(m => m.List == key).Where(IRosterRepository.GetsPosts).Select(m => m.Address).ToList();
        addresses.Sort(StringComparer.Ordinal);
        return addresses;
    }

    /// <summary>A roster of more than <see cref="PageSize"/> entries read in pages along the <c>_id</c> index
    /// ("LIST|ADDRESS"), each page its own query and no longer than the entries still missing, keeping
    /// <paramref name="select"/> of the entries <paramref name="keep"/> accepts. Null when the roster is small enough
    /// for one query, or when a page holds another list's key before the count of the <c>List</c> index is reached (a
    /// change in between, or keys the store's collation does not keep together), or when one more of its keys follows
    /// the last page (an entry added meanwhile): the caller then reads it in one query.</summary>
    /// <remarks>Why: LiteDB keeps every page one query reads in its cache until the query ends, and the cache never
    /// shrinks; one query over 50,000 members left 53 MB in the daemon, pages of 2,000 leave 14 MB (bench/README.md).
    /// The count reads only the <c>List</c> index (no documents).</remarks>
    List<T>? InPages<T>(string key, Func<Member, bool> keep, Func<Member, T> select)
    {
        var count = store.Members.Query().Where(m => m.List == key).Select(m => m.List).ToEnumerable().Count();
        if (count <= PageSize) return null;
        var prefix = key + "|";
        var kept = new List<T>();
        var after = prefix;
        for (var read = 0; read < count;)
        {
            var page = store.Members.Find(Query.GT("_id", after), 0, Math.Min(PageSize, count - read)).ToList();
            if (page.Count == 0 || !page.TrueForAll(m => m.Id.StartsWith(prefix, StringComparison.Ordinal))) return null;
            read += page.Count;
            kept.AddRange(page.Where(keep).Select(select));
            after = page[^1].Id;
        }
        // One key of ours past the count: an entry was added meanwhile, and a page may have cut another one off.
        var next = store.Members.Find(Query.GT("_id", after), 0, 1).FirstOrDefault();
        return next is not null && next.Id.StartsWith(prefix, StringComparison.Ordinal) ? null : kept;
    }

    /// <inheritdoc/>
    /// <remarks>Found through the index <see cref="LiteStore.BounceStateIndex"/> on the same condition, so the hourly
    /// maintenance reads the few members with a bounce state, not a 50,000-member roster (which left tens of MB of
    /// page cache and garbage in the idle daemon).</remarks>
    public IReadOnlyList<Member> WithBounceState(string list)
    {
        var key = EmailAddress.Normalise(list);
        return store.Members.Find(Query.EQ(LiteStore.BounceStateExpression, true)).Where(m => m.List == key)
            .OrderBy(m => m.Address, StringComparer.Ordinal).ToList();
    }

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
