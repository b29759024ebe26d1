using Integreat.Lists.Core.Model;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace Integreat.Lists.Web.Admin;

/// <summary>The question before a removal from the roster: <c>POST /admin/{list}/roster/remove</c> without
/// <c>confirm</c> answers with this page, which names the entry, says what removing does, and offers
/// "Ja, entfernen" (the same POST with <c>confirm</c> = <see cref="Yes"/>) and "Abbrechen" (back to the roster).
/// Both keep the roster's search and page (<c>q</c>, <c>page</c>).</summary>
/// <remarks>Asked because one mis-click on "Entfernen" would otherwise take a colleague off the list at once, as
/// Sympa and Postorius also ask first.</remarks>
public static class RemoveConfirmPage
{
    /// <summary>The value of the form field <c>confirm</c> that makes <c>/roster/remove</c> remove.</summary>
    public const string Yes = "yes";

    /// <summary>Renders the question about removing <paramref name="member"/> from <paramref name="c"/>'s list (200).</summary>
    public static IResult Render(AdminContext c, Member member)
    {
        var a = Html.E(member.Address);
        var facts = $"<dl class=\"meta\" id=\"remove-member\"><dt>{c.T("Adresse", "Address")}</dt><dd>{a}</dd>" +
                    (string.IsNullOrWhiteSpace(member.DisplayName) ? "" : $"<dt>{c.T("Name", "Name")}</dt><dd>{Html.E(member.DisplayName)}</dd>") +
                    (member.Role == MemberRole.Member ? "" : $"<dt>{c.T("Rolle", "Role")}</dt><dd>{Html.E(RosterPage.RoleName(c, member.Role))}</dd>") +
                    "</dl>";
        var question = c.T($"Möchten Sie {member.Address} wirklich von der Liste {c.List.Address} entfernen?",
            $"Do you really want to remove {member.Address} from the list {c.List.Address}?");
        var effects = c.T("Die Adresse bekommt dann keine Nachrichten der Liste mehr. Es wird keine Abschiedsmail verschickt: " +
                          "Sagen Sie der Person selbst Bescheid, wenn sie es wissen soll. Sie können die Adresse später wieder hinzufügen.",
            "The address then gets no more posts from the list. No goodbye mail is sent: tell the person yourself if they should know. " +
            "You can add the address again later.");
        var role = member.Role == MemberRole.Member ? "" : $"<p id=\"remove-role\">{Html.E(c.T(
            $"Damit endet auch die Rolle „{RosterPage.RoleName(c, member.Role)}“ auf dieser Liste.",
            $"This also ends the role “{RosterPage.RoleName(c, member.Role)}” on this list."))}</p>";
        var yes = $"<form method=\"post\" action=\"{c.Base}/roster/remove{RosterPage.Kept(c)}\" class=\"inline\" id=\"confirm-remove-form\">" +
                  Html.Antiforgery(c.Http) + $"<input type=\"hidden\" name=\"address\" value=\"{a}\">" +
                  $"<input type=\"hidden\" name=\"confirm\" value=\"{Yes}\">" + Html.Button("confirm-remove", c.T("Ja, entfernen", "Yes, remove")) + "</form> ";
        var cancel = $"<a href=\"{c.Base}/roster{RosterPage.Kept(c)}\" id=\"cancel-remove\">{c.T("Abbrechen", "Cancel")}</a>";
        return AdminPage.Render(c, c.T("Mitglied entfernen?", "Remove member?"),
            facts + $"<p id=\"remove-question\">{Html.E(question)}</p><p id=\"remove-effects\">{Html.E(effects)}</p>" + role +
            $"<div id=\"remove-choice\">{yes}{cancel}</div>");
    }
}
