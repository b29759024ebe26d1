using MimeKit;

namespace Integreat.Lists.Web.Archive;

/// <summary>What a post page shows of a message: its text body (or, without one, its sanitized HTML body) and its
/// parts to download. Parts are numbered by their position among the message's leaf parts (MimeKit
/// <see cref="MimeMessage.BodyParts"/>), the <c>n</c> of <c>/post/{id}/part/{n}</c>.</summary>
/// <param name="Text">The text/plain body; null when the post has none.</param>
/// <param name="SafeHtml">The sanitized text/html body, when there is no text body; else null.</param>
/// <param name="Attachments">The downloadable parts (attachments and inline parts other than the bodies).</param>
public sealed record PostView(string? Text, string? SafeHtml, IReadOnlyList<PostAttachment> Attachments)
{
    /// <summary>Reads <paramref name="message"/>.</summary>
    /// <param name="message">The archived post.</param>
    /// <param name="sanitizer">Cleans the HTML body.</param>
    /// <param name="partPath">The page-relative URL of part n (for <c>cid:</c> images).</param>
    public static PostView Read(MimeMessage message, PostSanitizer sanitizer, Func<int, string> partPath)
    {
        var parts = Leaves(message);
        var text = message.TextBody;
        var html = text is null ? message.HtmlBody : null;
        var attachments = parts.Select((part, n) => (part, n))
            .Where(p => p.part.IsAttachment || p.part is not TextPart { IsPlain: true } and not TextPart { IsHtml: true })
            .Select(p => new PostAttachment(p.n, FileName(p.part, p.n), p.part.ContentType.MimeType, p.part.ContentId))
            .ToList();
        string? safe = null;
        if (html is not null)
        {
            var byContentId = attachments.Where(a => !string.IsNullOrEmpty(a.ContentId))
                .ToDictionary(a => a.ContentId!, a => partPath(a.Index), StringComparer.OrdinalIgnoreCase);
            safe = sanitizer.Sanitize(html, byContentId);
        }
        return new PostView(text, safe, attachments);
    }

    /// <summary>The message's leaf parts in order (the numbering of <c>/part/{n}</c>).</summary>
    public static IReadOnlyList<MimePart> Leaves(MimeMessage message) => message.BodyParts.OfType<MimePart>().ToList();

    /// <summary>The part's file name, else <c>part-N</c> with an extension from its type.</summary>
    public static string FileName(MimePart part, int index)
        => string.IsNullOrWhiteSpace(part.FileName)
            ? $"part-{index}{(MimeTypes.TryGetExtension(part.ContentType.MimeType, out var extension) ? extension : ".bin")}"
            : Path.GetFileName(part.FileName.Replace('\\', '/'));
}
