using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integreat.Lists.Core.Moderation;

/// <summary>Holds a post for moderation (Mailman's <c>app/moderator.py: hold_message</c>): mails the moderators
/// and owners a notice with a single-use token, tells the poster once, and moves the raw bytes to spool queue
/// <c>hold</c>, where they survive restarts until a moderator decides or the hold expires.</summary>
/// <remarks>Order: record, move, notices, mark notified. A crash before the move repeats the whole hold from the
/// <c>in</c> entry; a crash after it leaves <see cref="HeldPost.Notified"/> false for the sweeper. Notices are
/// handed off under ids derived from the spool id, so nobody is mailed twice.</remarks>
public sealed class HoldQueue(
    ISpool spool,
    IRosterRepository roster,
    IHeldPostStore holds,
    ConfirmationTokens tokens,
    DeliveryHandoff handoff,
    NoticeLimiter limiter,
    ITemplateRenderer templates,
    IOptions<ModerationOptions> options,
    TimeProvider time,
    ILogger<HoldQueue> logger)
{
    /// <summary>Holds the <c>in</c> entry <paramref name="entry"/> of <paramref name="list"/> for <paramref name="decision"/>'s reasons.</summary>
    /// <param name="list">The list.</param>
    /// <param name="entry">The <c>in</c> entry of the post.</param>
    /// <param name="headers">The post's headers.</param>
    /// <param name="decision">The chain's decision, with the reasons.</param>
    /// <param name="mayNotify">False when the poster must get no notice (bounce, auto-reply, one of our addresses).</param>
    public void Hold(MailingList list, SpoolEntry entry, HeaderList headers, PostingDecision decision, bool mayNotify)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var post = holds.Find(entry.Data.Id) ?? new HeldPost
        {
            Id = entry.Data.Id, List = list.Address, EnvelopeSender = Addressing.EmailAddress.Normalise(entry.Data.Sender),
            Sender = PostingPolicy.Senders(headers, entry.Data.Sender).FirstOrDefault() ?? "",
            Subject = ModerationText.Line(headers[HeaderId.Subject]), MessageId = headers[HeaderId.MessageId]?.Trim() ?? "",
            Reasons = [.. decision.Reasons], MayNotify = mayNotify, HeldUtc = now, ExpiresUtc = now + options.Value.HoldExpiry,
        };
        holds.Save(post);
        spool.Move(QueueName.In, entry.Data.Id, QueueName.Hold, entry.Data);
        logger.HeldPost(post.MessageId, list.Address, post.Id, string.Join("; ", post.Reasons));
        Notify(list, post, entry.Raw);
    }

    /// <summary>Mails the moderators' notice and the poster's notice of <paramref name="post"/> unless that was done.</summary>
    /// <remarks>Called after the post is durably held, and again by the sweeper for a hold whose notices a crash
    /// interrupted; the hand-off ids make a repeat harmless.</remarks>
    public void Notify(MailingList list, HeldPost post, byte[] raw)
    {
        if (post.Notified) return;
        var moderators = Moderators(roster, list);
        if (moderators.Count == 0) logger.NoModerator(post.MessageId, list.Address, post.Id);
        else
        {
            // The Subject rides along so that a reply after someone else's decision can still name the post.
            var token = tokens.Issue(list.Address, post.Sender, PendingAction.Moderation, [post.Id, post.Subject], post.ExpiresUtc - time.GetUtcNow().UtcDateTime);
            var notice = ModeratorNotice.Compose(templates, list, post, token, moderators, raw, time);
            handoff.Hand(post.Id + "-hold", list, notice.MessageId, list.Addresses.Bounces, moderators, notice.Bytes);
        }
        if (post.MayNotify && limiter.TryAcquire(list.Address, post.EnvelopeSender))
        {
            var notice = PosterNotice.Held(templates, list, post, time);
            handoff.Hand(post.Id + "-held", list, notice.MessageId, list.Addresses.Bounces, [post.EnvelopeSender], notice.Bytes);
        }
        post.Notified = true;
        holds.Save(post);
    }

    /// <summary>The moderators and owners of <paramref name="list"/>, who decide on its holds.</summary>
    public static IReadOnlyList<string> Moderators(IRosterRepository roster, MailingList list)
        => roster.Staff(list.Address).Select(m => m.Address).ToList();
}
