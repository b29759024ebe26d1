using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>The body edits of an accepted post, run once per post after the header handlers and before the DKIM
/// signature (<see cref="Delivering.DeliveryHandoff"/>): <see cref="Filter"/> strips blocked parts (the archive keeps
/// the post so), then <see cref="Decorate"/> gives HTML-only posts a text alternative and adds the footer (for the
/// members' mail programs only; the archive renders HTML itself). Every part it does not change stays byte for byte; a signed or encrypted post
/// (<see cref="ProtectedContent"/>) and one MimeKit cannot parse stay wholly unchanged.</summary>
public sealed class ContentPipeline(ITemplateRenderer templates, ArchiveLinks? links = null)
{
    /// <summary>Both steps: <see cref="Decorate"/> of <see cref="Filter"/>.</summary>
    public byte[] Process(MailingList list, byte[] message) => Decorate(list, Filter(list, message));

    /// <summary>Strips the parts <paramref name="list"/> blocks, when it strips; returns the same array when nothing
    /// changes.</summary>
    /// <param name="list">The list.</param>
    /// <param name="message">The post, CRLF line ends.</param>
    /// <exception cref="InvalidOperationException">The note template cannot be rendered.</exception>
    public byte[] Filter(MailingList list, byte[] message)
    {
        if (list.Content.FilterAction != ContentFilterAction.Strip || Open(message) is not (MimeMap map, PostBody body)) return message;
        var edits = new Splice();
        PartStripper.Strip(map, BlockedParts.Find(list.Content, map.Message), part => Note(list, part), body, edits);
        if (!edits.IsEmpty) body.SetBody(edits.Apply(body.Body, body.BodyOffset));
        return body.Changed ? body.ToBytes() : message;
    }

    /// <summary>Converts an HTML-only body, when the list converts, and adds the list's footer, if it has one; returns
    /// the same array when nothing changes.</summary>
    /// <exception cref="InvalidOperationException">The footer cannot be rendered.</exception>
    public byte[] Decorate(MailingList list, byte[] message)
    {
        var footer = list.Footer.Trim().Length > 0;
        if ((!list.Content.ConvertHtml && !footer) || Open(message) is not (MimeMap map, PostBody body)) return message;
        if (list.Content.ConvertHtml)
        {
            var edits = new Splice();
            HtmlAlternative.ConvertFirstPart(map, edits);
            if (!edits.IsEmpty) body.SetBody(edits.Apply(body.Body, body.BodyOffset));
            HtmlAlternative.ConvertTop(map, body);
        }
        if (footer) FooterDecorator.Decorate(map.Message.Body, body, Footer(list));
        return body.Changed ? body.ToBytes() : message;
    }

    /// <summary>The list's footer, rendered; <c>archive_url</c> is the list's archive page, empty when the list keeps
    /// no archive.</summary>
    public string Footer(MailingList list)
        => templates.RenderText(list.Footer, list, new { archive_url = links is not { Published: true } || list.Archive == ArchivePolicy.Off ? "" : links.List(list.Address) });

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
