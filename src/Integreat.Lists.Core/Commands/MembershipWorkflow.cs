using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Commands;

/// <summary>Self-service joining and leaving with double opt-in (Mailman's <c>app/subscriptions.py</c>): a
/// request sends a confirmation to the address concerned; the confirmation, and for moderated lists an owner's
/// approval, then change the roster.</summary>
/// <remarks>Nothing here trusts a From: header: every roster change needs the token that was mailed to the
/// address concerned, or an owner's approval through the CLI.</remarks>
public sealed class MembershipWorkflow(
    IRosterRepository roster,
    IPendingRequestStore pending,
    ConfirmationTokens tokens,
    AdminWorkflow admin,
    IAuditLog audit,
    CommandLimits limits,
    ITemplateRenderer templates,
    IOptions<CommandOptions> options,
    TimeProvider time)
{
    /// <summary>Starts a join of <paramref name="address"/>; adds the confirmation request to <paramref name="mails"/>.</summary>
    public CommandResult RequestJoin(MailingList list, string command, string address, List<OutgoingMail> mails)
    {
        if (list.SubscriptionPolicy == SubscriptionPolicy.Closed)
            return new(command, "Diese Liste nimmt keine Anmeldungen per E-Mail an. Bitte wenden Sie sich an " + list.Addresses.Owner + ".",
                "This list does not accept subscriptions by e-mail. Please contact " + list.Addresses.Owner + ".");
        if (roster.Find(list.Address, address) is not null)
            return new(command, $"{address} ist bereits Mitglied der Liste.", $"{address} is already a member of the list.");
        if (pending.Find(PendingRequest.ApprovalKey(list.Address, address)) is not null)
            return new(command, "Ihre Anmeldung wartet bereits auf die Freigabe durch die Verantwortlichen.",
                "Your subscription is already waiting for the owners' approval.");
        return SendConfirmation(list, command, address, PendingAction.Join, mails);
    }

    /// <summary>Starts a leave of <paramref name="address"/>; adds the confirmation request to <paramref name="mails"/>.</summary>
    public CommandResult RequestLeave(MailingList list, string command, string address, List<OutgoingMail> mails)
    {
        if (roster.Find(list.Address, address) is null)
            return new(command, $"{address} ist kein Mitglied der Liste.", $"{address} is not a member of the list.");
        return SendConfirmation(list, command, address, PendingAction.Leave, mails);
    }

    /// <summary>Redeems a token and carries out its request.</summary>
    public CommandResult Confirm(MailingList list, string command, string token, List<OutgoingMail> mails)
    {
        var request = tokens.Redeem(list.Address, token);
        if (request is null)
            return new(command, "Diese Bestätigung ist unbekannt, abgelaufen oder wurde schon verwendet.",
                "This confirmation is unknown, has expired or was used already.");
        if (request.Action == PendingAction.Admin) return admin.Run(list, command, request, mails);
        if (request.Action == PendingAction.Leave)
        {
            Leave(list, request.Address, "mail", mails);
            return new(command, $"{request.Address} wurde von der Liste abgemeldet.", $"{request.Address} has left the list.");
        }
        return list.SubscriptionPolicy switch
        {
            SubscriptionPolicy.Open => Subscribe(list, command, request.Address, mails),
            SubscriptionPolicy.Moderate => AwaitApproval(list, command, request.Address, mails),
            _ => new(command, "Diese Liste nimmt keine Anmeldungen per E-Mail mehr an.", "This list no longer accepts subscriptions by e-mail."),
        };
    }

    /// <summary>Approves a waiting subscription (CLI <c>members approve</c>).</summary>
    /// <returns>False when no approval for that address waits.</returns>
    /// <param name="list">The list.</param>
    /// <param name="address">The address waiting for approval.</param>
    /// <param name="channel">Who approves, for the audit log (<c>cli</c>).</param>
    /// <param name="mails">Receives the welcome to the new member (and the owners' roster-change notice); null: none.</param>
    /// <param name="actor">Who approves, for the audit log; null: the channel (<c>cli</c>).</param>
    public bool Approve(MailingList list, string address, string channel = "cli", List<OutgoingMail>? mails = null, string? actor = null)
    {
        if (!pending.Remove(PendingRequest.ApprovalKey(list.Address, address))) return false;
        var added = roster.AddMissing([Member.Create(list.Address, address, null, MemberRole.Member, time.GetUtcNow().UtcDateTime)]);
        Audit(list, actor ?? channel, channel, "approve " + address, added.Count > 0 ? "added" : "was already a member");
        if (added.Count > 0 && mails is not null)
        {
            mails.Add(WelcomeNotice.Compose(templates, list, address, null, time));
            NotifyOwners(list, address, joined: true, mails);
        }
        return true;
    }

    /// <summary>Removes <paramref name="address"/> after a confirmed leave (a redeemed token, or a one-click
    /// unsubscribe): audited with the address as actor, and the goodbye and the owners' notice added to
    /// <paramref name="mails"/>.</summary>
    /// <param name="list">The list.</param>
    /// <param name="address">The member's normalised address.</param>
    /// <param name="channel">How the leave came (<c>mail</c>, <c>web</c>), for the audit log.</param>
    /// <param name="mails">Receives the notices.</param>
    /// <returns>False when the address was not a member (nothing is sent then).</returns>
    public bool Leave(MailingList list, string address, string channel, List<OutgoingMail> mails)
    {
        var removed = roster.Remove(list.Address, address);
        Audit(list, address, channel, "leave " + address, removed ? "removed" : "was not a member");
        if (!removed) return false;
        mails.Add(WelcomeNotice.Goodbye(templates, list, address, null, time));
        NotifyOwners(list, address, joined: false, mails);
        return true;
    }

    /// <summary>Refuses the confirmed join of <paramref name="address"/> that waits for approval; nobody is told.</summary>
    /// <returns>False when no approval for that address waits.</returns>
    public bool Decline(MailingList list, string address, string actor, string channel)
    {
        if (!pending.Remove(PendingRequest.ApprovalKey(list.Address, address))) return false;
        Audit(list, actor, channel, "decline " + address, "declined");
        return true;
    }

    void Audit(MailingList list, string actor, string channel, string command, string result)
        => audit.Add(AuditEntry.Create(list.Address, time.GetUtcNow().UtcDateTime, actor, channel, command, result));

    CommandResult SendConfirmation(MailingList list, string command, string address, PendingAction action, List<OutgoingMail> mails)
    {
        if (!limits.Confirmations.TryAcquire(list.Address, address))
            return new(command, "Heute wurden schon zu viele Bestätigungen an diese Adresse geschickt. Bitte versuchen Sie es morgen wieder.",
                "Too many confirmation requests were sent to this address today. Please try again tomorrow.") { Quiet = true };
        var token = tokens.Issue(list.Address, address, action);
        mails.Add(ConfirmationNotice.Compose(templates, list, address, token, action, options.Value.ConfirmationLifetime, time));
        return new(command, $"Eine Bestätigungsanfrage wurde an {address} geschickt.", $"A confirmation request was sent to {address}.");
    }

    CommandResult Subscribe(MailingList list, string command, string address, List<OutgoingMail> mails)
    {
        var added = roster.AddMissing([Member.Create(list.Address, address, null, MemberRole.Member, time.GetUtcNow().UtcDateTime)]);
        Audit(list, address, "mail", "join " + address, added.Count > 0 ? "added" : "was already a member");
        if (added.Count > 0)
        {
            mails.Add(WelcomeNotice.Compose(templates, list, address, null, time));
            NotifyOwners(list, address, joined: true, mails);
        }
        return new(command, $"{address} ist jetzt Mitglied der Liste „{list.Name}“. Abmelden: eine Nachricht an {list.Addresses.Leave}",
            $"{address} is now a member of the list \"{list.Name}\". To leave, send a message to {list.Addresses.Leave}");
    }

    CommandResult AwaitApproval(MailingList list, string command, string address, List<OutgoingMail> mails)
    {
        var now = time.GetUtcNow().UtcDateTime;
        pending.Save(new PendingRequest
        {
            Id = PendingRequest.ApprovalKey(list.Address, address), List = list.Address, Address = address,
            Action = PendingAction.Approval, CreatedUtc = now, ExpiresUtc = DateTime.MaxValue,
        });
        Audit(list, address, "mail", "join " + address, "awaiting approval");
        var owners = Owners(list);
        if (owners.Count > 0) mails.Add(ApprovalNotice.Compose(templates, list, owners, address, time));
        return new(command, "Danke für Ihre Bestätigung. Ihre Anmeldung wartet jetzt auf die Freigabe durch die Verantwortlichen der Liste.",
            "Thank you for confirming. Your subscription now waits for the list owners' approval.");
    }

    void NotifyOwners(MailingList list, string address, bool joined, List<OutgoingMail> mails)
    {
        var owners = Owners(list);
        if (owners.Count > 0) mails.Add(RosterChangeNotice.Compose(templates, list, owners, address, joined, time));
    }

    /// <summary>The owners, or the moderators when a list has no owner (as for mail to <c>-owner</c>).</summary>
    List<string> Owners(MailingList list) => roster.OwnersOf(list.Address);
}
