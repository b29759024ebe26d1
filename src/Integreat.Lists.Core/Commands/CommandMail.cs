using Integreat.Lists.Core.Model;

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
        => Moderation.ModerationMail.Compose(list, list.Addresses.Request, recipients, subject, text, replyTo, inReplyTo, null, time);
}
