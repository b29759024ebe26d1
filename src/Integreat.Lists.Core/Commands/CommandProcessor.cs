using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Integreat.Lists.Core.Commands;

/// <summary>Processes one entry of the <c>command</c> queue (Mailman's <c>runners/command.py</c>): mail to
/// <c>-request</c>, <c>-join</c>, <c>-leave</c> and <c>-confirm+TOKEN</c>.</summary>
/// <remarks>Never answers a bounce, an auto-reply or list mail (RFC 3834 §2, <see cref="AutomatedMessage"/>);
/// sends at most one reply per command mail and a limited number per address and hour. Replies go to the
/// From: address, so a forged From: sends the answer (a roster, too) to the real owner of that address. An
/// exception leaves the entry where it is; the runner then shunts it (STYLE.md rule 5).</remarks>
public sealed class CommandProcessor(
    ISpool spool,
    IListRepository lists,
    IRosterRepository roster,
    DeliveryHandoff handoff,
    MembershipWorkflow membership,
    AdminWorkflow admin,
    CommandLimits limits,
    ITemplateRenderer templates,
    Moderation.ModerationReplies moderation,
    TimeProvider time,
    ILogger<CommandProcessor> logger,
    BounceActions? bounces = null,
    Privacy.LogAddresses? logAddresses = null)
{
    readonly Privacy.LogAddresses _logAddresses = logAddresses ?? Privacy.LogAddresses.Plain;

    /// <summary>Raised after an entry was processed (for tests), with the entry id and how many mails it caused.</summary>
    public event Action<string, int>? Processed;

    /// <summary>Processes the entry <paramref name="id"/> of the <c>command</c> queue and removes it.</summary>
    public void Process(string id)
    {
        var entry = spool.Read(QueueName.Command, id);
        var recipient = ListRecipient.Resolve(entry.Data.Recipients.Single(), a => lists.Find(a) is not null)
            ?? throw new InvalidOperationException($"no list has the address {entry.Data.Recipients[0]} any more");
        var list = lists.Find(recipient.List)!;
        using var stream = new MemoryStream(entry.Raw, writable: false);
        var message = MimeMessage.Load(stream);
        var messageId = message.MessageId ?? entry.Data.Id;
        var sender = Sender(message, entry.Data.Sender);
        var mails = 0;
        if (sender is null || AutomatedMessage.IsAutomated(entry.Data.Sender, message.Headers)
            || AutomatedMessage.IsAutomated(sender, message.Headers) || AutoReplySubject.Matches(message.Subject))
            logger.NoCommandReply(messageId, list.Address, _logAddresses.Of(entry.Data.Sender));
        else
            mails = Execute(entry.Data.Id, list, recipient, message, sender);
        spool.Delete(QueueName.Command, entry.Data.Id);
        Processed?.Invoke(id, mails);
    }

    int Execute(string entryId, MailingList list, ListRecipient recipient, MimeMessage message, string sender)
    {
        var mails = new List<OutgoingMail>();
        IReadOnlyList<CommandLine> commands = recipient.Subaddress switch
        {
            Subaddress.Join => [new CommandLine("join", CommandWord.Join, [])],
            Subaddress.Leave => [new CommandLine("leave", CommandWord.Leave, [])],
            Subaddress.Confirm => [new CommandLine(ConfirmQuote.German, CommandWord.Confirm, [recipient.Tag])],
            _ => CommandParser.Parse(message),
        };
        // Admin commands of one mail are confirmed together, by one mail to the owner; the reply keeps the order.
        var adminCommands = commands.Where(c => AdminWorkflow.IsAdmin(c.Word)).ToList();
        using var adminResults = (adminCommands.Count > 0 ? admin.Request(list, sender, adminCommands, message.Headers, mails) : []).GetEnumerator();
        // A confirm token may belong to a held post; then the reply's words decide on it (Moderation/).
        var moderated = recipient.Subaddress == Subaddress.Confirm ? moderation.TryAnswer(list, recipient.Tag, message, sender) : null;
        var results = moderated is not null ? [moderated]
            : commands.Select(c => AdminWorkflow.IsAdmin(c.Word) && adminResults.MoveNext() ? adminResults.Current : Run(list, c, sender, mails))
            .Select(r => recipient.Subaddress == Subaddress.Confirm ? ConfirmQuote.Describe(r) : r).ToList();
        // As in Mailman (NEWS 3.3.6), -join and -leave answer with the confirmation request alone.
        var implied = recipient.Subaddress is Subaddress.Join or Subaddress.Leave && mails.Count > 0;
        if (results.Any(r => r.Quiet))
            logger.CommandReplyLimited(message.MessageId ?? entryId, list.Address, _logAddresses.Of(sender));
        else if (!implied)
        {
            if (results.Any(r => r.Decision) || limits.Replies.TryAcquire(list.Address, sender))
                mails.Add(CommandResultsNotice.Compose(templates, list, sender, results, message.MessageId is null ? null : "<" + message.MessageId + ">", time));
            else
                logger.CommandReplyLimited(message.MessageId ?? entryId, list.Address, _logAddresses.Of(sender));
        }
        for (var i = 0; i < mails.Count; i++) handoff.Hand($"{entryId}-{i:D2}", list, mails[i].MessageId, list.Addresses.Bounces, mails[i].Recipients.ToList(), mails[i].Bytes);
        return mails.Count;
    }

    CommandResult Run(MailingList list, CommandLine command, string sender, List<OutgoingMail> mails) => command.Word switch
    {
        CommandWord.Help => HelpText.Help(templates, list, command.Text),
        CommandWord.Info => HelpText.Info(templates, list, command.Text),
        CommandWord.Join => membership.RequestJoin(list, command.Text, sender, mails),
        CommandWord.Leave => membership.RequestLeave(list, command.Text, sender, mails),
        CommandWord.Confirm when command.Arguments.Count > 0 => membership.Confirm(list, command.Text, command.Arguments[0], mails),
        CommandWord.Confirm => new(command.Text, "Bitte geben Sie den Code an: bestätigen CODE", "Please give the code: confirm CODE"),
        CommandWord.Who => Who(list, command.Text, sender),
        CommandWord.Enable => Enable(list, command.Text, sender),
        _ => new(command.Text, "Unbekannter Befehl. Schreiben Sie „hilfe“ für eine Übersicht.", "Unknown command. Send \"help\" for a list."),
    };

    /// <summary>Re-enables delivery to the sender (a reply to a bounce warning, or <c>aktivieren</c>).</summary>
    CommandResult Enable(MailingList list, string command, string sender)
    {
        var member = roster.Find(list.Address, sender);
        if (member is null || bounces is null)
            return new(command, $"Ihre Adresse {sender} ist nicht in der Liste eingetragen.", $"Your address {sender} is not on the list.");
        if (member.Delivery == DeliveryStatus.Enabled)
            return new(command, "Die Zustellung an Ihre Adresse ist bereits eingeschaltet.", "Delivery to your address is already enabled.");
        bounces.Reset(list, member, sender, "mail", "enable " + member.Address);
        return new(command, "Die Zustellung an Ihre Adresse ist wieder eingeschaltet.", "Delivery to your address is enabled again.");
    }

    CommandResult Who(MailingList list, string command, string sender)
    {
        if (!RosterCommands.MayAdminister(list, roster.Find(list.Address, sender)))
            return new(command, "Die Mitgliederliste erhalten nur die Verantwortlichen der Liste.", "Only the list owners may see the roster.");
        var entries = roster.Roster(list.Address).Select(m => "  " + m.Address + Flags(m));
        var lines = string.Join("\n", entries);
        return new(command, "Mitglieder:\n" + lines, "Members:\n" + lines);
    }

    /// <summary>The role (when not a plain member) and the moderation flag, e.g. <c> (owner)</c>, <c> (moderated)</c>.</summary>
    static string Flags(Member member)
    {
        var flags = new List<string>();
        if (member.Role != MemberRole.Member) flags.Add(member.Role.ToString().ToLowerInvariant());
        if (member.Moderated) flags.Add("moderated");
        return flags.Count == 0 ? "" : " (" + string.Join(", ", flags) + ")";
    }

    /// <summary>The address to answer: the From: mailbox, else the envelope sender; null when neither is usable.</summary>
    static string? Sender(MimeMessage message, string envelopeSender)
    {
        var from = message.From.Mailboxes.FirstOrDefault()?.Address;
        if (EmailAddress.TryParse(from, out var address)) return address;
        return EmailAddress.TryParse(envelopeSender, out address) ? address : null;
    }
}
