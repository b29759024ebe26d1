using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Notices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Moderation;

/// <summary>The periodic work of the hold queue: sends notices a crash interrupted, expires holds past <see cref="ModerationOptions.HoldExpiry"/> with
/// one notice to the poster, sends each list's moderators a reminder of pending holds once per
/// <see cref="ModerationOptions.DigestInterval"/>, and forgets old Message-IDs.</summary>
/// <remarks>Driven by the injected <see cref="TimeProvider"/>. The time of the last reminder per list is kept in
/// memory: after a restart the first sweep with pending holds reminds at once, which at worst is one extra mail.</remarks>
public sealed class HoldSweeper(
    IHeldPostStore holds,
    IListRepository lists,
    IRosterRepository roster,
    IRecentPostStore recent,
    ISpool spool,
    HoldQueue queue,
    HoldDecisions decisions,
    DeliveryHandoff handoff,
    ITemplateRenderer templates,
    IOptions<ModerationOptions> options,
    TimeProvider time,
    ILogger<HoldSweeper> logger)
{
    readonly Dictionary<string, DateTime> _reminded = new(StringComparer.Ordinal);

    /// <summary>Runs one sweep.</summary>
    /// <returns>(holds expired, reminders sent).</returns>
    public (int Expired, int Reminders) Sweep()
    {
        lock (_reminded) return SweepLocked();
    }

    (int Expired, int Reminders) SweepLocked()
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var post in holds.List().Where(p => !p.Notified))
            if (lists.Find(post.List) is { } list) queue.Notify(list, post, spool.Read(Queues.QueueName.Hold, post.Id).Raw);
        var expired = holds.List().Where(p => p.ExpiresUtc <= now).Count(p => decisions.Expire(p.Id).Done);
        var reminders = 0;
        foreach (var group in holds.List().GroupBy(p => p.List))
        {
            if (lists.Find(group.Key) is not { } list || !Due(list, now)) continue;
            var moderators = HoldQueue.Moderators(roster, list);
            if (moderators.Count == 0) continue;
            var posts = group.ToList();
            var mail = PendingDigest.Compose(templates, list, posts, moderators, time);
            handoff.Hand($"digest-{list.Addresses.LocalPart}-{now:yyyyMMddTHHmmss}", list, mail.MessageId, list.Addresses.Bounces, moderators, mail.Bytes);
            _reminded[list.Address] = now;
            logger.HoldDigest(list.Address, posts.Count, moderators.Count);
            reminders++;
        }
        recent.Forget(now - options.Value.DuplicateWindow);
        return (expired, reminders);
    }

    /// <summary>The first reminder comes one interval after the sweeper started seeing the holds, not at once:
    /// each hold already had its own notice.</summary>
    bool Due(MailingList list, DateTime now)
    {
        if (!_reminded.TryGetValue(list.Address, out var last))
        {
            _reminded[list.Address] = now;
            return false;
        }
        return now - last >= options.Value.DigestInterval;
    }
}
