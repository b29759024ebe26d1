using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Commands;

/// <summary>Welcomes a member an owner added by mail: who added them, and how to leave.</summary>
/// <remarks>The text lives here until the template step (Fluid, overridable per list).</remarks>
public static class WelcomeNotice
{
    /// <summary>Composes the welcome to <paramref name="member"/>, added by <paramref name="owner"/>.</summary>
    public static OutgoingMail Compose(MailingList list, string member, string owner, TimeProvider time)
    {
        var text =
            $"""
            Guten Tag,

            {owner} hat Ihre Adresse {member} in die Liste „{list.Name}“ aufgenommen.
            Nachrichten an die Liste schicken Sie an {list.Address}.
            Wenn Sie die Liste nicht erhalten möchten, schicken Sie eine leere Nachricht an {list.Addresses.Leave} und beantworten Sie die Bestätigungsanfrage.
            Fragen beantworten die Verantwortlichen der Liste: {list.Addresses.Owner}

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            {owner} added your address {member} to the list "{list.Name}".
            To post to the list, write to {list.Address}.
            To leave the list, send an empty message to {list.Addresses.Leave} and answer the confirmation request.
            The list owners answer questions: {list.Addresses.Owner}

            This message was sent automatically.
            """;
        return CommandMail.Compose(list, [member], $"Willkommen / Welcome: {list.Name}", text, null, null, time);
    }
}
