using System.Security.Claims;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Web.Pages;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Login;

/// <summary>Sign-in by mailed link: <c>GET/POST /login</c>, <c>GET/POST /login/{token}</c>, <c>GET/POST /logout</c>.</summary>
/// <remarks>A GET never signs in: mail scanners fetch links, so the link shows a button and only its POST uses the
/// token up. Every POST carries an antiforgery token.</remarks>
public static class LoginEndpoints
{
    /// <summary>Where a signed-in person lands when no other page was asked for.</summary>
    public const string DefaultReturn = "/admin";

    /// <summary>Maps the endpoints.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("").RequireAntiforgeryToken();
        group.MapGet("/login", (HttpContext context) => Form(context));
        group.MapPost("/login", async (HttpContext context, LoginMailer mailer, IWebLinks links) =>
        {
            var form = await context.Request.ReadFormAsync();
            // Web:BaseUrl or the bound address, never the Host header, which the visitor controls.
            if (links.BaseUrl is { } baseUrl) mailer.Send(form["address"].ToString(), LocalPath(form["return"].ToString()), new Uri(baseUrl + "/"));
            var ui = Ui.For(context);
            // The same answer whether or not the address is known, limited or invalid.
            return Page.Render(context, ui, ui.T("Bitte sehen Sie in Ihr Postfach", "Please check your mailbox"),
                $"<p id=\"link-sent\" class=\"notice\">{Html.E(ui.T(
                    "Wenn die Adresse bei uns eingetragen ist, haben wir Ihnen einen Anmelde-Link geschickt. Er gilt nur kurze Zeit und nur einmal.",
                    "If the address is registered with us, we have sent you a sign-in link. It is valid for a short time and only once."))}</p>");
        });
        group.MapGet("/login/{token}", (HttpContext context, string token, LoginTokens tokens) =>
        {
            var ui = Ui.For(context);
            if (tokens.Find(token) is null) return Invalid(context, ui);
            var button = Html.Button("confirm-login", ui.T("Anmelden", "Sign in"));
            return Page.Render(context, ui, ui.T("Anmelden", "Sign in"),
                $"<p>{Html.E(ui.T("Klicken Sie auf „Anmelden“, um sich anzumelden.", "Click \"Sign in\" to sign in."))}</p>" +
                Html.Form(context, "/login/" + Html.E(token), "confirm-login-form", button));
        });
        group.MapPost("/login/{token}", async (HttpContext context, string token, LoginTokens tokens) =>
        {
            var request = tokens.Redeem(token);
            if (request is null) return Invalid(context, Ui.For(context));
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Email, request.Address)], WebAccess.Scheme, ClaimTypes.Email, ClaimTypes.Role);
            await context.SignInAsync(WebAccess.Scheme, new ClaimsPrincipal(identity));
            return Results.Redirect(LocalPath(request.Commands.FirstOrDefault() ?? ""));
        });
        group.MapGet("/logout", (HttpContext context) =>
        {
            var ui = Ui.For(context);
            return Page.Render(context, ui, ui.T("Abmelden", "Log out"),
                Html.Form(context, "/logout", "logout-form", Html.Button("logout", ui.T("Abmelden", "Log out"))));
        });
        group.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(WebAccess.Scheme);
            return Results.Redirect("/login");
        });
    }

    static IResult Form(HttpContext context)
    {
        var ui = Ui.For(context);
        var back = LocalPath(context.Request.Query["return"].ToString());
        var inner = Html.Input("address", "address", ui.T("E-Mail-Adresse", "E-mail address"), type: "email",
                        extra: " autocomplete=\"email\" required") +
                    $"<input type=\"hidden\" name=\"return\" value=\"{Html.E(back)}\">" +
                    Html.Button("request-link", ui.T("Anmelde-Link anfordern", "Send me a sign-in link"));
        var signedIn = WebAccess.AddressOf(context.User) is { } user
            ? $"<p class=\"notice\" id=\"already-signed-in\">{Html.E(ui.T($"Sie sind schon als {user} angemeldet.", $"You are signed in as {user} already."))} " +
              $"<a href=\"{Html.E(back)}\">{ui.T("Weiter", "Continue")}</a></p>"
            : "";
        return Page.Render(context, ui, ui.T("Anmelden", "Sign in"), signedIn +
            $"<p>{Html.E(ui.T("Geben Sie Ihre Adresse ein. Wir schicken Ihnen einen Link, mit dem Sie sich anmelden – ein Passwort brauchen Sie nicht.",
                "Enter your address. We will send you a link to sign in with – you need no password."))}</p>" +
            Html.Form(context, "/login", "login-form", inner));
    }

    static IResult Invalid(HttpContext context, Ui ui)
        => Page.Message(context, ui, ui.T("Link ungültig", "Link not valid"),
            ui.T("Dieser Anmelde-Link ist abgelaufen oder wurde schon benutzt. Bitte fordern Sie unter /login einen neuen an.",
                "This sign-in link has expired or was used already. Please ask for a new one at /login."), StatusCodes.Status404NotFound);

    /// <summary>A path on this site to return to, or <see cref="DefaultReturn"/>: never another site (<c>//host</c>).</summary>
    public static string LocalPath(string path)
        => path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal)
           && !path.Any(char.IsControl) ? path : DefaultReturn;
}
