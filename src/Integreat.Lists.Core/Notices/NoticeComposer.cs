using Integreat.Lists.Core.Model;
using MimeKit;
using MimeKit.Utils;

namespace Integreat.Lists.Core.Notices;

/// <summary>Composes the messages the list itself sends (Mailman's "virgin" mail): German first, in plain
/// Sie-Form, then English.</summary>
/// <remarks>Every notice carries <c>Auto-Submitted: auto-replied</c> (RFC 3834 §5) so that well-behaved
/// responders do not answer it, and refers to the post by <c>In-Reply-To</c>/<c>References</c>.</remarks>
public sealed class NoticeComposer(TimeProvider time)
{
    /// <summary>The notice for a nonmember whose post was not distributed.</summary>
    /// <param name="list">The list.</param>
    /// <param name="post">The post's headers (for its subject and Message-ID).</param>
    /// <param name="recipient">Where the notice goes (the post's envelope sender).</param>
    /// <returns>The notice's bytes (CRLF) and its Message-ID.</returns>
    public (byte[] Bytes, string MessageId) NonmemberRejected(MailingList list, HeaderList post, string recipient)
    {
        var subject = Echo(post[HeaderId.Subject] ?? "");
        var owner = list.Addresses.Owner;
        // One sentence per line: filled-in names and addresses would make hard-wrapped lines ragged.
        var text =
            $"""
            Guten Tag,

            Ihre Nachricht an die Liste „{list.Name}“ ({list.Address}) wurde nicht an die Mitglieder verteilt.
            Der Grund: Ihre Adresse {recipient} ist nicht als Mitglied der Liste eingetragen.
            Nur Mitglieder können Nachrichten an diese Liste schicken.

            Betreff Ihrer Nachricht: {subject}

            Wenn Sie Mitglied werden möchten oder glauben, dass hier ein Fehler vorliegt, schreiben Sie bitte an die Verantwortlichen der Liste: {owner}

            Diese Nachricht wurde automatisch erstellt.

            ----------------------------------------------------------------------

            Hello,

            Your message to the list "{list.Name}" ({list.Address}) was not distributed to its members.
            The reason: your address {recipient} is not registered as a member of the list.
            Only members can post to this list.

            Subject of your message: {subject}

            If you would like to join, or think this is a mistake, please write to the list owners: {owner}

            This message was sent automatically.
            """;
        return Compose(list, recipient,
            $"Ihre Nachricht an die Liste „{list.Name}“ wurde nicht verteilt / Your message was not distributed", text, post);
    }

    /// <summary>The author's subject as it may be quoted back: one line, no control characters, at most 120
    /// characters, so a forged post cannot write its own paragraphs into our notice.</summary>
    public static string Echo(string subject)
    {
        if (subject.Length > 500) subject = subject[..500];
        var line = new string(subject.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        while (line.Contains("  ", StringComparison.Ordinal)) line = line.Replace("  ", " ", StringComparison.Ordinal);
        return line.Length <= 120 ? line : line[..120] + "…";
    }

    (byte[] Bytes, string MessageId) Compose(MailingList list, string recipient, string subject, string text, HeaderList? inReplyTo)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(list.Name, list.Addresses.Owner));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = subject;
        message.Date = time.GetLocalNow();
        message.MessageId = MimeUtils.GenerateMessageId(list.Addresses.Domain);
        message.Headers.Add("Auto-Submitted", "auto-replied");
        message.Headers.Add(HeaderId.ContentLanguage, "de, en");
        var originalId = inReplyTo?[HeaderId.MessageId];
        if (!string.IsNullOrWhiteSpace(originalId))
        {
            message.Headers.Add(HeaderId.InReplyTo, originalId.Trim());
            message.Headers.Add(HeaderId.References, originalId.Trim());
        }
        message.Body = new TextPart("plain") { Text = text.Replace("\n", "\r\n") };
        message.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var output = new MemoryStream();
        message.WriteTo(format, output);
        return (output.ToArray(), message.MessageId);
    }
}
