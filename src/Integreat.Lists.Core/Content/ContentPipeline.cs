using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>The body edits of an accepted post, run once per post after the header handlers and before the DKIM
/// signature (<see cref="Delivering.DeliveryHandoff"/>): <see cref="Filter"/> strips blocked parts and gives HTML-only
/// posts a text alternative (what the archive keeps), then <see cref="Decorate"/> adds the footer (what only members
/// get). Every part it does not change stays byte for byte; a signed or encrypted post
/// (<see cref="ProtectedContent"/>) and one MimeKit cannot parse stay wholly unchanged.</summary>
public sealed class ContentPipeline(ITemplateRenderer templates, ArchiveLinks? links = null)
{
    /// <summary>Both steps: <see cref="Decorate"/> of <see cref="Filter"/>.</summary>
    public byte[] Process(MailingList list, byte[] message) => Decorate(list, Filter(list, message));

    /// <summary>Strips the parts <paramref name="list"/> blocks (when it strips) and converts an HTML-only body (when it
    /// converts); returns the same array when nothing changes.</summary>
    /// <param name="list">The list.</param>
    /// <param name="message">The post, CRLF line ends.</param>
    /// <exception cref="InvalidOperationException">The note template cannot be rendered.</exception>
    public byte[] Filter(MailingList list, byte[] message)
    {
        var settings = list.Content;
        if (settings.FilterAction != ContentFilterAction.Strip && !settings.ConvertHtml) return message;
        if (Open(message) is not (MimeMap map, PostBody body)) return message;
        var edits = new Splice();
        if (settings.FilterAction == ContentFilterAction.Strip)
            PartStripper.Strip(map, BlockedParts.Find(settings, map.Message), part => Note(list, part), body, edits);
        if (settings.ConvertHtml) HtmlAlternative.ConvertFirstPart(map, edits);
        if (!edits.IsEmpty) body.SetBody(edits.Apply(body.Body, body.BodyOffset));
        if (settings.ConvertHtml) HtmlAlternative.ConvertTop(map, body);
        return body.Changed ? body.ToBytes() : message;
    }

    /// <summary>Adds the list's footer, if it has one; returns the same array when it has none.</summary>
    /// <exception cref="InvalidOperationException">The footer cannot be rendered.</exception>
    public byte[] Decorate(MailingList list, byte[] message)
    {
        if (list.Footer.Trim().Length == 0 || Open(message) is not (MimeMap map, PostBody body)) return message;
        FooterDecorator.Decorate(map.Message.Body, body, Footer(list));
        return body.ToBytes();
    }

    /// <summary>The list's footer, rendered; <c>archive_url</c> is the list's archive page, empty when the list keeps
    /// no archive.</summary>
    public string Footer(MailingList list)
        => templates.RenderText(list.Footer, list, new { archive_url = links is null || list.Archive == ArchivePolicy.Off ? "" : links.List(list.Address) });

    /// <summary>The parsed message and its top level; null when it is signed, encrypted or not parseable.</summary>
    static (MimeMap, PostBody)? Open(byte[] message)
    {
        var map = MimeMap.TryParse(message);
        if (map is null || ProtectedContent.IsProtected(map.Message)) return null;
        try
        {
            return (map, PostBody.Parse(message));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    string Note(MailingList list, MimePart part) => templates.Render(TemplateNames.ContentRemoved, list,
        new { part = PartPolicy.Describe(part), file_name = part.FileName ?? "", content_type = part.ContentType.MimeType });
}
