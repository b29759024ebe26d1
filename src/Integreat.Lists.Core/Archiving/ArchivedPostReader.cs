using System.Text.RegularExpressions;
using Integreat.Lists.Core.Addressing;
using MimeKit;

namespace Integreat.Lists.Core.Archiving;

/// <summary>Reads an archived post's metadata and search words from its bytes (MimeKit). The thread is the
/// <see cref="ArchiveRecorder"/>'s to decide.</summary>
public static partial class ArchivedPostReader
{
    /// <summary>Parses <paramref name="raw"/>.</summary>
    /// <param name="id">The post id.</param>
    /// <param name="list">The list address.</param>
    /// <param name="raw">The message bytes.</param>
    /// <param name="archivedUtc">The time of archiving; also the date of a post without a plausible Date:.</param>
    /// <exception cref="FormatException">The bytes are not a message MimeKit can read.</exception>
    public static (ArchivedPost Post, ArchiveSearchEntry Search) Read(string id, string list, byte[] raw, DateTime archivedUtc)
    {
        var message = Load(raw);
        var from = message.From.Mailboxes.FirstOrDefault();
        var date = message.Date == DateTimeOffset.MinValue || message.Date.UtcDateTime > archivedUtc.AddDays(1)
            ? archivedUtc : message.Date.UtcDateTime;
        var post = new ArchivedPost
        {
            Id = id, List = list, MessageId = message.MessageId ?? "", SenderName = from?.Name?.Trim() ?? "",
            SenderAddress = from is null ? "" : EmailAddress.Normalise(from.Address), Subject = message.Subject?.Trim() ?? "",
            DateUtc = date, ArchivedUtc = archivedUtc, InReplyTo = message.InReplyTo ?? "", References = message.References.ToList(),
            Month = BerlinTime.Month(date),
        };
        var search = new ArchiveSearchEntry
        {
            Id = id, List = list, Subject = Join(post.Subject), Sender = Join(post.SenderName + " " + post.SenderAddress),
            Body = Join(BodyText(message)),
        };
        search.Terms = $"{search.Subject} {search.Sender} {search.Body}".Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        return (post, search);
    }

    /// <summary>Parses message bytes.</summary>
    /// <exception cref="FormatException">MimeKit cannot read them.</exception>
    public static MimeMessage Load(byte[] raw)
    {
        try
        {
            // Persistent: the parts read from the array instead of copying it (a 10 MB post stays 10 MB); the stream
            // is not disposed because they keep reading it, and it owns nothing but the array.
            return MimeMessage.Load(new MemoryStream(raw, writable: false), persistent: true);
        }
        catch (ParseException ex)
        {
            throw new FormatException("the archived post cannot be parsed: " + ex.Message, ex);
        }
    }

    /// <summary>The most characters of body text read for the search words.</summary>
    /// <remarks>What people search for is near the top; a whole 10 MB text body would become a 20 MB string, several
    /// word lists and one LiteDB document near its 16 MB limit (a store failure shunts the post).</remarks>
    public const int MaxIndexedChars = 256 * 1024;

    /// <summary>The plain text of the body, at most <see cref="MaxIndexedChars"/> characters: the first inline
    /// text/plain part, else the first inline HTML part without tags.</summary>
    public static string BodyText(MimeMessage message)
    {
        var parts = message.BodyParts.OfType<TextPart>().Where(p => !p.IsAttachment).ToList();
        if (parts.FirstOrDefault(p => p.IsPlain) is { } plain) return Head(plain);
        return parts.FirstOrDefault(p => p.IsHtml) is { } html
            ? System.Net.WebUtility.HtmlDecode(Tags().Replace(Hidden().Replace(Head(html), " "), " ")) : "";
    }

    /// <summary>The first <see cref="MaxIndexedChars"/> characters of the decoded part, read without decoding the rest.</summary>
    static string Head(TextPart part)
    {
        if (part.Content is null) return "";
        using var reader = new StreamReader(part.Content.Open(), part.ContentType.CharsetEncoding ?? System.Text.Encoding.UTF8);
        var buffer = new char[MaxIndexedChars];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, length);
    }

    static string Join(string text) => string.Join(' ', SearchWords.Split(text));

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();
}
