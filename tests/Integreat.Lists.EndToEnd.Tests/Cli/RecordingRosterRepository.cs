using System.Collections.Concurrent;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary>Wraps the daemon's roster and records what was added through it, so a test can tell that a CLI
/// command ran inside the daemon rather than against the file.</summary>
sealed class RecordingRosterRepository(IRosterRepository inner) : IRosterRepository
{
    public ConcurrentQueue<string> Added { get; } = new();

    public Member? Find(string list, string address) => inner.Find(list, address);

    public IReadOnlyList<Member> Roster(string list) => inner.Roster(list);

    public IReadOnlyList<Member> Staff(string list) => inner.Staff(list);

    public IReadOnlyList<Member> AddMissing(IReadOnlyCollection<Member> members)
    {
        var added = inner.AddMissing(members);
        foreach (var member in added) Added.Enqueue(member.Address);
        return added;
    }

    public bool Update(Member member) => inner.Update(member);

    public bool Remove(string list, string address) => inner.Remove(list, address);
}
