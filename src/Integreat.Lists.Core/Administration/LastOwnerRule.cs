using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Administration;

/// <summary>Keeps every list administrable: its last owner can neither be removed from the roster nor lose the owner
/// role, whichever channel asks (mail commands, CLI, web admin area, REST API). A list without an owner would send its
/// held-post notices and owner mail to nobody.</summary>
/// <remarks>Removals nobody chose as an admin (a member's own leave, a bounce removal, <c>person forget</c>) are not
/// admin changes and are not checked here.</remarks>
public static class LastOwnerRule
{
    /// <summary>The refusal in German, to follow the address.</summary>
    public const string German = "ist die einzige verantwortliche Adresse der Liste. Bitte tragen Sie zuerst eine weitere Adresse mit der Rolle „Verantwortlich“ ein.";

    /// <summary>The refusal in English, to follow the address.</summary>
    public const string English = "is the list's only owner; please add another owner first";

    /// <summary>True when <paramref name="member"/> is an owner and no other owner is on the roster of its list, so
    /// removing it or taking its owner role would leave the list without one.</summary>
    public static bool Applies(IRosterRepository roster, Member member)
        => member.Role == MemberRole.Owner
           && !roster.Staff(member.List).Any(m => m.Role == MemberRole.Owner && m.Address != member.Address);

    /// <summary>Refuses, before anything is changed, to remove <paramref name="member"/> or take its owner role when
    /// <see cref="Applies"/>.</summary>
    /// <exception cref="AdministrationException">It is the last owner: <c>ADDRESS is the list's only owner; please add
    /// another owner first</c>, with <see cref="AdministrationException.German"/> set.</exception>
    public static void Check(IRosterRepository roster, Member member)
    {
        if (Applies(roster, member)) throw new AdministrationException($"{member.Address} {English}", $"{member.Address} {German}");
    }
}
