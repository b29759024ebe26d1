using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace Integreat.Lists.Core.Bounces;

/// <summary>Processes one entry of the <c>bounces</c> queue (Mailman's <c>runners/bounce.py</c>): mail to
/// <c>LIST-bounces@</c> and <c>LIST-bounces+LOCAL=DOMAIN@</c> (VERP).</summary>
/// <remarks>A feedback report (ARF) is a complaint; anything else goes through <see cref="BounceParser"/>, where the
/// VERP member wins over what parsing found. Each failed member gets a bounce event and its score; addresses that are
/// not members are ignored, and a message that is no report at all is forwarded to the owners. Nothing is ever sent to the sender of the bounce (RFC 3834). An exception leaves the entry
/// where it is, and the runner shunts it.</remarks>
public sealed class BounceProcessor(
    ISpool spool,
    IListRepository lists,
    IRosterRepository roster,
    BounceActions actions,
    DeliveryHandoff handoff,
    TimeProvider time,
    ILogger<BounceProcessor> logger)
{
    readonly BounceParser _parser = new();

    /// <summary>Raised after an entry was processed (for tests), with the entry id and the members it scored.</summary>
    public event Action<string, IReadOnlyList<string>>? Processed;

    /// <summary>Processes the entry <paramref name="id"/> of the <c>bounces</c> queue and removes it.</summary>
    public void Process(string id)
    {
        var entry = spool.Read(QueueName.Bounces, id);
        var recipient = ListRecipient.Resolve(entry.Data.Recipients.Single(), a => lists.Find(a) is not null)
            ?? throw new InvalidOperationException($"no list has the address {entry.Data.Recipients.Single()} any more");
        var list = lists.Find(recipient.List)!;
        var envelopeRecipient = VerpBounce.WithTokenResolved(entry.Data.Recipients.Single(),
            () => roster.Roster(list.Address).Select(m => m.Address));
        using var stream = new MemoryStream(entry.Raw, writable: false);
        var message = MimeMessage.Load(stream);
        var messageId = message.MessageId ?? entry.Data.Id;
        var scored = FeedbackReport.TryRead(message) is { } complaint
            ? Complain(list, envelopeRecipient, messageId, complaint)
            : Bounce(list, entry, envelopeRecipient, messageId, message);
        spool.Delete(QueueName.Bounces, id);
        Processed?.Invoke(id, scored);
    }

    List<string> Bounce(MailingList list, SpoolEntry entry, string envelopeRecipient, string messageId, MimeMessage message)
    {
        var report = _parser.Parse(message, envelopeRecipient);
        if (report.Recogniser == BounceParser.NoRecogniser)
        {
            ToOwners(list, entry, messageId);
            return [];
        }
        if (!report.IsBounce)
        {
            logger.BounceIgnored(messageId, list.Address, "not a bounce", report.Recogniser);
            return [];
        }
        var kind = report.Kind == BounceKind.Temporary ? "temporary" : "permanent";
        var temporary = report.Kind == BounceKind.Temporary;
        var weight = BounceScoring.Weight(temporary, report.Status, report.Diagnostic, actions.Options);
        if (BounceScoring.IsPolicy(report.Status, report.Diagnostic)) kind = "policy";
        var scored = new List<string>();
        foreach (var member in Members(list, report))
        {
            var bounce = Event(list, member.Address, messageId, report.Status ?? "", report.Diagnostic ?? "", kind);
            actions.Record(bounce);
            actions.Score(list, member, bounce, weight);
            scored.Add(member.Address);
        }
        if (scored.Count == 0) logger.BounceIgnored(messageId, list.Address, "a bounce of no member", report.Recogniser);
        return scored;
    }

    /// <summary>The roster entries a report names: each failed recipient, or the address the list sent to when the
    /// report names the mailbox the member's address forwarded to.</summary>
    IEnumerable<Member> Members(MailingList list, BounceReport report)
        => report.Recipients.Concat(report.Originals).Select(a => roster.Find(list.Address, a)).OfType<Member>().DistinctBy(m => m.Id);

    /// <summary>A message that is no report at all (a person writing to the envelope sender of list mail) goes to
    /// the owners unchanged but for a loop mark, as Mailman forwards unrecognised bounces to the administrators; with
    /// no owner or moderator it is shunted for a human.</summary>
    void ToOwners(MailingList list, SpoolEntry entry, string messageId)
    {
        var owners = roster.OwnersOf(list.Address);
        if (owners.Count == 0)
            throw new InvalidOperationException($"{list.Address} has no owner or moderator for a message to its bounces address " +
                "that is no delivery report; add one with 'members add LIST ADDRESS --role owner', then 'queue requeue ID'");
        var raw = RawMessage.Parse(entry.Raw);
        var marker = list.Addresses.Bounces;
        if (raw.Headers.Any(h => h.Field.Equals("X-BeenThere", StringComparison.OrdinalIgnoreCase)
                                 && h.Value.Trim().Equals(marker, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"bounces mail loop: the message already went through {marker}");
        raw.Headers.Insert(0, new Header("X-BeenThere", marker));
        handoff.Hand(entry.Data.Id, list, messageId, list.Addresses.Bounces, owners, raw.ToBytes());
        logger.BounceIgnored(messageId, list.Address, "no delivery report, forwarded to the owners", BounceParser.NoRecogniser);
    }

    List<string> Complain(MailingList list, string envelopeRecipient, string messageId, FeedbackReport complaint)
    {
        var address = VerpBounce.TryMember(envelopeRecipient, out var verp) ? verp : complaint.Recipient;
        var member = address.Length > 0 ? roster.Find(list.Address, address) : null;
        var bounce = Event(list, address, messageId, "", complaint.FeedbackType, "complaint");
        actions.Record(bounce);
        actions.Complaint(list, member, bounce, complaint.FeedbackType);
        return member is null ? [] : [member.Address];
    }

    BounceEvent Event(MailingList list, string address, string messageId, string status, string diagnostic, string kind) => new()
    {
        List = list.Address, Address = address, MessageId = messageId, Dsn = status, Reply = diagnostic, Kind = kind,
        TimeUtc = time.GetUtcNow().UtcDateTime,
    };
}
