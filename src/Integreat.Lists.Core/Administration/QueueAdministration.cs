using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Queues;

namespace Integreat.Lists.Core.Administration;

/// <summary>The administrative use cases behind the <c>queue</c> commands: show what waits, and put shunted
/// spool entries and shunted or deferred delivery jobs back to work (Mailman's <c>unshunt</c>).</summary>
/// <remarks>Spool ids and delivery job ids have different shapes, so one id names at most one of them.</remarks>
public sealed class QueueAdministration(
    ISpool spool,
    IDeliveryQueue deliveries,
    IncomingSignal incoming,
    DeliverySignal delivery,
    TimeProvider time,
    IOutgoingStore outgoing,
    IDeliveryJournal journal)
{
    /// <summary>What <see cref="Requeue"/> returns for a delivery job: it went back to the delivery queue.</summary>
    public const string Delivery = "delivery";

    /// <summary>Counts every spool queue and lists the shunted entries and all delivery jobs.</summary>
    public QueueOverview Overview()
    {
        var counts = QueueName.All.ToDictionary(q => q, q => spool.List(q).Count, StringComparer.Ordinal);
        var shunted = spool.List(QueueName.Shunt).Select(id => TryRead(QueueName.Shunt, id)).OfType<SpoolItem>().ToList();
        return new QueueOverview(counts, shunted, deliveries.All());
    }

    /// <summary>Finds a spool entry in any queue; null when no queue holds <paramref name="id"/>.</summary>
    public SpoolItem? FindEntry(string id)
    {
        if (!IsSafeId(id)) return null;
        return QueueName.All.Where(q => spool.List(q).Contains(id)).Select(q => TryRead(q, id)).FirstOrDefault(i => i is not null);
    }

    /// <summary>Finds a delivery job; null when there is none with <paramref name="id"/>.</summary>
    public DeliveryJob? FindJob(string id) => deliveries.All().FirstOrDefault(j => j.Id == id);

    /// <summary>Puts a shunted spool entry back into the queue it came from (<c>in</c> when unknown), or makes a
    /// delivery job due now, and wakes the runner that takes it.</summary>
    /// <returns>Where the item went: a queue name, or <see cref="Delivery"/> for a job.</returns>
    /// <exception cref="AdministrationException">No shunted entry and no delivery job has <paramref name="id"/>.</exception>
    public string Requeue(string id)
    {
        var entry = FindEntry(id);
        if (entry is { Queue: QueueName.Shunt }) return Unshunt(entry);
        var job = FindJob(id);
        if (job is not null) return Resume(job);
        if (entry is not null) throw new AdministrationException($"{id} is not shunted (it is in queue {entry.Queue})");
        throw new AdministrationException($"no queue entry {id}");
    }

    string Unshunt(SpoolItem entry)
    {
        // Only a real working queue is a valid destination; a missing or odd WhichQueue means intake, as in Mailman.
        var target = entry.Data.WhichQueue is { } which && which != QueueName.Shunt && QueueName.All.Contains(which) ? which : QueueName.In;
        try
        {
            spool.Move(QueueName.Shunt, entry.Data.Id, target, entry.Data with { WhichQueue = null, Reason = null });
        }
        catch (InvalidDataException ex)
        {
            throw new AdministrationException($"cannot requeue {entry.Data.Id}: {ex.Message}");
        }
        if (target == QueueName.In) incoming.Signal.Notify();
        return target;
    }

    /// <summary>Makes every deferred delivery job due now, as after a smarthost outage (Postfix's
    /// <c>postqueue -f</c>); shunted jobs stay where they are, they need a look first.</summary>
    /// <returns>How many jobs were made due.</returns>
    public int Flush()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var deferred = deliveries.All().Where(j => !j.Shunted && j.NextAttemptUtc > now).ToList();
        foreach (var job in deferred)
        {
            job.NextAttemptUtc = now;
            deliveries.Update(job);
        }
        if (deferred.Count > 0) delivery.Signal.Notify();
        return deferred.Count;
    }

    string Resume(DeliveryJob job)
    {
        job.Shunted = false;
        job.NextAttemptUtc = time.GetUtcNow().UtcDateTime;
        deliveries.Update(job);
        delivery.Signal.Notify();
        return Delivery;
    }

    /// <summary>Removes a shunted spool entry, or a shunted or deferred (not yet due) delivery job with its
    /// journal and, when it was the post's last job, the post's message.</summary>
    /// <returns>What was removed: <c>shunt</c> or <see cref="Delivery"/>.</returns>
    /// <exception cref="AdministrationException">No such entry or job, or one still at work (in a working queue,
    /// or a job due now that the daemon may be delivering).</exception>
    public string Delete(string id)
    {
        var entry = FindEntry(id);
        if (entry is { Queue: QueueName.Shunt })
        {
            spool.Delete(QueueName.Shunt, id);
            return QueueName.Shunt;
        }
        if (entry is not null) throw new AdministrationException($"{id} is in queue {entry.Queue}, still at work; only shunted entries can be deleted");
        var job = FindJob(id) ?? throw new AdministrationException($"no queue entry {id}");
        if (!job.Shunted && job.NextAttemptUtc <= time.GetUtcNow().UtcDateTime)
            throw new AdministrationException($"{id} is due and may be in delivery right now; delete it once it is deferred or shunted");
        if (!deliveries.Complete(job)) outgoing.Delete(job.PostId);
        journal.Delete(job.Id);
        return Delivery;
    }

    SpoolItem? TryRead(string queue, string id)
    {
        try
        {
            return new SpoolItem(queue, spool.Read(queue, id).Data, spool.PathOf(queue, id));
        }
        catch (InvalidDataException ex)
        {
            // An entry with unreadable metadata is still shown, so an operator can find and repair its file.
            return new SpoolItem(queue, new MessageData { Id = id, Reason = ex.Message }, spool.PathOf(queue, id));
        }
        catch (FileNotFoundException)
        {
            // A runner took the entry between listing and reading; it is no longer there to show.
            return null;
        }
    }

    static bool IsSafeId(string id) => id.Length > 0 && !id.Contains('/') && !id.Contains('\\') && !id.Contains("..");
}
