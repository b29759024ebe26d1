using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Http;

namespace Integreat.Lists.Web.Admin;

/// <summary>The frame of a list's admin pages: the list's navigation (only the parts the person may use) above the content.</summary>
public static class AdminPage
{
    /// <summary>Renders a page of <paramref name="context"/>'s list; <paramref name="notice"/> (plain text) is shown on top.</summary>
    public static IResult Render(AdminContext context, string title, string body, string? notice = null, int status = StatusCodes.Status200OK)
    {
        var b = context.Base;
        var links = new List<string>();
        if (context.Access.CanAdminister)
        {
            links.Add(Link($"{b}/settings", "nav-settings", context.T("Einstellungen", "Settings")));
            links.Add(Link($"{b}/roster", "nav-roster", context.T("Mitglieder", "Members")));
            links.Add(Link($"{b}/pending", "nav-pending", context.T("Anmeldungen", "Subscriptions")));
        }
        links.Add(Link($"{b}/held", "nav-held", context.T("Zurückgehaltene Nachrichten", "Held posts")));
        if (context.Access.CanAdminister) links.Add(Link($"{b}/audit", "nav-audit", context.T("Protokoll", "Audit log")));
        var nav = $"<nav aria-label=\"{Html.E(context.T("Liste", "List"))}\"><p><a href=\"{b}\">{Html.E(context.List.Name)}</a> ({Html.E(context.List.Address)}): " +
                  string.Join(" · ", links) + "</p></nav>\n";
        var top = notice is null ? "" : $"<p class=\"{(status >= 400 ? "error" : "notice")}\" id=\"notice\" role=\"{(status >= 400 ? "alert" : "status")}\">{Html.E(notice)}</p>\n";
        return Page.Render(context.Http, context.Ui, title, nav + top + body, status);
    }

    /// <summary>A page that reports a refused input (400) with the sentence <paramref name="problem"/>.</summary>
    public static IResult Problem(AdminContext context, string title, string problem)
        => Render(context, title, "", problem, StatusCodes.Status400BadRequest);

    static string Link(string href, string id, string label) => $"<a href=\"{href}\" id=\"{id}\">{Html.E(label)}</a>";
}
