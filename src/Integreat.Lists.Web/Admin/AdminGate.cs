using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Web.Login;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Admin;

/// <summary>The server-side authorisation of every admin request: signed in (else to <c>/login</c>), the list exists
/// (else 404), and the person's role on it allows the action (else 403). Nothing runs before this passes.</summary>
public static class AdminGate
{
    /// <summary>What an action needs.</summary>
    public enum Need
    {
        /// <summary>Decide on held posts: moderators, owners, site admins.</summary>
        Moderate,
        /// <summary>Settings, roster, subscriptions, audit log: owners, site admins, moderators where moderators are admins.</summary>
        Administer,
    }

    /// <summary>Runs <paramref name="action"/> when the signed-in person may do <paramref name="need"/> on <paramref name="list"/>.</summary>
    public static async Task<IResult> Run(HttpContext http, string list, Need need, Func<AdminContext, Task<IResult>> action)
    {
        var ui = Ui.For(http);
        if (WebAccess.AddressOf(http.User) is null) return SignIn(http);
        var found = http.RequestServices.GetRequiredService<IListRepository>().Find(list.Trim());
        if (found is null)
            return Page.Message(http, ui, ui.T("Liste nicht gefunden", "List not found"),
                ui.T($"Es gibt keine Liste {list}.", $"There is no list {list}."), StatusCodes.Status404NotFound);
        var access = http.RequestServices.GetRequiredService<WebAccess>().For(WebAccess.AddressOf(http.User)!, found);
        var allowed = need == Need.Moderate ? access.CanModerate : access.CanAdminister;
        if (!allowed) return Forbidden(http, ui);
        return await action(new AdminContext(http, ui, found, access));
    }

    /// <summary>The same for actions that return at once.</summary>
    public static Task<IResult> Run(HttpContext http, string list, Need need, Func<AdminContext, IResult> action)
        => Run(http, list, need, c => Task.FromResult(action(c)));

    /// <summary>To the sign-in form, returning here afterwards.</summary>
    public static IResult SignIn(HttpContext http)
        => Results.Redirect("/login?return=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));

    /// <summary>The 403 page.</summary>
    public static IResult Forbidden(HttpContext http, Ui ui)
        => Page.Message(http, ui, ui.T("Keine Berechtigung", "Not allowed"),
            ui.T("Dafür fehlt Ihnen die Berechtigung auf dieser Liste.", "You are not allowed to do this on this list."),
            StatusCodes.Status403Forbidden);
}
