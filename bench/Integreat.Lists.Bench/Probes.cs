using System.Diagnostics;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;

namespace Integreat.Lists.Bench;

/// <summary>One timed operation: calls and summed elapsed time (over all threads).</summary>
sealed class Probe(string name)
{
    long _calls;
    long _ticks;

    public string Name { get; } = name;
    public long Calls => Interlocked.Read(ref _calls);
    public double TotalMs => Interlocked.Read(ref _ticks) * 1000.0 / Stopwatch.Frequency;

    public void Reset()
    {
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _calls, 0);
    }

    public void Add(long startTimestamp)
    {
        Interlocked.Add(ref _ticks, Stopwatch.GetTimestamp() - startTimestamp);
        Interlocked.Increment(ref _calls);
    }

    public override string ToString() => Calls == 0
        ? $"{Name,-18} -"
        : $"{Name,-18} {TotalMs,10:0.0} ms {Calls,8} calls {TotalMs * 1000 / Calls,10:0.0} us/call";
}

/// <summary>Thin timing decorators around the daemon's ports (queue, journal, outgoing store, transport), registered
/// over the real implementations. A <see cref="Stopwatch.GetTimestamp"/> pair per call: negligible next to the I/O.</summary>
sealed class Probes
{
    public Probe QueueAdd { get; } = new("queue.Add");
    public Probe QueueDue { get; } = new("queue.Due");
    public Probe QueueNextDue { get; } = new("queue.NextDueUtc");
    public Probe QueueUpdate { get; } = new("queue.Update");
    public Probe QueueComplete { get; } = new("queue.Complete");
    public Probe QueueHasJobs { get; } = new("queue.HasJobsFor");
    public Probe JournalRead { get; } = new("journal.Read");
    public Probe JournalAppend { get; } = new("journal.Append");
    public Probe JournalDelete { get; } = new("journal.Delete");
    public Probe OutgoingWrite { get; } = new("outgoing.Write");
    public Probe OutgoingRead { get; } = new("outgoing.Read");
    public Probe SmtpOpen { get; } = new("smtp.Open");
    public Probe SmtpSend { get; } = new("smtp.Send");

    /// <summary>When the post's jobs were queued (end of the fan-out), a <see cref="Stopwatch"/> timestamp; 0 before.</summary>
    public long JobsQueuedAt;

    /// <summary>The bytes of the last message written to the outgoing store (what goes to every member).</summary>
    public byte[]? OutgoingMessage;

    /// <summary>The member's own header fields of the last personalised copy sent (one-click List-Unsubscribe, DKIM
    /// signature), written before <see cref="OutgoingMessage"/>; empty when copies are not personalised.</summary>
    public byte[] LastPrefix = [];

    /// <summary>Each <see cref="IDeliveryQueue.Complete"/> call, in call order, with its duration.</summary>
    public List<(int Left, double Ms)> Completions { get; } = [];

    public void Reset()
    {
        foreach (var probe in All) probe.Reset();
        lock (Completions) Completions.Clear();
        JobsQueuedAt = 0;
        OutgoingMessage = null;
        LastPrefix = [];
    }

    /// <summary>The mean duration of <see cref="IDeliveryQueue.Complete"/> by quarter of the post's drain (Left counts
    /// down from the number of calls, so a cost that grows with the jobs left shows as a falling series).</summary>
    public string CompletionProfile()
    {
        List<(int Left, double Ms)> calls;
        lock (Completions) calls = [.. Completions];
        if (calls.Count < 8) return "too few calls";
        calls = calls.Select(c => (c.Left + calls.Count - 1, c.Ms)).ToList();
        var max = calls.Max(c => c.Left) + 1;
        return string.Join(", ", Enumerable.Range(0, 4).Reverse().Select(q =>
        {
            var part = calls.Where(c => c.Left * 4 / max == q).ToList();
            return part.Count == 0 ? "" : $"{part.Min(c => c.Left)}-{part.Max(c => c.Left)} left: {part.Average(c => c.Ms) * 1000:0} us";
        }).Where(t => t.Length > 0));
    }

    public IEnumerable<Probe> All =>
    [
        QueueAdd, QueueHasJobs, QueueDue, QueueNextDue, QueueUpdate, QueueComplete, JournalRead, JournalAppend, JournalDelete,
        OutgoingWrite, OutgoingRead, SmtpOpen, SmtpSend,
    ];
}

