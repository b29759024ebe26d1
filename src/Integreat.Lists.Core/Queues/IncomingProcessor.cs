using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Authentication;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using Integreat.Lists.Core.Moderation;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Posting.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integreat.Lists.Core.Queues;

/// <summary>Processes one entry of the <c>in</c> queue: routes it by sub-address, decides posts, and hands
/// accepted posts and notices to delivery. Idempotent: a crash at any step and a second run give one delivery.</summary>
/// <remarks>An exception leaves the entry where it is; the runner then shunts it (STYLE.md rule 5).</remarks>
public sealed class IncomingProcessor(
    ISpool spool,
    IListRepository lists,
    IRosterRepository roster,
    DeliveryHandoff handoff,
    CommandSignal commandSignal,
    NoticeComposer notices,
    NoticeLimiter limiter,
    PostDistributor distributor,
    HoldQueue holds,
    IRecentPostStore recent,
    IOptions<ModerationOptions> moderation,
    ILogger<IncomingProcessor> logger,
    IListMetrics? metrics = null,
    TimeProvider? time = null,
    BounceSignal? bounceSignal = null,
    Privacy.LogAddresses? logAddresses = null,
    InboundAuthenticator? authenticator = null,
    Handlers.DmarcMitigationHandler? dmarc = null)
{
    readonly Privacy.LogAddresses _logAddresses = logAddresses ?? Privacy.LogAddresses.Plain;

    readonly PostingPolicy _policy = new();
    readonly IListMetrics _metrics = metrics ?? NoListMetrics.Instance;
    readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Processes the entry <paramref name="id"/> of the <c>in</c> queue and removes it.</summary>
    public void Process(string id)
    {
        var entry = spool.Read(QueueName.In, id);
        if (entry.Data.Recipients.Count != 1)
        {
            Split(entry);
            return;
        }
        var recipient = ListRecipient.Resolve(entry.Data.Recipients[0], a => lists.Find(a) is not null)
            ?? throw new InvalidOperationException($"no list has the address {entry.Data.Recipients[0]} any more");
        var list = lists.Find(recipient.List)!;
        switch (recipient.Subaddress)
        {
            case Subaddress.Posting: Post(list, entry); break;
            case Subaddress.Owner: ToOwners(list, entry); break;
            case Subaddress.Bounces: Keep(list, entry, QueueName.Bounces); break;
            default: Keep(list, entry, QueueName.Command); break;
        }
    }

    /// <summary>One entry per distinct list address, so each is processed (and retried) on its own.</summary>
    /// <remarks>RCPT TO the same list twice (in any spelling) is one post, not two: a repeated recipient must not
    /// multiply deliveries.</remarks>
    void Split(SpoolEntry entry)
    {
        if (entry.Data.Recipients.Count == 0) throw new InvalidDataException("the entry has no recipient");
        var distinct = entry.Data.Recipients
            .DistinctBy(r => ListRecipient.Resolve(r, a => lists.Find(a) is not null) as object ?? EmailAddress.Normalise(r))
            .ToList();
        for (var i = 0; i < distinct.Count; i++)
        {
            var data = entry.Data with { Id = $"{entry.Data.Id}-{i:D3}", Recipients = [distinct[i]] };
            spool.Enqueue(QueueName.In, data, new System.Buffers.ReadOnlySequence<byte>(entry.Raw));
        }
        spool.Delete(QueueName.In, entry.Data.Id);
    }

    void Post(MailingList list, SpoolEntry entry)
    {
        _metrics.PostReceived(list.Address);
        var message = RawMessage.Parse(entry.Raw);
        var verdict = authenticator?.Authenticate(message, entry.Raw, entry.Data);
        var messageId = message.Headers[HeaderId.MessageId]?.Trim() ?? entry.Data.Id;
        var since = _time.GetUtcNow().UtcDateTime - moderation.Value.DuplicateWindow;
        var decision = _policy.Decide(new PostingContext
        {
            List = list, Headers = message.Headers, EnvelopeSender = entry.Data.Sender,
            Senders = PostingPolicy.Senders(message.Headers, entry.Data.Sender).ToList(),
            FindMember = a => roster.Find(list.Address, a), AlreadyPosted = id => recent.Posted(list.Address, id, since),
            SizeBytes = entry.Raw.Length, Message = () => Parse(entry.Raw), Authentication = verdict,
        });
        logger.Decision(messageId, list.Address, decision.Disposition.ToString().ToLowerInvariant(), decision.Rule, decision.Reason);
        (string, IReadOnlyList<string>)? distribution = null;
        // A post failing DMARC carries a forged address: a notice to it would be backscatter to someone who sent nothing.
        var forged = decision.Rule == DmarcFailRule.RuleName;
        switch (decision.Disposition)
        {
            case Disposition.Accept: distribution = distributor.Distribute(entry.Data.Id, list, message, decision); break;
            case Disposition.Reject when !forged: Notify(list, entry, message.Headers, messageId); break;
            // The hold moves the entry to queue hold itself.
            case Disposition.Hold: holds.Hold(list, entry, message.Headers, decision, !forged && MayNotify(list, entry, message.Headers, messageId, out _)); break;
        }
        if (decision.Disposition != Disposition.Hold) spool.Delete(QueueName.In, entry.Data.Id);
        if (distribution is { } sent) distributor.Remember(list, sent);
        _metrics.PostDecided(list.Address, decision.Disposition, _time.GetUtcNow().UtcDateTime - entry.Data.ReceivedUtc);
    }

    /// <remarks>Persistent: the parts read their content from <paramref name="raw"/> instead of copying it, so a
    /// rule looking at the body does not double a large post in memory. The stream is not disposed because the
    /// parts keep reading it; it owns nothing but the array.</remarks>
    static MimeMessage? Parse(byte[] raw)
    {
        try
        {
            return MimeMessage.Load(new MemoryStream(raw, writable: false), persistent: true);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>False (and logged) when the post is automated or its sender is unusable or one of ours.</summary>
    bool MayNotify(MailingList list, SpoolEntry entry, HeaderList headers, string messageId, out string sender)
    {
        sender = entry.Data.Sender;
        if (AutomatedMessage.IsAutomated(sender, headers) || !EmailAddress.TryParse(sender, out sender)
            || IsOurs(sender) || IsReport(entry.Raw))
        {
            logger.NoNotice(messageId, list.Address, _logAddresses.Of(entry.Data.Sender));
            return false;
        }
        return true;
    }

    void Notify(MailingList list, SpoolEntry entry, HeaderList headers, string messageId)
    {
        if (!MayNotify(list, entry, headers, messageId, out var sender)) return;
        if (!limiter.TryAcquire(list.Address, sender))
        {
            logger.NoticeLimited(messageId, list.Address, _logAddresses.Of(sender), NoticeLimiter.MaxPerDay);
            return;
        }
        var (bytes, noticeId) = notices.NonmemberRejected(list, headers, sender);
        handoff.Hand(entry.Data.Id + "-notice", list, noticeId, list.Addresses.Bounces, [sender], bytes);
    }

    /// <summary>True for an address in a list domain: a notice there would come back to us as mail.</summary>
    bool IsOurs(string address)
    {
        var domain = EmailAddress.DomainOf(address);
        return lists.All().Any(l => l.Addresses.Domain == domain);
    }

    /// <summary>True when the bounce parser sees a bounce, an auto-reply, a read receipt or a feedback report.</summary>
    static bool IsReport(byte[] raw)
    {
        using var stream = new MemoryStream(raw, writable: false);
        var report = new Bounces.BounceParser().Parse(MimeMessage.Load(stream));
        return report.IsBounce || report.Recogniser != Bounces.BounceParser.NoRecogniser;
    }

    void ToOwners(MailingList list, SpoolEntry entry)
    {
        // As in Mailman, the moderators stand in when a list has no owner; with neither, a human must decide.
        var owners = roster.OwnersOf(list.Address);
        if (owners.Count == 0)
            throw new InvalidOperationException($"{list.Address} has no owner or moderator to receive owner mail; " +
                "add one with 'members add LIST ADDRESS --role owner', then 'queue requeue ID'");
        var message = RawMessage.Parse(entry.Raw);
        var messageId = message.Headers[HeaderId.MessageId]?.Trim() ?? entry.Data.Id;
        var marker = list.Addresses.Owner;
        // Owner mail is forwarded unchanged but for this mark (and From when DMARC requires), so a loop between owner
        // addresses ends here.
        if (message.Headers.Any(h => h.Field.Equals("X-BeenThere", StringComparison.OrdinalIgnoreCase)
                                     && h.Value.Trim().Equals(marker, StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException($"owner mail loop: the message already went through {marker}");
        message.Headers.Insert(0, new Header("X-BeenThere", marker));
        // The forwarded copy leaves our server: an author's p=reject domain would fail DMARC at the owners' providers.
        dmarc?.MitigateOwnerMail(list, message);
        handoff.Hand(entry.Data.Id, list, messageId, list.Addresses.Bounces, owners, message.ToBytes());
        spool.Delete(QueueName.In, entry.Data.Id);
    }

    void Keep(MailingList list, SpoolEntry entry, string queue)
    {
        if (queue == QueueName.Command && authenticator is not null)
        {
            // Command mail carries our Authentication-Results into its queue, where admin mode (b) reads it.
            var message = RawMessage.Parse(entry.Raw);
            authenticator.Authenticate(message, entry.Raw, entry.Data);
            spool.Enqueue(queue, entry.Data, new System.Buffers.ReadOnlySequence<byte>(message.ToBytes()));
            spool.Delete(QueueName.In, entry.Data.Id);
        }
        else spool.Move(QueueName.In, entry.Data.Id, queue, entry.Data);
        logger.Kept(entry.Data.Id, list.Address, queue, entry.Data.Id);
        if (queue == QueueName.Command) commandSignal.Signal.Notify();
        if (queue == QueueName.Bounces) bounceSignal?.Signal.Notify();
    }
}
