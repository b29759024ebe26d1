using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Integreat.Lists.Web.Pages;

/// <summary>The one CSS file of all pages, <c>GET /site.css</c>: readable type, visible focus, contrast of at
/// least 4.5:1 for text (WCAG 2.1 AA, which BITV 2.0 refers to).</summary>
public static class SiteStyle
{
    const string Css = """
        :root { color: #1a1a1a; background: #fff; font-family: system-ui, sans-serif; line-height: 1.5; }
        body { margin: 0 auto; max-width: 64rem; padding: 0 1rem 2rem; }
        a { color: #0b4f8a; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #c25400; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; }
        .skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
        header nav { display: flex; flex-wrap: wrap; gap: 1rem; align-items: baseline; padding: .75rem 0; border-bottom: 1px solid #767676; }
        header .site { font-weight: bold; margin-right: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d0d0d0; vertical-align: top; }
        label { font-weight: 600; }
        input, select, textarea, button { font: inherit; }
        input[type=text], input[type=email], textarea, select { border: 1px solid #595959; padding: .3rem; }
        textarea { width: 100%; }
        button { background: #0b4f8a; color: #fff; border: 0; padding: .4rem .9rem; cursor: pointer; }
        button.secondary { background: #595959; }
        form.inline { display: inline; }
        .notice { border-left: 4px solid #0b4f8a; padding: .5rem 1rem; background: #eef4fa; }
        .error { border-left: 4px solid #a4000f; padding: .5rem 1rem; background: #fbeeee; }
        pre { white-space: pre-wrap; background: #f4f4f4; padding: .5rem; }
        .html-body { border: 1px solid #d0d0d0; padding: 1rem; overflow-wrap: anywhere; }
        .html-body img { max-width: 100%; }
        .blocked { color: #595959; font-style: italic; }
        dl.meta { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; }
        dl.meta dt { font-weight: 600; }
        """;

    /// <summary>Maps <c>GET /site.css</c>.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/site.css", (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(Css, "text/css; charset=utf-8");
        });
}
