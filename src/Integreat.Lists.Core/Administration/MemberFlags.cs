using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Administration;

/// <summary>Changes one roster entry's moderation flag or role, audited (the web admin area's counterpart of the
/// mail commands <c>set moderated ADDRESS on|off</c> and <c>add owner|moderator ADDRESS</c>).</summary>
public sealed class MemberFlags(IRosterRepository roster, IAuditLog audit, TimeProvider time)
{
    /// <summary>Holds (or stops holding) the posts of <paramref name="address"/> on <paramref name="list"/>.</summary>
    /// <exception cref="AdministrationException">The address is not on the roster.</exception>
    public void SetModerated(string list, string address, bool on, string actor, string channel)
    {
        var member = Find(list, address);
        member.Moderated = on;
        Save(member, actor, channel, $"set moderated {member.Address} {(on ? "on" : "off")}", on ? "moderated" : "not moderated");
    }

    /// <summary>Gives <paramref name="address"/> the role <paramref name="role"/> on <paramref name="list"/>.</summary>
    /// <exception cref="AdministrationException">The address is not on the roster, or it is the list's last owner and
    /// <paramref name="role"/> is not <see cref="MemberRole.Owner"/> (<see cref="LastOwnerRule"/>).</exception>
    public void SetRole(string list, string address, MemberRole role, string actor, string channel)
    {
        var member = Find(list, address);
        if (role != MemberRole.Owner) LastOwnerRule.Check(roster, member);
        member.Role = role;
        var name = role.ToString().ToLowerInvariant();
        Save(member, actor, channel, $"set role {member.Address} {name}", name);
    }

    Member Find(string list, string address)
        => roster.Find(EmailAddress.Normalise(list), EmailAddress.Normalise(address))
           ?? throw new AdministrationException($"{address} is not a member of {list}");

    void Save(Member member, string actor, string channel, string command, string result)
    {
        if (!roster.Update(member)) throw new AdministrationException($"{member.Address} is not a member of {member.List}");
        audit.Add(AuditEntry.Create(member.List, time.GetUtcNow().UtcDateTime, actor, channel, command, result));
    }
}
