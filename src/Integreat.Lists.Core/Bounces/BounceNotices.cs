using System.Globalization;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Bounces;

/// <summary>The mails of bounce processing: the probe and the warnings to the member, the notices to the owners.
/// German first (Sie-Form), then English; From <c>LIST-request@</c>, <c>Auto-Submitted: auto-replied</c>.</summary>
/// <remarks>The texts live here until the template step (Fluid, <c>config/templates/</c>) is on main.</remarks>
public static class BounceNotices
{
    /// <summary>The word that re-enables delivery, in German and English; also the start of the warning's subject, so
    /// that a plain reply to the warning (to <c>LIST-request@</c>) is the command.</summary>
    public const string EnableWords = "aktivieren / enable";

    /// <summary>The probe: a test message to a member whose address has been bouncing.</summary>
    public static OutgoingMail Probe(MailingList list, string member, TimeProvider time)
    {
        var text =
            $"""
            Guten Tag,

            Nachrichten der Liste „{list.Name}“ ({list.Address}) konnten in letzter Zeit nicht an Ihre Adresse {member} zugestellt werden.
            Mit dieser Testnachricht prüfen wir, ob Ihr Postfach wieder erreichbar ist. Sie müssen nichts tun.

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            Recently, messages of the list "{list.Name}" ({list.Address}) could not be delivered to your address {member}.
            This test message checks whether your mailbox can be reached again. You do not need to do anything.

            This message was sent automatically.
            """;
        return CommandMail.Compose(list, [member], $"Testnachricht / Test message: {list.Name}", text, null, null, time);
    }

    /// <summary>Warning <paramref name="number"/> of <paramref name="of"/>: delivery is disabled, how to re-enable it,
    /// and when the address will be removed.</summary>
    public static OutgoingMail Warning(MailingList list, string member, int number, int of, DateTime removalUtc, TimeProvider time)
    {
        var date = removalUtc.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var dateEn = removalUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text =
            $"""
            Guten Tag,

            Nachrichten der Liste „{list.Name}“ ({list.Address}) konnten wiederholt nicht an Ihre Adresse {member} zugestellt werden.
            Deshalb schicken wir Ihnen vorerst keine Nachrichten der Liste mehr.

            So erhalten Sie wieder Nachrichten: Antworten Sie einfach auf diese Nachricht, oder schicken Sie das Wort „aktivieren“ an {list.Addresses.Request}.

            Wenn Sie nichts tun, wird Ihre Adresse am {date} aus der Liste entfernt. Dies ist Hinweis {number} von {of}.

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            Messages of the list "{list.Name}" ({list.Address}) could not be delivered to your address {member} several times.
            For now, the list no longer sends you messages.

            To receive messages again, simply reply to this message, or send the word "enable" to {list.Addresses.Request}.

            If you do nothing, your address will be removed from the list on {dateEn}. This is notice {number} of {of}.

            This message was sent automatically.
            """;
        return CommandMail.Compose(list, [member],
            $"{EnableWords}: Zustellung ausgesetzt / delivery disabled: {list.Name}", text, list.Addresses.Request, null, time);
    }

    /// <summary>Tells the owners that <paramref name="member"/> was removed after unanswered warnings.</summary>
    public static OutgoingMail Removed(MailingList list, IReadOnlyList<string> owners, string member, int warnings, TimeProvider time)
    {
        var text =
            $"""
            Guten Tag,

            Die Adresse {member} wurde aus der Liste „{list.Name}“ ({list.Address}) entfernt.
            Nachrichten an diese Adresse kamen wiederholt als unzustellbar zurück; die Zustellung war ausgesetzt, und {warnings} Hinweise an die Adresse blieben ohne Antwort.

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            The address {member} was removed from the list "{list.Name}" ({list.Address}).
            Messages to this address kept bouncing; delivery was disabled, and {warnings} notices to the address went unanswered.

            This message was sent automatically.
            """;
        return CommandMail.Compose(list, owners, $"Mitglied entfernt / Member removed: {member}", text, null, null, time);
    }

    /// <summary>Tells the owners of a spam complaint (ARF) about a list message received by <paramref name="member"/>.</summary>
    /// <param name="list">The list.</param>
    /// <param name="owners">The owners.</param>
    /// <param name="member">The member whose provider complained; empty when the report names nobody.</param>
    /// <param name="feedbackType">The report's <c>Feedback-Type</c> (<c>abuse</c>, …).</param>
    /// <param name="disabled">True when delivery to the member was disabled because of it.</param>
    /// <param name="time">The clock.</param>
    public static OutgoingMail Complaint(MailingList list, IReadOnlyList<string> owners, string member, string feedbackType,
        bool disabled, TimeProvider time)
    {
        var who = member.Length > 0 ? member : "(unbekannt / unknown)";
        var de = disabled ? "Die Zustellung an diese Adresse ist jetzt ausgesetzt." : "Die Zustellung an diese Adresse läuft weiter.";
        var en = disabled ? "Delivery to this address is now disabled." : "Delivery to this address continues.";
        var text =
            $"""
            Guten Tag,

            Der E-Mail-Anbieter des Mitglieds {who} meldet eine Beschwerde ({feedbackType}) über eine Nachricht der Liste „{list.Name}“ ({list.Address}).
            {de}

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            The mail provider of the member {who} reports a complaint ({feedbackType}) about a message of the list "{list.Name}" ({list.Address}).
            {en}

            This message was sent automatically.
            """;
        return CommandMail.Compose(list, owners, $"Beschwerde / Complaint: {who}", text, null, null, time);
    }
}
