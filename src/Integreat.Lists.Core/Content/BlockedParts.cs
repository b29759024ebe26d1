using Integreat.Lists.Core.Model;
using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>Walks a MIME tree (into <c>multipart/*</c> and attached <c>message/rfc822</c>) and finds the leaf parts
/// a list does not allow (<see cref="PartPolicy"/>).</summary>
public static class BlockedParts
{
    /// <summary>The blocked leaf parts of <paramref name="message"/>, in document order.</summary>
    public static IReadOnlyList<MimePart> Find(ContentSettings settings, MimeMessage message)
    {
        var found = new List<MimePart>();
        if (settings.FilterAction != ContentFilterAction.Off && message.Body is { } body) Walk(settings, body, found);
        return found;
    }

    static void Walk(ContentSettings settings, MimeEntity entity, List<MimePart> found)
    {
        switch (entity)
        {
            case Multipart multipart:
                foreach (var child in multipart) Walk(settings, child, found);
                break;
            case MessagePart { Message.Body: { } inner }:
                Walk(settings, inner, found);
                break;
            case MimePart part when PartPolicy.IsBlocked(settings, part):
                found.Add(part);
                break;
        }
    }

    /// <summary>One reason line per blocked part, German first, for the hold notice and the log.</summary>
    public static IEnumerable<string> Reasons(IEnumerable<MimePart> parts) => parts.Select(p =>
        $"Die Nachricht enthält einen nicht erlaubten Teil {PartPolicy.Describe(p)}. / The post contains a blocked part {PartPolicy.Describe(p)}.");
}
