using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Tests.Administration;

/// <summary>An <see cref="IRosterRepository"/> in a dictionary; counts <see cref="AddMissing"/> calls so tests can
/// check that an import is one atomic call.</summary>
sealed class InMemoryRosterRepository : IRosterRepository
{
    readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);

    public int AddMissingCalls { get; private set; }

    public Member? Find(string list, string address) => _members.GetValueOrDefault(Member.KeyOf(list, address));

    public IReadOnlyList<Member> Roster(string list)
        => _members.Values.Where(m => m.List == EmailAddress.Normalise(list)).OrderBy(m => m.Address, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Member> Staff(string list) => Roster(list).Where(m => m.Role != MemberRole.Member).ToList();

    public IReadOnlyList<Member> AddMissing(IReadOnlyCollection<Member> members)
    {
        AddMissingCalls++;
        var fresh = members.DistinctBy(m => m.Id).Where(m => !_members.ContainsKey(m.Id)).ToList();
        foreach (var member in fresh) _members.Add(member.Id, member);
        return fresh;
    }

    public bool Update(Member member)
    {
        if (!_members.ContainsKey(member.Id)) return false;
        _members[member.Id] = member;
        return true;
    }

    public bool Remove(string list, string address) => _members.Remove(Member.KeyOf(list, address));
}
