using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Addressing;
using Integreat.Lists.Core.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Core.Delivering;

/// <summary>Makes one delivery attempt of a job and applies the failure policy: 2xx done, 5xx a bounce event,
/// 4xx or a broken connection a retry with back-off until <see cref="DeliveryOptions.GiveUpAfter"/>.</summary>
/// <remarks>The one place that decides what a delivery outcome means (Postfix <c>smtp_trouble.c</c>); the
/// transport only reports. Each recipient's final outcome is journaled before the next transaction, so a crash
/// repeats at most the transaction in flight.</remarks>
public sealed class DeliveryProcessor(
    IDeliveryQueue queue,
    IOutgoingStore outgoing,
    IDeliveryJournal journal,
    IBounceEventStore bounces,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<DeliveryProcessor> logger,
    IListMetrics? metrics = null,
    Unsubscribe.RecipientHeaders? personal = null,
    Privacy.LogAddresses? logAddresses = null)
{
    readonly Privacy.LogAddresses _logAddresses = logAddresses ?? Privacy.LogAddresses.Plain;
    const int MaxReconnects = 2;
    readonly DeliveryOptions _options = options.Value;
    readonly IListMetrics _metrics = metrics ?? NoListMetrics.Instance;

    /// <summary>Raised after a job's new state is saved (for tests and metrics): the job and whether it is finished.</summary>
    public event Action<DeliveryJob, bool>? AttemptFinished;

    /// <summary>Attempts <paramref name="job"/> over the session <paramref name="session"/> returns.</summary>
    /// <param name="job">A due job.</param>
    /// <param name="session">Returns an open session; throws <see cref="TransportException"/> when none can be opened.</param>
    /// <param name="relay">The relay name for the log.</param>
    /// <param name="cancellationToken">Shutdown: the job is left as it is and resumes from its journal.</param>
    public async Task AttemptAsync(DeliveryJob job, Func<CancellationToken, Task<IOutboundSession>> session, string relay,
        CancellationToken cancellationToken)
    {
        var journaled = journal.Read(job.Id);
        var pending = job.Recipients.Where(r => !journaled.ContainsKey(r)).ToList();
        var deferred = new List<RecipientResult>();
        var attempt = job.Attempts + 1;
        if (pending.Count > 0)
        {
            var message = outgoing.Read(job.PostId);
            // Everything of the members' own fields that does not depend on the member is prepared once per job.
            using var copies = job.Personalised ? personal?.ForPost(job.List, message) : null;
            var open = await OpenAsync(session, cancellationToken).ConfigureAwait(false);
            var reconnects = 0;
            var transactions = new Queue<(string Sender, List<string> Recipients)>(Transactions(job, pending));
            while (transactions.TryDequeue(out var batch))
            {
                // A server that dropped us mid-job (421, reset) gets one more connection per attempt.
                if (open.Session is { IsUsable: false } && reconnects++ < MaxReconnects)
                    open = await OpenAsync(session, cancellationToken).ConfigureAwait(false);
                var results = open.Session is null
                    ? batch.Recipients.Select(r => new RecipientResult(r, 421, open.Error)).ToList()
                    : await SendAsync(open.Session, Prefix(copies, batch.Recipients), message, batch, cancellationToken).ConfigureAwait(false);
                var rest = TooManyRecipients(results);
                if (rest.Count > 0) transactions.Enqueue((batch.Sender, rest));
                foreach (var result in results.Where(r => !rest.Contains(r.Recipient)))
                    Record(job, result, relay, attempt, deferred);
            }
        }
        Finish(job, deferred);
    }

    async Task<(IOutboundSession? Session, string Error)> OpenAsync(Func<CancellationToken, Task<IOutboundSession>> session,
        CancellationToken cancellationToken)
    {
        try { return (await session(cancellationToken).ConfigureAwait(false), ""); }
        catch (TransportException ex) { return (null, "4.4.1 " + ex.Message); }
    }

    /// <summary>The recipient's own header fields for a personalised job (one recipient per transaction), else none.</summary>
    static byte[] Prefix(Unsubscribe.RecipientCopies? copies, List<string> recipients)
        => copies is not null && recipients.Count == 1 ? copies.For(recipients[0]) : [];

    static async Task<IReadOnlyList<RecipientResult>> SendAsync(IOutboundSession session, byte[] prefix, byte[] message,
        (string Sender, List<string> Recipients) batch, CancellationToken cancellationToken)
    {
        if (!session.IsUsable) return batch.Recipients.Select(r => new RecipientResult(r, 421, "4.4.2 connection lost")).ToList();
        try
        {
            return await session.SendAsync(prefix, message, batch.Sender, batch.Recipients, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException ex)
        {
            return batch.Recipients.Select(r => new RecipientResult(r, 421, "4.4.2 " + ex.Message)).ToList();
        }
    }

    /// <summary>The recipients refused with 452 in a transaction that delivered to others: the server's limit of
    /// recipients per transaction, so they go in the next transaction at once (RFC 5321 §4.5.3.1.10) instead of
    /// waiting for a retry. Each such transaction delivers at least one recipient, so this ends.</summary>
    static List<string> TooManyRecipients(IReadOnlyList<RecipientResult> results)
        => results.Any(r => r.Delivered) ? results.Where(r => r.Code == 452).Select(r => r.Recipient).ToList() : [];

    IEnumerable<(string Sender, List<string> Recipients)> Transactions(DeliveryJob job, List<string> pending)
    {
        var bouncesAddress = ListAddresses.For(job.List).Bounces;
        if (job.Sender.Length > 0) return [(job.Sender, pending)];
        // A personalised copy goes to its recipient alone, with or without VERP.
        if (!_options.Verp) return job.Personalised ? pending.Select(r => (bouncesAddress, new List<string> { r })) : [(bouncesAddress, pending)];
        return pending.Select(r => (VerpAddress.Encode(bouncesAddress, r), new List<string> { r }));
    }

    void Record(DeliveryJob job, RecipientResult result, string relay, int attempt, List<RecipientResult> deferred)
    {
        var status = result.Delivered ? "sent" : result.Permanent ? "bounced" : "deferred";
        logger.Delivery(job.MessageId, job.List, _logAddresses.Of(result.Recipient), relay, attempt, result.Dsn, status,
            _logAddresses.In(result.Reply, result.Recipient));
        _metrics.RecipientAttempted(job.List, status, time.GetUtcNow().UtcDateTime - job.CreatedUtc);
        if (!result.Delivered && !result.Permanent)
        {
            deferred.Add(result);
            return;
        }
        // The bounce event is written before the journal line: a crash in between repeats the event, never loses it.
        if (result.Permanent) AddBounce(job, result.Recipient, result.Dsn, result.Reply);
        journal.Append(job.Id, result.Recipient, result.Code);
    }

    void Finish(DeliveryJob job, List<RecipientResult> deferred)
    {
        var now = time.GetUtcNow().UtcDateTime;
        job.Attempts++;
        var finished = deferred.Count == 0 || now >= job.CreatedUtc + _options.GiveUpAfter;
        if (finished)
        {
            if (deferred.Count > 0) GiveUp(job, deferred);
            if (!queue.Complete(job)) outgoing.Delete(job.PostId);
        }
        else
        {
            job.Recipients = deferred.Select(d => d.Recipient).ToList();
            job.LastError = deferred[0].Reply;
            job.NextAttemptUtc = now + RetrySchedule.DelayAfter(job.Attempts, _options);
            queue.Update(job);
        }
        journal.Delete(job.Id);
        AttemptFinished?.Invoke(job, finished);
    }

    /// <summary>Parks a job whose attempt failed unexpectedly (a defect or a damaged file), so it neither spins
    /// nor disappears; the journal stays, so a requeue does not repeat finished recipients.</summary>
    public void Shunt(DeliveryJob job, Exception error)
    {
        job.Shunted = true;
        job.NextAttemptUtc = DateTime.MaxValue;
        job.LastError = "shunted: " + error.GetType().Name + ": " + error.Message.ReplaceLineEndings(" ");
        queue.Update(job);
        AttemptFinished?.Invoke(job, false);
    }

    void GiveUp(DeliveryJob job, List<RecipientResult> deferred)
    {
        logger.GaveUp(job.MessageId, job.List, job.Id, job.Attempts);
        foreach (var d in deferred) AddBounce(job, d.Recipient, "4.4.7", "delivery time expired: " + d.Reply);
    }

    void AddBounce(DeliveryJob job, string recipient, string dsn, string reply)
    {
        bounces.Add(new BounceEvent
        {
            List = job.List, Address = recipient, MessageId = job.MessageId, Dsn = dsn, Reply = reply,
            TimeUtc = time.GetUtcNow().UtcDateTime,
        });
        _metrics.BounceRecorded(job.List);
    }
}
