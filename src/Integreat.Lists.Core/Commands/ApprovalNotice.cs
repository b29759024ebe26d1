using Integreat.Lists.Core.Model;

namespace Integreat.Lists.Core.Commands;

/// <summary>Tells the owners that a confirmed subscription waits for their approval.</summary>
/// <remarks>Approval is by the CLI for now (<c>members approve</c>); mail approval by owners comes with the
/// authenticated admin commands. The text lives here until the template step.</remarks>
public static class ApprovalNotice
{
    /// <summary>Composes the notice to <paramref name="owners"/>.</summary>
    public static OutgoingMail Compose(MailingList list, IReadOnlyList<string> owners, string address, TimeProvider time)
    {
        var text =
            $"""
            Guten Tag,

            {address} hat die Aufnahme in die Liste „{list.Name}“ ({list.Address}) beantragt und die Adresse bestätigt.
            Die Anfrage wartet auf Ihre Freigabe.
            Freigeben: integreat-lists members approve {list.Address} {address}

            Diese Nachricht wurde automatisch erstellt.

            {CommandMail.Separator}

            Hello,

            {address} asked to join the list "{list.Name}" ({list.Address}) and confirmed the address.
            The request waits for your approval.
            To approve: integreat-lists members approve {list.Address} {address}

            This message was sent automatically.
            """;
        return CommandMail.Compose(list, owners, $"Aufnahme wartet auf Freigabe / Subscription awaits approval: {address}",
            text, null, null, time);
    }
}
