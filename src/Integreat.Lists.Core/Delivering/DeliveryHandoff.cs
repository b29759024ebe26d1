using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Dkim;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Core.Delivering;

/// <summary>Hands a finished message to delivery: writes its bytes once and queues its jobs of up to
/// <see cref="DeliveryJob.MaxRecipients"/> recipients, durably, then wakes the outgoing runner.</summary>
/// <remarks>Idempotent per <c>postId</c>: a runner that crashed after the hand-off but before removing its spool
/// entry hands the same post again, and nothing is queued twice. Only after this returns may the spool entry that
/// held the message go.</remarks>
public sealed class DeliveryHandoff(
    IOutgoingStore outgoing,
    IDeliveryQueue deliveries,
    DeliverySignal signal,
    MessageSigner signer,
    TimeProvider time,
    ILogger<DeliveryHandoff> logger)
{
    /// <summary>Queues <paramref name="bytes"/> for <paramref name="recipients"/>.</summary>
    /// <param name="postId">A stable id of this message (the spool id, with a suffix for derived mail).</param>
    /// <param name="list">The list it is sent for.</param>
    /// <param name="messageId">Its Message-ID, for the log.</param>
    /// <param name="sender">A fixed envelope sender, or empty for VERP per recipient.</param>
    /// <param name="recipients">The envelope recipients; nothing is queued when empty.</param>
    /// <param name="bytes">The message (CRLF line ends), sent unchanged but for the list domain's DKIM signature
    /// (added here, once, as the last edit).</param>
    /// <param name="personalised">True for a post whose copies get per-member fields at delivery
    /// (<see cref="DeliveryJob.Personalised"/>): its bytes are stored unsigned, as each copy is signed then.</param>
    public void Hand(string postId, MailingList list, string messageId, string sender, IReadOnlyList<string> recipients,
        byte[] bytes, bool personalised = false)
    {
        if (recipients.Count == 0 || deliveries.HasJobsFor(postId)) return;
        outgoing.Write(postId, personalised ? bytes : signer.Sign(list.Addresses.Domain, bytes));
        var now = time.GetUtcNow().UtcDateTime;
        var jobs = recipients.Chunk(DeliveryJob.MaxRecipients).Select((chunk, i) => new DeliveryJob
        {
            Id = $"{postId}.{i:D5}", PostId = postId, List = list.Address, MessageId = messageId, Sender = sender,
            Recipients = chunk.ToList(), Personalised = personalised, CreatedUtc = now, NextAttemptUtc = now,
        }).ToList();
        deliveries.Add(jobs);
        logger.Queued(messageId, list.Address, recipients.Count, postId);
        signal.Signal.Notify();
    }
}
