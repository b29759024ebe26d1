using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using MimeKit;
using MimeKit.Utils;

namespace Integreat.Lists.Core.Moderation;

/// <summary>Builds the mails of moderation: bilingual plain text, <c>Auto-Submitted: auto-replied</c> (RFC 3834 §5),
/// optionally with the held post attached as <c>message/rfc822</c> (RFC 2046 §5.2.1).</summary>
public static class ModerationMail
{
    /// <summary>Composes one mail.</summary>
    /// <param name="list">The list.</param>
    /// <param name="from">The From address: <c>LIST-request@</c> for mails that are answered with a command,
    /// <c>LIST-owner@</c> for notices to posters, so their answers reach a person.</param>
    /// <param name="recipients">The To addresses (also the envelope recipients).</param>
    /// <param name="subject">The Subject.</param>
    /// <param name="text">The body, LF line ends.</param>
    /// <param name="replyTo">A Reply-To address, or null.</param>
    /// <param name="inReplyTo">The Message-ID of the post concerned, or empty.</param>
    /// <param name="attachment">The raw post to attach, or null.</param>
    /// <param name="time">The clock for the Date.</param>
    public static OutgoingMail Compose(MailingList list, string from, IReadOnlyList<string> recipients, string subject, string text,
        string? replyTo, string? inReplyTo, byte[]? attachment, TimeProvider time)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(list.Name, from));
        foreach (var recipient in recipients) message.To.Add(MailboxAddress.Parse(recipient));
        if (replyTo is not null) message.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        message.Subject = subject;
        message.Date = time.GetLocalNow();
        message.MessageId = MimeUtils.GenerateMessageId(list.Addresses.Domain);
        message.Headers.Add("Auto-Submitted", "auto-replied");
        message.Headers.Add(HeaderId.ContentLanguage, "de, en");
        if (!string.IsNullOrWhiteSpace(inReplyTo))
        {
            message.Headers.Add(HeaderId.InReplyTo, inReplyTo.Trim());
            message.Headers.Add(HeaderId.References, inReplyTo.Trim());
        }
        var body = new TextPart("plain") { Text = text.Replace("\n", "\r\n") };
        message.Body = attachment is null ? body : new Multipart("mixed") { body, Attach(attachment) };
        message.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var output = new MemoryStream();
        message.WriteTo(format, output);
        return new OutgoingMail(output.ToArray(), message.MessageId, recipients);
    }

    static MessagePart Attach(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        return new MessagePart { Message = MimeMessage.Load(stream), ContentDisposition = new ContentDisposition(ContentDisposition.Inline) };
    }
}
