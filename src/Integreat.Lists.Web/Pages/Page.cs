using System.Text;
using Microsoft.AspNetCore.Http;

namespace Integreat.Lists.Web.Pages;

/// <summary>The common frame of every HTML page: language, skip link, header with the language switch and the
/// signed-in user, one CSS file, strict security headers (no scripts at all, no referrer, no framing).</summary>
public static class Page
{
    /// <summary>The Content-Security-Policy of every page: nothing but our own CSS and images.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Renders a whole page.</summary>
    /// <param name="context">The request.</param>
    /// <param name="ui">The page's language.</param>
    /// <param name="title">The page title, also its only <c>h1</c> (plain text).</param>
    /// <param name="body">The content below the heading (HTML).</param>
    /// <param name="status">The HTTP status code.</param>
    public static IResult Render(HttpContext context, Ui ui, string title, string body, int status = StatusCodes.Status200OK)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html>\n<html lang=\"{ui.Code}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"<title>{Html.E(title)} – Integreat.Lists</title>\n<link rel=\"stylesheet\" href=\"/site.css\">\n</head>\n<body>\n")
            .Append($"<a class=\"skip\" href=\"#main\">{ui.T("Zum Inhalt springen", "Skip to content")}</a>\n")
            .Append(Header(context, ui))
            .Append($"<main id=\"main\">\n<h1>{Html.E(title)}</h1>\n{body}\n</main>\n</body>\n</html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A page with one message paragraph, e.g. for errors.</summary>
    public static IResult Message(HttpContext context, Ui ui, string title, string text, int status)
        => Render(context, ui, title, $"<p id=\"message\">{Html.E(text)}</p>", status);

    static string Header(HttpContext context, Ui ui)
    {
        var other = ui.English ? "de" : "en";
        var switchLabel = ui.English ? "Deutsch" : "English";
        var user = Login.WebAccess.AddressOf(context.User);
        var session = user is null
            ? $"<a href=\"/login\" id=\"nav-login\">{ui.T("Anmelden", "Log in")}</a>"
            : $"<span id=\"signed-in-as\">{ui.T("Angemeldet als", "Signed in as")} {Html.E(user)}</span> " +
              $"<a href=\"/admin\" id=\"nav-admin\">{ui.T("Meine Listen", "My lists")}</a> " +
              $"<a href=\"/logout\" id=\"nav-logout\">{ui.T("Abmelden", "Log out")}</a>";
        return "<header>\n<nav aria-label=\"" + ui.T("Hauptnavigation", "Main navigation") + "\">" +
               "<span class=\"site\">Integreat.Lists</span> " + session +
               $" <a href=\"{Html.E(LanguageSwitch.Href(context, other))}\" lang=\"{other}\" id=\"language-switch\">{switchLabel}</a>" +
               "</nav>\n</header>\n";
    }
}
