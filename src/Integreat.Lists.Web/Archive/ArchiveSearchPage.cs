using System.Text;
using Integreat.Lists.Core.Archiving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

using Integreat.Lists.Web.Pages;

namespace Integreat.Lists.Web.Archive;

/// <summary><c>GET /archive/{list}/search?q=WORDS&amp;page=N</c>: ranked results of <see cref="ArchiveSearch"/>, paged.</summary>
public static class ArchiveSearchPage
{
    /// <summary>Renders the results page.</summary>
    public static IResult Search(HttpContext context, string list)
    {
        var (request, denied) = ArchiveRequest.Open(context, list);
        if (request is null) return denied!;
        var query = context.Request.Query["q"].ToString();
        var page = int.TryParse(context.Request.Query["page"], out var p) && p > 0 ? p : 1;
        var (posts, total) = context.RequestServices.GetRequiredService<ArchiveSearch>().Find(request.List.Address, query, page);
        var t = request.Texts;
        var html = new StringBuilder();
        if (total == 0)
        {
            html.Append("<p role=\"status\">").Append(t.NoResults).Append("</p>\n");
            return request.Page(t.Search + ": " + query, html.ToString());
        }
        html.Append("<p role=\"status\">").Append(total).Append(' ').Append(t.Results).Append("</p>\n").Append(ArchiveListPages.Table(request, posts));
        var size = request.Options.SearchPageSize;
        var link = $"{Html.E(request.Base)}/search?q={Uri.EscapeDataString(query)}&amp;page=";
        html.Append("<nav aria-label=\"").Append(t.Results).Append("\"><p>");
        if (page > 1) html.Append("<a href=\"").Append(link).Append(page - 1).Append("\" rel=\"prev\">").Append(t.Previous).Append("</a> ");
        if (page * size < total) html.Append("<a href=\"").Append(link).Append(page + 1).Append("\" rel=\"next\">").Append(t.Next).Append("</a>");
        html.Append("</p></nav>\n");
        return request.Page(t.Search + ": " + query, html.ToString());
    }
}
