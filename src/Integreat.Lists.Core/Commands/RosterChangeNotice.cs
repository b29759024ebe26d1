using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Commands;

/// <summary>Tells the owners that someone joined or left their list by mail (after confirming the address).</summary>
/// <remarks>The text lives here until the template step (Fluid, overridable per list).</remarks>
public static class RosterChangeNotice
{
    /// <summary>Composes the notice to <paramref name="owners"/> about <paramref name="address"/>.</summary>
    public static OutgoingMail Compose(MailingList list, IReadOnlyList<string> owners, string address, bool joined, TimeProvider time)
    {
        var text =
            $"""
            Guten Tag,

            {address} hat {(joined ? "sich in die Liste" : "sich von der Liste")} „{list.Name}“ ({list.Address}) {(joined ? "eingetragen" : "abgemeldet")} und die Adresse per E-Mail bestätigt.

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            {address} {(joined ? "joined" : "left")} the list "{list.Name}" ({list.Address}) and confirmed the address by e-mail.

            This message was sent automatically.
            """;
        var subject = joined ? $"Neues Mitglied / New member: {address}" : $"Abmeldung / Member left: {address}";
        return CommandMail.Compose(list, owners, subject, text, null, null, time);
    }
}
