using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Abstractions;

/// <summary>Who answers for a list: its owners, or, as in Mailman, its moderators when it has no owner.</summary>
public static class RosterOwners
{
    /// <summary>The addresses of <paramref name="list"/>'s owners, else of its moderators; empty when it has neither.</summary>
    public static List<string> OwnersOf(this IRosterRepository roster, string list)
    {
        var entries = roster.Staff(list);
        var owners = entries.Where(m => m.Role == MemberRole.Owner).Select(m => m.Address).ToList();
        return owners.Count > 0 ? owners : entries.Where(m => m.Role == MemberRole.Moderator).Select(m => m.Address).ToList();
    }
}
