using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Administration;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Web.Login;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Admin;

/// <summary><c>GET /admin</c>: the signed-in person's lists (every list for a site admin) with their role, and for
/// site admins the form that creates a list (<c>POST /admin/lists</c>). <c>GET /admin/{list}</c>: a list's overview.</summary>
public static class AdminHome
{
    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/admin", (HttpContext http) => WebAccess.AddressOf(http.User) is null ? AdminGate.SignIn(http) : Home(http, null, 200));
        group.MapPost("/admin/lists", async (HttpContext http, WebAccess access, ListAdministration lists, IAuditLog audit, TimeProvider time) =>
        {
            if (WebAccess.AddressOf(http.User) is not { } actor) return AdminGate.SignIn(http);
            var ui = Ui.For(http);
            if (!access.IsSiteAdmin(actor)) return AdminGate.Forbidden(http, ui);
            var form = await http.Request.ReadFormAsync();
            try
            {
                var list = lists.CreateList(form["address"].ToString(), form["name"].ToString());
                audit.Add(AuditEntry.Create(list.Address, time.GetUtcNow().UtcDateTime, actor, AdminContext.Channel, "lists create " + list.Address, "created"));
                return Home(http, ui.T($"Die Liste {list.Address} wurde angelegt.", $"The list {list.Address} was created."), 200);
            }
            catch (AdministrationException ex)
            {
                return Home(http, ui.T(ex.German ?? ex.Message, ex.Message), StatusCodes.Status400BadRequest);
            }
        });
        group.MapGet("/admin/{list}", (HttpContext http, string list, IRosterRepository roster, IHeldPostStore held, IPendingRequestStore pending)
            => AdminGate.Run(http, list, AdminGate.Need.Moderate, c => AdminPage.Render(c, c.List.Name,
                $"<ul id=\"overview\"><li>{Html.E(c.T("Einträge im Verteiler", "Roster entries"))}: {roster.Roster(c.List.Address).Count}</li>" +
                $"<li>{Html.E(c.T("Zurückgehaltene Nachrichten", "Held posts"))}: {held.List(c.List.Address).Count}</li>" +
                $"<li>{Html.E(c.T("Anmeldungen, die auf Freigabe warten", "Subscriptions awaiting approval"))}: {pending.Approvals(c.List.Address).Count}</li></ul>")));
    }

    static IResult Home(HttpContext http, string? notice, int status)
    {
        var ui = Ui.For(http);
        var access = http.RequestServices.GetRequiredService<WebAccess>();
        var lists = access.ListsOf(http.User);
        var rows = string.Concat(lists.Select(p =>
            $"<tr><td>{Html.E(p.List.Name)}</td><td>{Html.E(p.List.Address)}</td><td>{Html.E(Role(ui, p.Access))}</td><td>" +
            $"<a href=\"/archive/{Html.Segment(p.List.Address)}\">{ui.T("Archiv", "Archive")}</a>" +
            (p.Access.CanModerate ? $" · <a href=\"/admin/{Html.Segment(p.List.Address)}\" id=\"manage-{Html.E(p.List.Address)}\">{ui.T("Verwalten", "Manage")}</a>" : "") +
            "</td></tr>"));
        var body = (notice is null ? "" : $"<p class=\"{(status >= 400 ? "error" : "notice")}\" id=\"notice\" role=\"{(status >= 400 ? "alert" : "status")}\">{Html.E(notice)}</p>") +
                   (lists.Count == 0
                       ? $"<p>{ui.T("Sie sind auf keiner Liste eingetragen.", "You are on no list.")}</p>"
                       : $"<table id=\"lists\"><caption>{ui.T("Ihre Listen", "Your lists")}</caption><thead><tr><th scope=\"col\">{ui.T("Name", "Name")}</th>" +
                         $"<th scope=\"col\">{ui.T("Adresse", "Address")}</th><th scope=\"col\">{ui.T("Ihre Rolle", "Your role")}</th>" +
                         $"<th scope=\"col\">{ui.T("Seiten", "Pages")}</th></tr></thead><tbody>{rows}</tbody></table>");
        if (access.IsSiteAdmin(http.User)) body += CreateForm(http, ui);
        return Page.Render(http, ui, ui.T("Meine Listen", "My lists"), body, status);
    }

    static string CreateForm(HttpContext http, Ui ui)
        => $"<h2>{ui.T("Neue Liste anlegen", "Create a list")}</h2>" + Html.Form(http, "/admin/lists", "create-list-form",
            Html.Input("new-list-address", "address", ui.T("Adresse der Liste", "List address"), type: "email", extra: " required") +
            Html.Input("new-list-name", "name", ui.T("Name (leer: aus der Adresse)", "Name (empty: from the address)")) +
            Html.Button("create-list", ui.T("Liste anlegen", "Create list")));

    /// <summary>The role's name in the page language.</summary>
    public static string Role(Ui ui, ListAccess access) => access.Role switch
    {
        MemberRole.Owner => ui.T("Verantwortlich", "Owner"),
        MemberRole.Moderator => ui.T("Moderation", "Moderator"),
        MemberRole.Member => ui.T("Mitglied", "Member"),
        _ => ui.T("Site-Admin", "Site admin"),
    };
}
