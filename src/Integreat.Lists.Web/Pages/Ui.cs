using Microsoft.AspNetCore.Http;

namespace Integreat.Lists.Web.Pages;

/// <summary>The language of one page: German unless the visitor chose English with <c>?lang=en</c> (kept in the
/// cookie <c>lang</c>; <c>?lang=de</c> switches back).</summary>
public sealed class Ui
{
    /// <summary>The cookie that keeps the choice.</summary>
    public const string Cookie = "lang";

    Ui(bool english) => English = english;

    /// <summary>True when the page is in English.</summary>
    public bool English { get; }

    /// <summary>The BCP 47 code of the page, <c>de</c> or <c>en</c>.</summary>
    public string Code => English ? "en" : "de";

    /// <summary>Picks the text in the page's language.</summary>
    public string T(string german, string english) => English ? english : german;

    /// <summary>The language of the request; a <c>lang</c> query parameter also sets the cookie for the next pages.</summary>
    public static Ui For(HttpContext context)
    {
        var asked = context.Request.Query[Cookie].ToString();
        if (asked is "de" or "en")
        {
            context.Response.Cookies.Append(Cookie, asked, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
                Secure = context.Request.IsHttps,
            });
            return new Ui(asked == "en");
        }
        return new Ui(context.Request.Cookies[Cookie] == "en");
    }
}
