using Integreat.Lists.Core.Model;
using MimeKit;
using MimeKit.Utils;

namespace Integreat.Lists.Core.Commands;

/// <summary>Builds the plain-text mails command processing sends: From <c>LIST-request@</c>, bilingual,
/// <c>Auto-Submitted: auto-replied</c> (RFC 3834 §5) so that well-behaved responders stay silent.</summary>
public static class CommandMail
{
    /// <summary>The separator between the German and the English text.</summary>
    public const string Separator = "----------------------------------------------------------------------";

    /// <summary>Composes one mail.</summary>
    /// <param name="list">The list.</param>
    /// <param name="recipients">The To addresses (also the envelope recipients).</param>
    /// <param name="subject">The Subject.</param>
    /// <param name="text">The body, LF line ends.</param>
    /// <param name="replyTo">A Reply-To address, or null.</param>
    /// <param name="inReplyTo">The Message-ID of the mail answered, or null.</param>
    /// <param name="time">The clock for the Date.</param>
    public static OutgoingMail Compose(MailingList list, IReadOnlyList<string> recipients, string subject, string text,
        string? replyTo, string? inReplyTo, TimeProvider time)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(list.Name, list.Addresses.Request));
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
        message.Body = new TextPart("plain") { Text = text.Replace("\n", "\r\n") };
        message.Prepare(EncodingConstraint.SevenBit);
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        using var output = new MemoryStream();
        message.WriteTo(format, output);
        return new OutgoingMail(output.ToArray(), message.MessageId, recipients);
    }
}
