using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Commands;

/// <summary>The confirmation request for a join or a leave, sent to the address concerned. A plain reply
/// confirms: Reply-To is <c>LIST-confirm+TOKEN@</c>.</summary>
/// <remarks>The texts live here until the template step (Fluid, overridable per list) replaces them.</remarks>
public static class ConfirmationNotice
{
    /// <summary>The address whose mail confirms <paramref name="token"/>.</summary>
    public static string ConfirmAddress(MailingList list, string token)
        => $"{list.Addresses.LocalPart}-confirm+{token}@{list.Addresses.Domain}";

    /// <summary>Composes the request.</summary>
    public static OutgoingMail Compose(MailingList list, string address, string token, PendingAction action, TimeSpan lifetime,
        TimeProvider time)
    {
        var confirm = ConfirmAddress(list, token);
        var join = action == PendingAction.Join;
        var days = (int)Math.Ceiling(lifetime.TotalDays);
        var text =
            $"""
            Guten Tag,

            für Ihre Adresse {address} wurde {(join ? "die Aufnahme in" : "die Abmeldung von")} die Liste „{list.Name}“ ({list.Address}) beantragt.
            Bitte bestätigen Sie dies, indem Sie einfach auf diese Nachricht antworten.
            Alternativ schreiben Sie eine leere Nachricht an {confirm}
            oder eine Nachricht mit der Zeile „bestätigen {token}“ an {list.Addresses.Request}.
            Die Bestätigung ist {days} Tage gültig und kann nur einmal verwendet werden.

            Wenn Sie das nicht beantragt haben, ignorieren Sie diese Nachricht bitte; dann geschieht nichts.

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            Someone asked to {(join ? "subscribe" : "unsubscribe")} your address {address} {(join ? "to" : "from")} the list "{list.Name}" ({list.Address}).
            To confirm, simply reply to this message.
            Or send an empty message to {confirm}
            or a message with the line "confirm {token}" to {list.Addresses.Request}.
            The confirmation is valid for {days} days and can be used once.

            If you did not ask for this, please ignore this message; nothing will happen.

            This message was sent automatically.
            """;
        var subject = $"Bitte bestätigen / please confirm: confirm {token}";
        return CommandMail.Compose(list, [address], subject, text, confirm, null, time);
    }
}
