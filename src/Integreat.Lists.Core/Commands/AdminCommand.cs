using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Commands;

/// <summary>What an admin command line asks for.</summary>
public enum AdminAction
{
    /// <summary><c>add ADDRESS [Name]</c>.</summary>
    AddMember,
    /// <summary><c>remove ADDRESS</c>.</summary>
    RemoveMember,
    /// <summary><c>add owner|moderator ADDRESS</c>.</summary>
    AddRole,
    /// <summary><c>remove owner|moderator ADDRESS</c>.</summary>
    RemoveRole,
    /// <summary><c>set moderated ADDRESS on|off</c>.</summary>
    SetModerated,
}

/// <summary>One admin command, read and checked: <c>add</c>, <c>remove</c> (of members or of the owner and
/// moderator roles) and <c>set moderated</c>, in English or German.</summary>
/// <param name="Action">What to do.</param>
/// <param name="Address">The address concerned (normalised).</param>
/// <param name="Name">The display name for <see cref="AdminAction.AddMember"/>, or empty.</param>
/// <param name="Role">The role for <see cref="AdminAction.AddRole"/>/<see cref="AdminAction.RemoveRole"/>.</param>
/// <param name="On">The flag for <see cref="AdminAction.SetModerated"/>.</param>
public sealed record AdminCommand(AdminAction Action, string Address, string Name = "", MemberRole Role = MemberRole.Member, bool On = false)
{
    static readonly Dictionary<string, MemberRole> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["owner"] = MemberRole.Owner, ["besitzer"] = MemberRole.Owner, ["besitzerin"] = MemberRole.Owner,
        ["moderator"] = MemberRole.Moderator, ["moderatorin"] = MemberRole.Moderator,
    };

    static readonly Dictionary<string, bool> Switches = new(StringComparer.OrdinalIgnoreCase)
    {
        ["on"] = true, ["an"] = true, ["ein"] = true, ["off"] = false, ["aus"] = false,
    };

    /// <summary>True when only owners may give this command (it changes who administers the list).</summary>
    public bool ChangesRoles => Action is AdminAction.AddRole or AdminAction.RemoveRole;

    /// <summary>Reads <paramref name="line"/> (word <see cref="CommandWord.Add"/>, <see cref="CommandWord.Remove"/>
    /// or <see cref="CommandWord.Set"/>).</summary>
    /// <returns>The command, or null with <paramref name="problem"/> saying how to write it.</returns>
    public static AdminCommand? Read(CommandLine line, out CommandResult problem)
    {
        var args = line.Arguments;
        problem = line.Word == CommandWord.Set
            ? new(line.Text, "Bitte schreiben Sie: setzen moderiert ADRESSE an|aus", "Please write: set moderated ADDRESS on|off")
            : new(line.Text, "Bitte geben Sie eine gültige Adresse an, z. B. add name@example.org Vorname Nachname.",
                "Please give a valid address, e.g. add name@example.org First Last.");
        if (line.Word == CommandWord.Set)
            return args.Count == 3 && args[0].ToLowerInvariant() is "moderated" or "moderiert"
                && EmailAddress.TryParse(args[1], out var target) && Switches.TryGetValue(args[2], out var on)
                ? new AdminCommand(AdminAction.SetModerated, target, On: on) : null;
        var add = line.Word == CommandWord.Add;
        if (args.Count >= 2 && Roles.TryGetValue(args[0], out var role))
            return args.Count == 2 && EmailAddress.TryParse(args[1], out var holder)
                ? new AdminCommand(add ? AdminAction.AddRole : AdminAction.RemoveRole, holder, Role: role) : null;
        if (args.Count == 0 || !EmailAddress.TryParse(args[0], out var address)) return null;
        return add ? new AdminCommand(AdminAction.AddMember, address, string.Join(' ', args.Skip(1)))
            : new AdminCommand(AdminAction.RemoveMember, address);
    }
}
