using System.Globalization;
using System.Text;
using Integreat.Lists.Core.Archiving;
using Microsoft.AspNetCore.Http;

using Integreat.Lists.Web.Pages;

namespace Integreat.Lists.Web.Archive;

/// <summary>The listing pages: the list's archive (months and threads, newest first), a month and a thread.</summary>
public static class ArchiveListPages
{
    /// <summary>How many threads the list's page shows (older ones through the months).</summary>
    public const int LatestThreads = 50;

    /// <summary><c>GET /archive/{list}</c>.</summary>
    public static IResult Index(HttpContext context, string list)
    {
        var (request, denied) = ArchiveRequest.Open(context, list);
        if (request is null) return denied!;
        var posts = request.Store.ForList(request.List.Address);
        var t = request.Texts;
        var html = new StringBuilder();
        if (posts.Count == 0) return request.Page(t.Archive + ": " + request.List.Name, $"<p>{t.Empty}</p>\n");
        html.Append("<section aria-labelledby=\"threads\"><h2 id=\"threads\">").Append(t.Threads).Append("</h2>\n<table>\n<thead><tr><th scope=\"col\">")
            .Append(t.Subject).Append("</th><th scope=\"col\">").Append(t.Replies).Append("</th><th scope=\"col\">").Append(t.LastPost).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var thread in posts.GroupBy(p => p.ThreadId).OrderByDescending(g => g.Max(p => p.DateUtc)).Take(LatestThreads))
        {
            var first = thread.OrderBy(p => p.DateUtc).First();
            html.Append("<tr><td><a href=\"").Append(Html.E(request.Base)).Append("/thread/").Append(Html.Segment(thread.Key)).Append("\">")
                .Append(Html.E(first.Subject)).Append("</a></td><td>").Append(thread.Count()).Append("</td><td>")
                .Append(t.When(thread.Max(p => p.DateUtc))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n<section aria-labelledby=\"months\"><h2 id=\"months\">").Append(t.Months).Append("</h2>\n<ul>\n");
        foreach (var month in posts.GroupBy(p => p.Month).OrderByDescending(g => g.Key, StringComparer.Ordinal))
            html.Append("<li><a href=\"").Append(Html.E(request.Base)).Append('/').Append(month.Key).Append("\">").Append(MonthName(month.Key, t))
                .Append("</a> (").Append(t.PostCount(month.Count())).Append(")</li>\n");
        html.Append("</ul>\n</section>\n");
        return request.Page(t.Archive + ": " + request.List.Name, html.ToString());
    }

    /// <summary><c>GET /archive/{list}/{yyyy-MM}</c>, or the month's mbox for <c>{yyyy-MM}.mbox</c>.</summary>
    public static IResult Month(HttpContext context, string list, string month)
    {
        var (request, denied) = ArchiveRequest.Open(context, list);
        if (request is null) return denied!;
        var mbox = month.EndsWith(".mbox", StringComparison.Ordinal);
        var key = mbox ? month[..^5] : month;
        if (!DateTime.TryParseExact(key, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return request.NotFound();
        var posts = request.Store.InMonth(request.List.Address, key).OrderByDescending(p => p.DateUtc).ToList();
        if (mbox) return MboxWriter.Result(request, key, posts);
        var t = request.Texts;
        var html = new StringBuilder();
        html.Append("<p><a href=\"").Append(Html.E(request.Base)).Append('/').Append(key).Append(".mbox\" download>").Append(t.Mbox).Append("</a></p>\n");
        if (posts.Count == 0) html.Append("<p>").Append(t.Empty).Append("</p>\n");
        else html.Append(Table(request, posts));
        return request.Page($"{request.List.Name}: {MonthName(key, t)}", html.ToString());
    }

    /// <summary><c>GET /archive/{list}/thread/{id}</c>: the thread's posts, oldest first.</summary>
    public static IResult Thread(HttpContext context, string list, string id)
    {
        var (request, denied) = ArchiveRequest.Open(context, list);
        if (request is null) return denied!;
        var posts = request.Store.InThread(request.List.Address, id).OrderBy(p => p.DateUtc).ToList();
        if (posts.Count == 0) return request.NotFound();
        var html = new StringBuilder("<ol class=\"thread\">\n");
        foreach (var post in posts)
            html.Append("<li>").Append(request.PostLink(post)).Append(" – ").Append(Html.E(request.Sender(post))).Append(", ")
                .Append(request.Texts.When(post.DateUtc)).Append("</li>\n");
        html.Append("</ol>\n");
        return request.Page(request.Texts.Thread + ": " + posts[0].Subject, html.ToString());
    }

    /// <summary>A table of posts: date, subject, sender.</summary>
    public static string Table(ArchiveRequest request, IEnumerable<ArchivedPost> posts)
    {
        var t = request.Texts;
        var html = new StringBuilder("<table>\n<thead><tr><th scope=\"col\">");
        html.Append(t.Date).Append("</th><th scope=\"col\">").Append(t.Subject).Append("</th><th scope=\"col\">").Append(t.From).Append("</th></tr></thead>\n<tbody>\n");
        foreach (var post in posts)
            html.Append("<tr><td>").Append(t.When(post.DateUtc)).Append("</td><td>").Append(request.PostLink(post)).Append("</td><td>")
                .Append(Html.E(request.Sender(post))).Append("</td></tr>\n");
        return html.Append("</tbody>\n</table>\n").ToString();
    }

    static string MonthName(string month, ArchiveTexts texts)
    {
        var date = DateTime.ParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture);
        return date.ToString("MMMM yyyy", CultureInfo.GetCultureInfo(texts.Lang == "de" ? "de-DE" : "en-GB"));
    }
}
