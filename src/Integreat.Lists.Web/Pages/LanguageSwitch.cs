using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Web.Pages;

/// <summary>Where a page's language switch leads: the same page with <c>lang</c> set and its other query parameters
/// (a search, a page number) kept. A page that answers a form (POST) is switched on the nearest address that can be
/// fetched: its own path when it has a GET endpoint, else the nearest parent that has one (the roster for
/// <c>/admin/LIST/roster/remove</c>).</summary>
/// <remarks>Following a link is a GET: a link to the form's address would answer 405, and the switch must never
/// repeat the form's action anyway.</remarks>
public static class LanguageSwitch
{
    /// <summary>The link (a path and query, not HTML-encoded) that shows the current page in <paramref name="lang"/>
    /// (<c>de</c> or <c>en</c>).</summary>
    public static string Href(HttpContext context, string lang)
    {
        var request = context.Request;
        var path = request.Path.HasValue ? request.Path.Value! : "/";
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) path = Fetchable(context, path);
        var kept = request.Query.Where(p => p.Key != Ui.Cookie)
            .SelectMany(p => p.Value.Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v ?? "")));
        return path + "?" + string.Join("&", kept.Append(Ui.Cookie + "=" + lang));
    }

    /// <summary><paramref name="path"/> or its nearest parent that a GET endpoint answers; <c>/</c> when none does.</summary>
    static string Fetchable(HttpContext context, string path)
    {
        var gets = (context.RequestServices.GetService<EndpointDataSource>()?.Endpoints ?? [])
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is not null
                        && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Select(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new RouteValueDictionary()))
            .ToList();
        for (var candidate = path.TrimEnd('/'); candidate.Length > 0; candidate = candidate[..candidate.LastIndexOf('/')])
        {
            if (gets.Any(m => m.TryMatch(candidate, new RouteValueDictionary()))) return candidate;
        }
        return "/";
    }
}
