using MimeKit;

namespace Integreat.Lists.Core.Content;

/// <summary>Replaces each blocked part by a short <c>text/plain</c> note, in place: the boundaries and every other
/// part stay byte for byte.</summary>
internal static class PartStripper
{
    /// <summary>Records the replacements of <paramref name="blocked"/> in <paramref name="edits"/> (nested parts) or
    /// on <paramref name="body"/> (the top-level body itself).</summary>
    /// <param name="map">Where each part is.</param>
    /// <param name="blocked">The parts to remove (<see cref="BlockedParts.Find"/>).</param>
    /// <param name="note">The note's text for a removed part.</param>
    /// <param name="body">The top level.</param>
    /// <param name="edits">The nested replacements.</param>
    public static void Strip(MimeMap map, IReadOnlyList<MimePart> blocked, Func<MimePart, string> note, PostBody body, Splice edits)
    {
        foreach (var part in blocked)
        {
            var replacement = MimeBytes.Text(note(part));
            var owner = Owner(map, part);
            if (owner is null) body.Replace(replacement);
            else edits.Replace(map[owner].Begin, map[owner].End, MimeBytes.Entity(replacement));
        }
    }

    /// <summary>The entity whose bytes go: the part itself, or the <c>message/rfc822</c> part around an attached
    /// message whose whole body it is; null when it is the post's own body.</summary>
    static MimeEntity? Owner(MimeMap map, MimePart part)
    {
        if (map.Message.Body == part) return null;
        var message = FindMessage(map.Message, part);
        return message is null || message == map.Message ? part : map.WrapperOf(message);
    }

    /// <summary>The (attached) message whose body is <paramref name="part"/> itself, or null.</summary>
    static MimeMessage? FindMessage(MimeMessage message, MimeEntity part)
    {
        if (message.Body == part) return message;
        foreach (var attached in message.BodyParts.OfType<MessagePart>().Select(p => p.Message).Where(m => m is not null))
            if (FindMessage(attached!, part) is { } found) return found;
        return null;
    }
}
