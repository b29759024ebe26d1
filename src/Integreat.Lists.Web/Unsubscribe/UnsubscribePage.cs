using System.Net;
using Microsoft.AspNetCore.Http;

namespace Integreat.Lists.Web.Unsubscribe;

/// <summary>The small HTML pages of <c>/u/{token}</c>: German first (Sie-Form), English with <c>?lang=en</c> or the
/// cookie <c>lang=en</c>. Plain HTML, no script; the button is an ordinary form.</summary>
internal static class UnsubscribePage
{
    /// <summary>True when the visitor asked for English.</summary>
    public static bool WantsEnglish(HttpRequest request)
        => (string?)request.Query["lang"] is { } lang ? lang == "en" : request.Cookies["lang"] == "en";

    /// <summary>The page asking to confirm, with the one-click form posting back to the same URL.</summary>
    public static string Confirm(string list, string address, bool english) => english
        ? Body(true, "Unsubscribe", $"<p>Do you want to stop receiving the list <strong>{E(list)}</strong> at {E(address)}?</p>" + Form("Unsubscribe") + Switch("de", "Deutsch"))
        : Body(false, "Abmelden", $"<p>Möchten Sie die Liste <strong>{E(list)}</strong> an {E(address)} nicht mehr erhalten?</p>" + Form("Abmelden") + Switch("en", "English"));

    /// <summary>The page after leaving (or when the address had already left).</summary>
    public static string Done(string list, string address, bool english) => english
        ? Body(true, "Unsubscribed", $"<p>{E(address)} no longer receives the list <strong>{E(list)}</strong>.</p>")
        : Body(false, "Abgemeldet", $"<p>{E(address)} erhält die Liste <strong>{E(list)}</strong> nicht mehr.</p>");

    /// <summary>The page for an unknown or damaged link.</summary>
    public static string Unknown(bool english) => english
        ? Body(true, "Link not valid", "<p>This unsubscribe link is not valid. Please use the link from a current message of the list.</p>")
        : Body(false, "Link ungültig", "<p>Dieser Abmelde-Link ist ungültig. Bitte nutzen Sie den Link aus einer aktuellen Nachricht der Liste.</p>");

    /// <summary>The page for a POST without <c>List-Unsubscribe=One-Click</c>.</summary>
    public static string BadRequest(bool english) => english
        ? Body(true, "Request not understood", "<p>Please use the button on the unsubscribe page.</p>")
        : Body(false, "Anfrage nicht verstanden", "<p>Bitte nutzen Sie die Schaltfläche auf der Abmeldeseite.</p>");

    /// <summary>The page as a result with the status code.</summary>
    public static IResult Html(string page, int status = StatusCodes.Status200OK)
        => Results.Content(page, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    static string Form(string button)
        => "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">" +
           $"<button type=\"submit\">{E(button)}</button></form>";

    static string Switch(string lang, string label) => $"<p><a href=\"?lang={lang}\" hreflang=\"{lang}\">{label}</a></p>";

    static string Body(bool english, string title, string content)
        => $"<!DOCTYPE html>\n<html lang=\"{(english ? "en" : "de")}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
           $"<title>{E(title)}</title></head><body><main><h1>{E(title)}</h1>{content}</main></body></html>\n";

    static string E(string text) => WebUtility.HtmlEncode(text);
}