sealed class TimedQueue(IDeliveryQueue inner, Probes probes) : IDeliveryQueue
{
    public void Add(IReadOnlyCollection<DeliveryJob> jobs)
    {
        var t = Stopwatch.GetTimestamp();
        inner.Add(jobs);
        probes.QueueAdd.Add(t);
        Volatile.Write(ref probes.JobsQueuedAt, Stopwatch.GetTimestamp());
    }

    public bool HasJobsFor(string postId)
    {
        var t = Stopwatch.GetTimestamp();
        try { return inner.HasJobsFor(postId); }
        finally { probes.QueueHasJobs.Add(t); }
    }

    public IReadOnlyList<DeliveryJob> Due(DateTime nowUtc, int max, IReadOnlySet<string> exclude)
    {
        var t = Stopwatch.GetTimestamp();
        try { return inner.Due(nowUtc, max, exclude); }
        finally { probes.QueueDue.Add(t); }
    }

    public DateTime? NextDueUtc()
    {
        var t = Stopwatch.GetTimestamp();
        try { return inner.NextDueUtc(); }
        finally { probes.QueueNextDue.Add(t); }
    }

    public void Update(DeliveryJob job)
    {
        var t = Stopwatch.GetTimestamp();
        try { inner.Update(job); }
        finally { probes.QueueUpdate.Add(t); }
    }

    public bool Complete(DeliveryJob job)
    {
        var t = Stopwatch.GetTimestamp();
        var left = inner.Complete(job);
        probes.QueueComplete.Add(t);
        var ms = (Stopwatch.GetTimestamp() - t) * 1000.0 / Stopwatch.Frequency;
        lock (probes.Completions) probes.Completions.Add((-probes.Completions.Count, ms));
        return left;
    }

    public IReadOnlyList<DeliveryJob> All() => inner.All();
}

sealed class TimedJournal(IDeliveryJournal inner, Probes probes) : IDeliveryJournal
{
    public IReadOnlyDictionary<string, int> Read(string jobId)
    {
        var t = Stopwatch.GetTimestamp();
        try { return inner.Read(jobId); }
        finally { probes.JournalRead.Add(t); }
    }

    public void Append(string jobId, string recipient, int code)
    {
        var t = Stopwatch.GetTimestamp();
        try { inner.Append(jobId, recipient, code); }
        finally { probes.JournalAppend.Add(t); }
    }

    public void Delete(string jobId)
    {
        var t = Stopwatch.GetTimestamp();
        try { inner.Delete(jobId); }
        finally { probes.JournalDelete.Add(t); }
    }
}

sealed class TimedOutgoing(IOutgoingStore inner, Probes probes) : IOutgoingStore
{
    public void Write(string postId, byte[] message)
    {
        var t = Stopwatch.GetTimestamp();
        try { inner.Write(postId, message); }
        finally { probes.OutgoingWrite.Add(t); }
        probes.OutgoingMessage = message;
    }

    public byte[] Read(string postId)
    {
        var t = Stopwatch.GetTimestamp();
        try { return inner.Read(postId); }
        finally { probes.OutgoingRead.Add(t); }
    }

    public void Delete(string postId) => inner.Delete(postId);
}

sealed class TimedTransport(IOutboundTransport inner, Probes probes) : IOutboundTransport
{
    public string Relay => inner.Relay;

    public async Task<IOutboundSession> OpenAsync(CancellationToken cancellationToken)
    {
        var t = Stopwatch.GetTimestamp();
        try { return new TimedSession(await inner.OpenAsync(cancellationToken).ConfigureAwait(false), probes); }
        finally { probes.SmtpOpen.Add(t); }
    }

    sealed class TimedSession(IOutboundSession inner, Probes probes) : IOutboundSession
    {
        public bool IsUsable => inner.IsUsable;

        public async Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] message, string sender, IReadOnlyList<string> recipients,
            CancellationToken cancellationToken)
        {
            var t = Stopwatch.GetTimestamp();
            try { return await inner.SendAsync(message, sender, recipients, cancellationToken).ConfigureAwait(false); }
            finally { probes.SmtpSend.Add(t); }
        }

        // Passed through as it is: the interface's default would join prefix and message into a new array per copy,
        // a copy the daemon's own transports never make.
        public async Task<IReadOnlyList<RecipientResult>> SendAsync(byte[] prefix, byte[] message, string sender,
            IReadOnlyList<string> recipients, CancellationToken cancellationToken)
        {
            var t = Stopwatch.GetTimestamp();
            try { return await inner.SendAsync(prefix, message, sender, recipients, cancellationToken).ConfigureAwait(false); }
            finally
            {
                probes.SmtpSend.Add(t);
                if (prefix.Length > 0) probes.LastPrefix = prefix;
            }
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
