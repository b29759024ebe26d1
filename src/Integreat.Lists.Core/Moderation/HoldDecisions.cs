using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using Integreat.Lists.Core.Posting;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Core.Moderation;

/// <summary>Carries out a decision on a held post (Mailman's <c>app/moderator.py: handle_message</c>): approve
/// (distribute, optionally accept the sender from now on), reject (notice with the reason), discard, or expire.</summary>
/// <remarks>Each step is idempotent (derived hand-off ids), and the record goes only after the step, so a crash
/// in between repeats the step without a second delivery. Approved posts re-enter the pipeline, not the chain.</remarks>
public sealed class HoldDecisions(
    IHeldPostStore holds,
    ISpool spool,
    IListRepository lists,
    PostDistributor distributor,
    DeliveryHandoff handoff,
    IAuditLog audit,
    ITemplateRenderer templates,
    TimeProvider time,
    ILogger<HoldDecisions> logger)
{
    /// <summary>Distributes the held post <paramref name="id"/>.</summary>
    /// <param name="id">The held post's id.</param>
    /// <param name="acceptSender">Also add the sender to the list's nonmember accept patterns.</param>
    /// <param name="actor">Who decided (an address, or <c>cli</c>).</param>
    /// <param name="channel"><c>mail</c> or <c>cli</c>.</param>
    public HoldOutcome Approve(string id, bool acceptSender, string actor, string channel)
    {
        (MailingList List, (string, IReadOnlyList<string>) Distribution)? approved = null;
        var outcome = Decide(id, actor, channel, "approve", (list, post) => Distribute(list, post, acceptSender, ref approved));
        // After Decide removed the spool entry (PostDistributor.Remember says why).
        if (approved is { } done) distributor.Remember(done.List, done.Distribution);
        return outcome;
    }

    HoldOutcome Distribute(MailingList list, HeldPost post, bool acceptSender,
        ref (MailingList List, (string, IReadOnlyList<string>) Distribution)? approved)
    {
        var id = post.Id;
        var entry = spool.Read(QueueName.Hold, id);
        var distribution = distributor.Distribute(id, list, RawMessage.Parse(entry.Raw), null);
        var count = distribution.Recipients.Count;
        var accepted = acceptSender && post.Sender.Length > 0;
        if (accepted && !list.Posting.NonmemberAccept.Contains(post.Sender))
        {
            list.Posting.NonmemberAccept.Add(post.Sender);
            lists.Update(list);
        }
        approved = (list, distribution);
        var name = PostName.Of(post);
        return new HoldOutcome(true,
            $"Die Nachricht {name.German} wurde freigegeben und wird jetzt an {(count == 1 ? "ein Mitglied" : $"{count} Mitglieder")} verteilt."
            + (accepted ? $" {post.Sender} darf künftig ohne Prüfung an die Liste schreiben." : ""),
            $"The post {name.English} was approved and is now being delivered to {count} member{(count == 1 ? "" : "s")}."
            + (accepted ? $" {post.Sender} may post without moderation from now on." : ""));
    }

    /// <summary>Rejects the held post <paramref name="id"/>; the poster gets <paramref name="reason"/> (may be empty).</summary>
    public HoldOutcome Reject(string id, string reason, string actor, string channel) => Decide(id, actor, channel, "reject", (list, post) =>
    {
        if (post.MayNotify)
        {
            var notice = PosterNotice.Rejected(templates, list, post, reason.Trim(), time);
            handoff.Hand(id + "-reject", list, notice.MessageId, list.Addresses.Bounces, [post.EnvelopeSender], notice.Bytes);
        }
        var name = PostName.Of(post);
        var (german, english) = PosterTold(post, reason);
        return new HoldOutcome(true, $"Die Nachricht {name.German} wurde abgelehnt.{german}", $"The post {name.English} was rejected.{english}");
    });

    /// <summary>Deletes the held post <paramref name="id"/> without telling the poster; <paramref name="note"/> goes
    /// to the audit log only.</summary>
    public HoldOutcome Discard(string id, string actor, string channel, string note = "") => Decide(id, actor, channel, "discard",
        (_, post) => new HoldOutcome(true, $"Die Nachricht {PostName.Of(post).German} wurde verworfen; die absendende Person erfährt davon nichts.",
            $"The post {PostName.Of(post).English} was discarded; the poster is not told." + (note.Length > 0 ? " " + note : "")));

    /// <summary>Discards an expired hold with one notice to the poster.</summary>
    public HoldOutcome Expire(string id) => Decide(id, "system", "expiry", "expire", (list, post) =>
    {
        if (post.MayNotify)
        {
            var notice = PosterNotice.Expired(templates, list, post, time);
            handoff.Hand(id + "-expired", list, notice.MessageId, list.Addresses.Bounces, [post.EnvelopeSender], notice.Bytes);
        }
        return new HoldOutcome(true, $"Die Nachricht {PostName.Of(post).German} ist abgelaufen.", $"The post {PostName.Of(post).English} expired.");
    });

    /// <summary>What a reject's answer adds about the poster: nothing for a bounce or auto-reply, which gets no notice
    /// (RFC 3834); else that the poster is told, with the reason as it went out, so the moderator notices a typo or a
    /// cut-off line.</summary>
    static (string German, string English) PosterTold(HeldPost post, string reason)
    {
        if (!post.MayNotify) return ("", "");
        var shown = NoticeComposer.Echo(reason);
        if (shown.Length == 0) return (" Die absendende Person erhält eine Nachricht darüber.", " The poster is told so.");
        // A quoted reason that ends a sentence itself takes no second full stop („Passt nicht.“ not „Passt nicht.“.).
        var stop = shown.EndsWith('.') || shown.EndsWith('!') || shown.EndsWith('?') ? "" : ".";
        return ($" Die absendende Person erhält eine Nachricht darüber, mit dem Grund „{shown}“{stop}",
            $" The poster is told so, with the reason \"{shown}\"{stop}");
    }

    HoldOutcome Decide(string id, string actor, string channel, string verb, Func<MailingList, HeldPost, HoldOutcome> step)
    {
        var post = holds.Find(id);
        var list = post is null ? null : lists.Find(post.List);
        if (post is null || list is null) return HoldOutcome.Unknown(id);
        var outcome = step(list, post);
        if (!holds.Remove(id)) return HoldOutcome.Unknown(PostName.Of(post));
        spool.Delete(QueueName.Hold, id);
        audit.Add(AuditEntry.Create(list.Address, time.GetUtcNow().UtcDateTime, actor, channel, $"{verb} {id}", outcome.English));
        logger.HoldDecided(post.MessageId, list.Address, id, verb, actor);
        return outcome;
    }
}
