using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Archiving;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Content;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Handlers;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Model;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Integreat.Lists.Core.Posting;

/// <summary>Distributes an accepted or approved post: the posting pipeline and the content pipeline once, then one hand-off to delivery for
/// every member who did not already get the same Message-ID from another list within the duplicate window.</summary>
/// <remarks>Idempotent per <c>postId</c> (<see cref="DeliveryHandoff"/>, <see cref="ArchiveRecorder"/>); the post is
/// archived (unless the list's archive is off) before it is handed to delivery. Members of two lists that both got the
/// post receive it once: from whichever list distributed it first.</remarks>
public sealed class PostDistributor(
    IRosterRepository roster,
    IRecentPostStore recent,
    DeliveryHandoff handoff,
    IOptions<ModerationOptions> options,
    TimeProvider time,
    ArchiveRecorder archiver,
    ArchiveLinks links,
    DmarcMitigationHandler dmarc,
    ContentPipeline content,
    Unsubscribe.RecipientHeaders? personal = null)
{
    readonly PostingPipeline _pipeline = new(dmarc);

    /// <summary>Runs the pipeline on <paramref name="message"/> and hands it to delivery.</summary>
    /// <param name="postId">The spool id of the post.</param>
    /// <param name="list">The list.</param>
    /// <param name="message">The post; its headers are edited in place.</param>
    /// <param name="decision">The chain's decision, for the rule hit and miss headers; null for an approved hold.</param>
    /// <returns>The Message-ID (empty when none) and the recipients it was handed to; give them to
    /// <see cref="Remember"/> once the post's spool entry is gone.</returns>
    public (string MessageId, IReadOnlyList<string> Recipients) Distribute(string postId, MailingList list, RawMessage message, PostingDecision? decision)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var messageId = message.Headers[HeaderId.MessageId]?.Trim() ?? "";
        var already = messageId.Length == 0 ? new HashSet<string>()
            : recent.Recipients(messageId, now - options.Value.DuplicateWindow, except: list.Address);
        var recipients = roster.Recipients(list.Address).Where(a => !already.Contains(a)).ToList();
        Mark(message.Headers, decision, now);
        // With a web port each member's copy gets its own one-click link (RFC 8058) at delivery.
        var personalised = personal?.OneClick == true;
        var bytes = _pipeline.Process(list, message, personalised, new ArchiveHeadersHandler(links, postId), out var archived);
        // Archived before the hand-off, so that Archived-At never points at a missing page; both are idempotent per post id.
        // The archive keeps the author's own From (DMARC mitigation is for the delivered copies only) and the post with
        // blocked parts stripped, without the text alternative and the footer (for the members' mail programs only).
        archiver.Record(postId, list, content.Filter(list, archived), now);
        // Once per post, not per member: the body edits make one copy that every job streams.
        bytes = content.Process(list, bytes);
        handoff.Hand(postId, list, messageId.Length == 0 ? postId : messageId, "", recipients, bytes, personalised);
        return (messageId, recipients);
    }

    /// <summary>Records a distribution for duplicate suppression.</summary>
    /// <remarks>Only after the spool entry is gone: recorded earlier, a crash before the removal would make the rerun
    /// discard the post as its own duplicate. A crash in between costs at most one unsuppressed duplicate.</remarks>
    public void Remember(MailingList list, (string MessageId, IReadOnlyList<string> Recipients) distribution)
    {
        if (distribution.MessageId.Length > 0)
            recent.Record(list.Address, distribution.MessageId, distribution.Recipients, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>Writes the chain's hits and misses (Mailman's <c>X-Mailman-Rule-Hits</c>), or the approval time.</summary>
    static void Mark(HeaderList headers, PostingDecision? decision, DateTime now)
    {
        headers.RemoveAll("X-Integreat-Rule-Hits");
        headers.RemoveAll("X-Integreat-Rule-Misses");
        headers.RemoveAll("X-Integreat-Approved-At");
        if (decision is null)
        {
            headers.Add("X-Integreat-Approved-At", MimeKit.Utils.DateUtils.FormatDate(new DateTimeOffset(now)));
            return;
        }
        if (decision.Hits.Count > 0) headers.Add("X-Integreat-Rule-Hits", string.Join("; ", decision.Hits));
        if (decision.Misses.Count > 0) headers.Add("X-Integreat-Rule-Misses", string.Join("; ", decision.Misses));
    }
}
