using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>Gives an HTML-only post a plain-text alternative: the HTML part (or <c>multipart/related</c> with an HTML
/// root) becomes the second part of a new <c>multipart/alternative</c> whose first part is text made from it
/// (RFC 2046 §5.1.4: the plainest alternative first). The HTML part itself stays byte for byte. Only the post's own
/// body is converted: the top-level body, or the first part of a top-level <c>multipart/mixed</c>.</summary>
internal static class HtmlAlternative
{
    /// <summary>Records the conversion of the first part of a top-level <c>multipart/mixed</c> when it is HTML-only
    /// and untouched by <paramref name="edits"/>.</summary>
    public static void ConvertFirstPart(MimeMap map, Splice edits)
    {
        if (map.Message.Body is not Multipart { ContentType.MediaSubtype: var subtype } mixed
            || !subtype.Equals("mixed", StringComparison.OrdinalIgnoreCase) || mixed.Count == 0 || HtmlOf(mixed[0]) is not { } html) return;
        var span = map[mixed[0]];
        if (edits.Touches(span.Begin, span.End)) return;
        edits.Replace(span.Begin, span.End, MimeBytes.Entity(Alternative(html, map.Original(span.Begin, span.End))));
    }

    /// <summary>Converts the top-level body when it is HTML-only and was not replaced; nested edits must be applied
    /// to <paramref name="body"/> before.</summary>
    public static void ConvertTop(MimeMap map, PostBody body)
    {
        if (!body.Replaced && map.Message.Body is { } top && HtmlOf(top) is { } html) body.Replace(Alternative(html, body.AsEntity()));
    }

    static Multipart Alternative(TextPart html, byte[] original)
        => MimeBytes.Multipart("alternative", original, MimeBytes.Text(HtmlPlainText.Convert(html.Text ?? "")), new VerbatimEntity(original));

    /// <summary>The HTML part of an HTML-only entity: itself, or the root of a <c>multipart/related</c>; null otherwise
    /// (an attachment is no body).</summary>
    static TextPart? HtmlOf(MimeEntity entity) => entity switch
    {
        TextPart { IsHtml: true, IsAttachment: false } html => html,
        MultipartRelated { Root: TextPart { IsHtml: true } root } => root,
        _ => null,
    };
}
