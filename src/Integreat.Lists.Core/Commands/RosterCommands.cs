using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Commands;

/// <summary>Carries out one checked admin command on a roster, once its sender is authenticated (by the
/// confirmation round trip or by a trusted DKIM result). Welcomes added members and says goodbye to removed ones.</summary>
/// <remarks>Two guards keep a list administrable: only owners change roles or remove owners and moderators, and the
/// last owner can neither be removed nor lose the role (<see cref="LastOwnerRule"/>, shared with the other channels).</remarks>
public sealed class RosterCommands(IRosterRepository roster, ITemplateRenderer templates, TimeProvider time)
{
    /// <summary>True when <paramref name="member"/> may give admin commands on <paramref name="list"/>: an owner, or a
    /// moderator where <see cref="MailingList.ModeratorsAreAdmins"/> is set.</summary>
    public static bool MayAdminister(MailingList list, Member? member)
        => member?.Role == MemberRole.Owner || (member?.Role == MemberRole.Moderator && list.ModeratorsAreAdmins);

    /// <summary>Runs <paramref name="command"/> for <paramref name="admin"/>.</summary>
    /// <returns>The outcome in German and English (short, e.g. "aufgenommen"/"added") and whether the roster changed.</returns>
    public AdminOutcome Run(MailingList list, AdminCommand command, Member admin, List<OutgoingMail> mails)
    {
        var target = roster.Find(list.Address, command.Address);
        if ((command.ChangesRoles || target?.Role is MemberRole.Owner or MemberRole.Moderator) && admin.Role != MemberRole.Owner)
            return new("nur Besitzerinnen und Besitzer der Liste dürfen Rollen ändern", "only list owners may change roles", false);
        var before = Snapshot(roster.Find(list.Address, command.Address));
        var (german, english) = command.Action switch
        {
            AdminAction.AddMember => AddMember(list, command, admin, mails),
            AdminAction.RemoveMember => RemoveMember(list, target, admin, mails),
            AdminAction.AddRole => AddRole(list, command, target, admin, mails),
            AdminAction.RemoveRole => RemoveRole(command, target),
            _ => SetModerated(command, target),
        };
        return new(german, english, before != Snapshot(roster.Find(list.Address, command.Address)));
    }

    /// <summary>What a command can change about an entry; equal snapshots mean nothing changed.</summary>
    static (MemberRole Role, bool Moderated)? Snapshot(Member? member) => member is null ? null : (member.Role, member.Moderated);

    (string, string) AddMember(MailingList list, AdminCommand command, Member admin, List<OutgoingMail> mails)
    {
        var member = Member.Create(list.Address, command.Address, command.Name, MemberRole.Member, time.GetUtcNow().UtcDateTime);
        if (roster.AddMissing([member]).Count == 0) return ("war schon Mitglied", "was already a member");
        mails.Add(WelcomeNotice.Compose(templates, list, command.Address, admin.Address, time));
        return ("aufgenommen", "added");
    }

    (string, string) RemoveMember(MailingList list, Member? target, Member admin, List<OutgoingMail> mails)
    {
        if (target is null) return ("war kein Mitglied", "was not a member");
        if (LastOwnerRule.Applies(roster, target)) return LastOwner;
        if (!roster.Remove(list.Address, target.Address)) return ("war kein Mitglied", "was not a member");
        mails.Add(WelcomeNotice.Goodbye(templates, list, target.Address, admin.Address, time));
        return ("entfernt", "removed");
    }

    (string, string) AddRole(MailingList list, AdminCommand command, Member? target, Member admin, List<OutgoingMail> mails)
    {
        var (de, en) = RoleWords(command.Role);
        if (target is null)
        {
            var member = Member.Create(list.Address, command.Address, null, command.Role, time.GetUtcNow().UtcDateTime);
            if (roster.AddMissing([member]).Count == 0) return ("wurde gleichzeitig geändert; bitte erneut", "was changed at the same time; please retry");
            mails.Add(WelcomeNotice.Compose(templates, list, command.Address, admin.Address, time));
            return ($"aufgenommen als {de}", $"added as {en}");
        }
        if (target.Role == command.Role) return ($"war schon {de}", $"was already {en}");
        if (LastOwnerRule.Applies(roster, target)) return LastOwner;
        target.Role = command.Role;
        return roster.Update(target) ? ($"ist jetzt {de}", $"is now {en}") : ("war kein Mitglied", "was not a member");
    }

    (string, string) RemoveRole(AdminCommand command, Member? target)
    {
        var (de, en) = RoleWords(command.Role);
        if (target?.Role != command.Role) return ($"war nicht {de}", $"was not {en}");
        if (LastOwnerRule.Applies(roster, target)) return LastOwner;
        target.Role = MemberRole.Member;
        return roster.Update(target) ? ($"ist nicht mehr {de}, bleibt aber Mitglied", $"is no longer {en} but stays a member")
            : ("war kein Mitglied", "was not a member");
    }

    (string, string) SetModerated(AdminCommand command, Member? target)
    {
        if (target is null) return ("ist kein Mitglied", "is not a member");
        target.Moderated = command.On;
        if (!roster.Update(target)) return ("ist kein Mitglied", "is not a member");
        return command.On ? ("Beiträge werden jetzt zurückgehalten (moderiert)", "posts are now held (moderated)")
            : ("Beiträge werden nicht mehr zurückgehalten", "posts are no longer held");
    }

    static readonly (string, string) LastOwner = (LastOwnerRule.German, LastOwnerRule.English);

    static (string German, string English) RoleWords(MemberRole role) => role == MemberRole.Owner
        ? ("Besitzer/in", "owner") : ("Moderator/in", "moderator");
}
