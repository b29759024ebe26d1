using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Admin;

/// <summary>The roster changes of the admin area, each a POST with field <c>address</c>:
/// <c>/admin/{list}/roster/add</c> (<c>name</c>, <c>role</c>), <c>/remove</c> (asks first; removes only with
/// <c>confirm</c> = yes, see <see cref="RemoveConfirmPage"/>), <c>/moderation</c> (<c>on</c> = on|off),
/// <c>/role</c> (<c>role</c>; owners and site admins only) and <c>/enable</c> (delivery on, bounce score 0).</summary>
/// <remarks>Removing an owner or moderator and changing roles need the right to change roles, so a moderator who
/// administers the list cannot remove its owners; the last owner is neither removed nor demoted
/// (<see cref="LastOwnerRule"/>). Every change is audited with channel <c>web</c>.</remarks>
public static class RosterActions
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/admin/{list}/roster/add", (HttpContext http, string list, ListAdministration lists) => Change(http, list, (c, form) =>
        {
            var role = c.Access.CanChangeRoles && Enum.TryParse<MemberRole>(form["role"], true, out var r) ? r : MemberRole.Member;
            var name = form["name"].ToString().Trim();
            var outcome = lists.For(c.Actor, AdminContext.Channel).AddMembers(c.List.Address, [form["address"].ToString()], name.Length == 0 ? null : name, role).Single();
            return outcome.Added
                ? c.T($"{outcome.Address} wurde hinzugefügt.", $"{outcome.Address} was added.")
                : c.T($"{outcome.Address} ist schon eingetragen.", $"{outcome.Address} is already on the roster.");
        }));
        group.MapPost("/admin/{list}/roster/remove", (HttpContext http, string list, ListAdministration lists, IRosterRepository roster)
            => Act(http, list, (c, form) =>
            {
                // A second "Ja, entfernen" (a double click, or a colleague was quicker) finds nothing to remove: the
                // wish is fulfilled, which is no error.
                var address = EmailAddress.Normalise(form["address"].ToString());
                if (form["confirm"] == RemoveConfirmPage.Yes && roster.Find(c.List.Address, address) is null)
                    return RosterPage.Render(c, c.T($"{address} ist nicht mehr auf der Liste eingetragen; es gibt nichts mehr zu tun.",
                        $"{address} is no longer on the roster; there is nothing left to do."));
                // The rights and the last-owner rule are checked before the question too, so nobody is asked about a
                // removal that would be refused.
                var member = Member(roster, c, form);
                LastOwnerRule.Check(roster, member);
                if (form["confirm"] != RemoveConfirmPage.Yes) return RemoveConfirmPage.Render(c, member);
                lists.For(c.Actor, AdminContext.Channel).RemoveMember(c.List.Address, member.Address);
                return RosterPage.Render(c, c.T($"{member.Address} wurde entfernt.", $"{member.Address} was removed."));
            }));
        group.MapPost("/admin/{list}/roster/moderation", (HttpContext http, string list, MemberFlags flags) => Change(http, list, (c, form) =>
        {
            var on = form["on"] == "on";
            flags.SetModerated(c.List.Address, form["address"].ToString(), on, c.Actor, AdminContext.Channel);
            return on ? c.T("Die Nachrichten dieser Adresse werden jetzt zurückgehalten.", "Posts from this address are now held.")
                : c.T("Die Nachrichten dieser Adresse werden nicht mehr zurückgehalten.", "Posts from this address are no longer held.");
        }));
        group.MapPost("/admin/{list}/roster/role", (HttpContext http, string list, MemberFlags flags) => Change(http, list, (c, form) =>
        {
            if (!c.Access.CanChangeRoles) throw new UnauthorizedAccessException();
            if (!Enum.TryParse<MemberRole>(form["role"], true, out var role)) throw new AdministrationException("unknown role");
            flags.SetRole(c.List.Address, form["address"].ToString(), role, c.Actor, AdminContext.Channel);
            return c.T("Die Rolle wurde geändert.", "The role was changed.");
        }));
        group.MapPost("/admin/{list}/roster/enable", (HttpContext http, string list, IRosterRepository roster, BounceActions bounces)
            => Change(http, list, (c, form) =>
            {
                var member = Member(roster, c, form);
                bounces.Reset(c.List, member, c.Actor, AdminContext.Channel, "bounces reset " + member.Address);
                return c.T($"Die Zustellung an {member.Address} ist eingeschaltet.", $"Delivery to {member.Address} is enabled.");
            }));
    }

    /// <summary>Runs <paramref name="change"/> as <see cref="Act"/> does and shows the roster with its notice.</summary>
    static Task<IResult> Change(HttpContext http, string list, Func<AdminContext, IFormCollection, string> change)
        => Act(http, list, (c, form) => RosterPage.Render(c, change(c, form)));

    /// <summary>Authorises, reads the form and runs <paramref name="act"/>; bad input shows the roster with the
    /// problem (400), a forbidden change the 403 page.</summary>
    static Task<IResult> Act(HttpContext http, string list, Func<AdminContext, IFormCollection, IResult> act)
        => AdminGate.Run(http, list, AdminGate.Need.Administer, async c =>
        {
            var form = await http.Request.ReadFormAsync();
            try
            {
                return act(c, form);
            }
            catch (AdministrationException ex)
            {
                return RosterPage.Render(c, c.T(ex.German ?? ex.Message, ex.Message), StatusCodes.Status400BadRequest);
            }
            catch (UnauthorizedAccessException)
            {
                return AdminGate.Forbidden(http, c.Ui);
            }
        });

    /// <summary>The roster entry the form names; an owner or moderator only for those who may change roles.</summary>
    static Member Member(IRosterRepository roster, AdminContext c, IFormCollection form)
    {
        var address = EmailAddress.Normalise(form["address"].ToString());
        var member = roster.Find(c.List.Address, address) ?? throw new AdministrationException(
            c.T($"{address} ist nicht auf der Liste {c.List.Address} eingetragen.", $"{address} is not a member of {c.List.Address}."));
        if (member.Role != MemberRole.Member && !c.Access.CanChangeRoles) throw new UnauthorizedAccessException();
        return member;
    }
}
