using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;

namespace Integreat.Lists.Core.Moderation;

/// <summary>Tells the moderators and owners that a post is held: the reasons, the post attached, and the token to
/// act on it by replying (Mailman's <c>list:admin:action:post</c>).</summary>
/// <remarks>From <c>LIST-request@</c> with Reply-To <c>LIST-confirm+TOKEN@</c>: a plain reply reaches the command
/// runner with the token, and the words in it decide.</remarks>
public static class ModeratorNotice
{
    /// <summary>Composes the notice to <paramref name="moderators"/>.</summary>
    public static OutgoingMail Compose(MailingList list, HeldPost post, string token, IReadOnlyList<string> moderators,
        byte[] raw, TimeProvider time)
    {
        var confirm = ConfirmationNotice.ConfirmAddress(list, token);
        var reasons = string.Join("\n", post.Reasons.Select(r => "  - " + r));
        var subject = NoticeComposer.Echo(post.Subject);
        var days = (int)Math.Ceiling((post.ExpiresUtc - post.HeldUtc).TotalDays);
        var text =
            $"""
            Guten Tag,

            eine Nachricht an die Liste „{list.Name}“ ({list.Address}) wartet auf Ihre Entscheidung.
            Absender: {post.Sender}
            Betreff: {subject}
            Gründe:
            {reasons}

            Die Nachricht ist angehängt. Antworten Sie auf diese Nachricht (oder schreiben Sie an {confirm}) mit einem dieser Wörter in der ersten Zeile:

              freigeben               Die Nachricht wird an alle Mitglieder verteilt.
              freigeben accept-sender Ebenso, und künftige Nachrichten dieses Absenders werden ohne Prüfung verteilt.
              ablehnen GRUND          Der Absender erhält eine Absage mit dem Grund.
              verwerfen               Die Nachricht wird ohne Nachricht an den Absender gelöscht.

            Die erste Antwort entscheidet; danach ist der Code verbraucht. Ohne Entscheidung wird die Nachricht nach {days} Tagen verworfen.
            Auf dem Server: integreat-lists held show {post.Id}

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            a post to the list "{list.Name}" ({list.Address}) awaits your decision.
            Sender: {post.Sender}
            Subject: {subject}
            Reasons:
            {reasons}

            The post is attached. Reply to this message (or write to {confirm}) with one of these words on the first line:

              approve                 The post goes to every member.
              approve accept-sender   The same, and later posts from this sender are accepted without moderation.
              reject REASON           The sender gets a refusal with the reason.
              discard                 The post is deleted without telling the sender.

            The first answer decides; the code is used up then. Without a decision the post is discarded after {days} days.
            On the server: integreat-lists held show {post.Id}

            This message was sent automatically.
            """;
        return ModerationMail.Compose(list, list.Addresses.Request, moderators,
            $"Freigabe nötig / approval needed ({list.Name}): {subject} — confirm {token}", text, confirm, post.MessageId, raw, time);
    }
}
