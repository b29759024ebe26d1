using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Moderation;

/// <summary>The notices a poster gets about a held post: it waits, it was rejected, or it expired (Mailman's
/// <c>list:user:notice:hold</c>, <c>:refuse</c>). From <c>LIST-owner@</c>, so an answer reaches a person.</summary>
public static class PosterNotice
{
    /// <summary>The post waits for a moderator.</summary>
    public static OutgoingMail Held(MailingList list, HeldPost post, TimeProvider time) => Compose(list, post, time,
        "wartet auf Freigabe / awaits approval",
        "wartet auf die Freigabe durch die Verantwortlichen der Liste. Sie erhalten Bescheid, wenn sie abgelehnt wird.",
        "is waiting for approval by the list's moderators. You will hear from us if it is rejected.",
        string.Join("\n", post.Reasons.Select(r => "  - " + r)));

    /// <summary>A moderator rejected the post, with <paramref name="reason"/> (empty for none).</summary>
    public static OutgoingMail Rejected(MailingList list, HeldPost post, string reason, TimeProvider time) => Compose(list, post, time,
        "wurde abgelehnt / was rejected",
        "wurde von den Verantwortlichen der Liste abgelehnt und nicht verteilt.",
        "was rejected by the list's moderators and not distributed.",
        "  " + (reason.Length == 0 ? "(kein Grund angegeben / no reason given)" : NoticeComposer.Echo(reason)));

    /// <summary>Nobody decided in time; the post was discarded.</summary>
    public static OutgoingMail Expired(MailingList list, HeldPost post, TimeProvider time) => Compose(list, post, time,
        "wurde nicht verteilt / was not distributed",
        "wurde nicht rechtzeitig freigegeben und deshalb gelöscht, ohne verteilt zu werden.",
        "was not approved in time and has been deleted without being distributed.",
        string.Join("\n", post.Reasons.Select(r => "  - " + r)));

    static OutgoingMail Compose(MailingList list, HeldPost post, TimeProvider time, string subjectTail, string german,
        string english, string details)
    {
        var subject = NoticeComposer.Echo(post.Subject);
        var text =
            $"""
            Guten Tag,

            Ihre Nachricht an die Liste „{list.Name}“ ({list.Address}) {german}
            Betreff Ihrer Nachricht: {subject}

            {details}

            Bei Fragen schreiben Sie bitte an die Verantwortlichen der Liste: {list.Addresses.Owner}

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            Your message to the list "{list.Name}" ({list.Address}) {english}
            Subject of your message: {subject}

            {details}

            If you have questions, please write to the list owners: {list.Addresses.Owner}

            This message was sent automatically.
            """;
        return ModerationMail.Compose(list, list.Addresses.Owner, [post.EnvelopeSender],
            $"Ihre Nachricht an „{list.Name}“ {subjectTail}", text, null, post.MessageId, null, time);
    }
}
