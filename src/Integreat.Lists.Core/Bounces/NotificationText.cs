using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>The human-readable notification of a report, as lines: its text parts outside any returned message
/// (RFC 3462 <c>message/rfc822</c>, <c>text/rfc822-headers</c>) and outside the machine-readable parts, decoded,
/// HTML made plain, and cut where an inline copy of the returned message's header begins.</summary>
internal static partial class NotificationText
{
    /// <summary>The notification lines of <paramref name="message"/>, without line ends.</summary>
    public static IReadOnlyList<string> Lines(MimeMessage message)
    {
        var text = new StringBuilder();
        Collect(message.Body, text);
        var lines = text.ToString().Replace("\r\n", "\n").Split('\n');
        var cut = Array.FindIndex(lines, l => ReturnedHeader().IsMatch(l));
        return cut < 0 ? lines : lines[..cut];
    }

    /// <summary>The notification as one string with '\n' line ends.</summary>
    public static string Text(MimeMessage message) => string.Join('\n', Lines(message));

    static void Collect(MimeEntity? entity, StringBuilder text)
    {
        switch (entity)
        {
            case MultipartAlternative alternative:
                Collect(alternative.OfType<TextPart>().FirstOrDefault(p => !p.IsHtml) ?? alternative.FirstOrDefault(), text);
                break;
            case Multipart multipart:
                // A report whose boundary never occurs parses as an empty multipart holding everything in its preamble.
                if (multipart.Count == 0) text.AppendLine(multipart.Preamble);
                foreach (var part in multipart) Collect(part, text);
                break;
            case TextPart part when !part.IsAttachment:
                text.AppendLine(part.IsHtml ? HtmlText.ToPlain(part.Text) : part.Text);
                break;
        }
    }

    /// <summary>Transport and MIME header fields at the start of a line: where a report's inline copy of the returned
    /// message begins. From, To, Subject and Date are not among them, because notifications summarise the returned
    /// message with exactly those; nor are MIME fields, which also head the parts of a report flattened into text.</summary>
    [GeneratedRegex(@"^(Received|Return-Path|DKIM-Signature|X-Received|Message-I[Dd]|Delivered-To|Authentication-Results|Received-SPF|X-Original-To):\s",
        RegexOptions.IgnoreCase)]
    private static partial Regex ReturnedHeader();
}
