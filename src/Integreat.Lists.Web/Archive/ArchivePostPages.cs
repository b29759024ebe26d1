using System.Text;
using Integreat.Lists.Core.Archiving;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;
using MimeKit;

using Integreat.Lists.Web.Pages;

namespace Integreat.Lists.Web.Archive;

/// <summary>A post's page and its parts for download.</summary>
public static class ArchivePostPages
{
    /// <summary><c>GET /archive/{list}/post/{id}</c>: sender (as <see cref="ArchiveOptions.SenderAddress"/> says), date
    /// in Europe/Berlin, the text body or the sanitized HTML body, and the attachments.</summary>
    public static IResult Post(HttpContext context, string list, string id)
    {
        var (request, denied) = ArchiveRequest.Open(context, list);
        if (request is null) return denied!;
        if (request.Store.Find(request.List.Address, id) is not { } post) return request.NotFound();
        var message = ArchivedPostReader.Load(request.Store.Raw(post));
        var t = request.Texts;
        var sanitizer = new PostSanitizer { BlockedImage = t.ImageBlocked };
        var view = PostView.Read(message, sanitizer, n => $"{Html.Segment(post.Id)}/part/{n}");
        var own = $"{Html.E(request.Base)}/post/{Html.Segment(post.Id)}";
        var html = new StringBuilder("<dl class=\"meta\">\n");
        html.Append("<dt>").Append(t.From).Append("</dt><dd>").Append(Html.E(request.Sender(post))).Append("</dd>\n")
            .Append("<dt>").Append(t.Date).Append("</dt><dd><time datetime=\"").Append(post.DateUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture))
            .Append("\">").Append(t.When(post.DateUtc)).Append("</time></dd>\n")
            .Append("<dt>").Append(t.Thread).Append("</dt><dd><a href=\"").Append(Html.E(request.Base)).Append("/thread/").Append(Html.Segment(post.ThreadId))
            .Append("\">").Append(t.Replies).Append("</a> · <a href=\"").Append(Html.E(request.Base)).Append('/').Append(post.Month).Append("\">")
            .Append(post.Month).Append("</a></dd>\n</dl>\n");
        if (view.Text is not null) html.Append("<div class=\"body\">").Append(Html.E(view.Text)).Append("</div>\n");
        else if (view.SafeHtml is not null) html.Append("<div class=\"html-body\">").Append(view.SafeHtml).Append("</div>\n");
        if (view.Attachments.Count > 0)
        {
            html.Append("<section aria-labelledby=\"attachments\"><h2 id=\"attachments\">").Append(t.Attachments).Append("</h2>\n<ul>\n");
            foreach (var attachment in view.Attachments)
                html.Append("<li><a href=\"").Append(own).Append("/part/").Append(attachment.Index).Append("\" download>").Append(Html.E(attachment.FileName))
                    .Append("</a> (").Append(Html.E(attachment.MimeType)).Append(")</li>\n");
            html.Append("</ul>\n</section>\n");
        }
        return request.Page(post.Subject.Length > 0 ? post.Subject : "(–)", html.ToString());
    }

    /// <summary><c>GET /archive/{list}/post/{id}/part/{n}</c>: the decoded part with its content type, as
    /// <c>Content-Disposition: attachment</c>, sandboxed and not sniffed, so an HTML or SVG part never runs here.</summary>
    public static IResult Part(HttpContext context, string list, string id, int n)
    {
        var (request, denied) = ArchiveRequest.Open(context, list);
        if (request is null) return denied!;
        if (request.Store.Find(request.List.Address, id) is not { } post) return request.NotFound();
        var parts = PostView.Leaves(ArchivedPostReader.Load(request.Store.Raw(post)));
        if (n < 0 || n >= parts.Count) return request.NotFound();
        var part = parts[n];
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(PostView.FileName(part, n));
        context.Response.Headers.ContentDisposition = disposition.ToString();
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return Results.Bytes(content.ToArray(), ContentType(part));
    }

    static string ContentType(MimePart part)
    {
        var type = part.ContentType.MimeType;
        // A text part keeps its charset, so the download reads as it was written.
        return part.ContentType.Charset is { Length: > 0 } charset && type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            ? $"{type}; charset={charset}" : type;
    }
}
