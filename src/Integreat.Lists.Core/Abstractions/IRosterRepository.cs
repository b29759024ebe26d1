using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Stores the roster (members, owners, moderators) of every list. Thread-safe; each call is atomic.</summary>
public interface IRosterRepository
{
    /// <summary>The roster entry of <paramref name="address"/> on <paramref name="list"/>, or null (a nonmember).</summary>
    Member? Find(string list, string address);

    /// <summary>The whole roster of a list, ordered by address.</summary>
    IReadOnlyList<Member> Roster(string list);

    /// <summary>The owners and moderators of a list, ordered by address: a few entries, read without the rest of
    /// the roster (a 50,000-member roster read only to find its owners costs the daemon tens of MB).</summary>
    IReadOnlyList<Member> Staff(string list);

    /// <summary>The addresses that get a list's posts (entries whose delivery is enabled), ordered by address.</summary>
    IReadOnlyList<string> Recipients(string list)
        => Roster(list).Where(GetsPosts).Select(m => m.Address).ToList();

    /// <summary>The entries of a list that have anything bounce processing's timed steps could change
    /// (<see cref="HasBounceState"/>), ordered by address; most members have none.</summary>
    IReadOnlyList<Member> WithBounceState(string list) => Roster(list).Where(HasBounceState).ToList();

    /// <summary>True when <paramref name="member"/> has a bounce score, a pending probe or disabled delivery.</summary>
    static bool HasBounceState(Member member)
        => member.BounceScore > 0 || member.ProbeSentUtc is not null || member.Delivery != DeliveryStatus.Enabled;

    /// <summary>True when <paramref name="member"/>'s delivery is enabled; members disabled by bounces or a complaint
    /// get no posts.</summary>
    static bool GetsPosts(Member member) => member.Delivery == DeliveryStatus.Enabled;

    /// <summary>Adds every entry whose (list, address) is not yet on the roster, all or nothing.</summary>
    /// <returns>The entries that were added (those already present are left unchanged).</returns>
    IReadOnlyList<Member> AddMissing(IReadOnlyCollection<Member> members);

    /// <summary>Saves the changed fields of an existing entry (matched by <see cref="Member.Id"/>).</summary>
    /// <returns>False when the entry is no longer on the roster.</returns>
    bool Update(Member member);

    /// <summary>Removes one entry.</summary>
    /// <returns>False when the address was not on the roster.</returns>
    bool Remove(string list, string address);
}
