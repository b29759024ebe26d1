using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Commands;

/// <summary>Asks an owner, at the registered address, to confirm admin commands that arrived with that address as
/// From:. Because a From: can be forged, nothing runs until this mail is answered; to the real owner of a forged
/// request it is also the notice that someone tried.</summary>
/// <remarks>The text lives here until the template step (Fluid, overridable per list).</remarks>
public static class AdminConfirmationNotice
{
    /// <summary>Composes the request to <paramref name="owner"/>.</summary>
    public static OutgoingMail Compose(MailingList list, string owner, string token, IReadOnlyList<string> commands,
        TimeSpan lifetime, TimeProvider time)
    {
        var confirm = ConfirmationNotice.ConfirmAddress(list, token);
        var lines = string.Join("\n", commands.Select(c => "  " + c));
        var days = (int)Math.Ceiling(lifetime.TotalDays);
        var text =
            $"""
            Guten Tag,

            an {list.Addresses.Request} ging eine Nachricht mit Ihrer Adresse {owner} als Absender, die diese Befehle für die Liste „{list.Name}“ enthält:

            {lines}

            Noch wurde nichts geändert. Wenn die Nachricht von Ihnen stammt, antworten Sie einfach auf diese Nachricht (oder schreiben Sie an {confirm}); dann werden die Befehle ausgeführt.
            Wenn Sie diese Nachricht nicht geschickt haben, hat jemand Ihre Adresse als Absender gefälscht. Ignorieren Sie diese Nachricht dann; es wird nichts geändert.
            Die Bestätigung ist {days} Tage gültig und kann nur einmal verwendet werden.

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            A message with your address {owner} as sender reached {list.Addresses.Request} with these commands for the list "{list.Name}":

            {lines}

            Nothing has been changed yet. If you sent it, simply reply to this message (or write to {confirm}); the commands will then run.
            If you did not send it, someone forged your address as the sender. Please ignore this message then; nothing will change.
            The confirmation is valid for {days} days and can be used once.

            This message was sent automatically.
            """;
        return CommandMail.Compose(list, [owner], $"Befehle bestätigen / confirm commands: confirm {token}", text, confirm, null, time);
    }
}
