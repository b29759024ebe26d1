using System.Threading.Channels;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Daemon.Runners;

/// <summary>Delivers due jobs: a dispatcher hands due jobs to <see cref="DeliveryOptions.Connections"/> workers,
/// each keeping one connection to the next hop open across jobs.</summary>
/// <remarks>Jobs in flight are only tracked in memory: after a restart every job is simply due again and resumes
/// from its journal.</remarks>
public sealed class OutgoingRunner(
    IDeliveryQueue queue,
    DeliveryProcessor processor,
    IOutboundTransport transport,
    DeliverySignal signal,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    ILogger<OutgoingRunner> logger,
    ProcessingGate gate) : BackgroundService
{
    static readonly TimeSpan Rescan = TimeSpan.FromMinutes(1);
    readonly Channel<DeliveryJob> _jobs = Channel.CreateBounded<DeliveryJob>(Math.Max(2, options.Value.Connections * 2));
    readonly HashSet<string> _inFlight = [];
    (bool Waiting, DateTime? Next) _idle;

    /// <summary>Raised when the dispatcher has nothing due and starts waiting (its timer already set), with the
    /// next due time or null; lets tests move a fake clock without racing the dispatcher.</summary>
    public event Action<DateTime?>? Waiting;

    /// <summary>Whether the dispatcher is waiting now, and for which due time (null: the queue is empty).</summary>
    public (bool Waiting, DateTime? Next) IdleState
    {
        get { lock (_inFlight) return _idle; }
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The one line that tells an operator where mail goes without posting a test message.
        logger.LogInformation("delivery: {Mode} via {Relay}, {Connections} connections",
            options.Value.EffectiveMode?.ToString().ToLowerInvariant(), transport.Relay,
            options.Value.Connections);
        var workers = Enumerable.Range(0, options.Value.Connections).Select(_ => WorkAsync(stoppingToken)).ToList();
        try
        {
            await DispatchAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        _jobs.Writer.TryComplete();
        await Task.WhenAll(workers).ConfigureAwait(false);
    }

    async Task DispatchAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            IReadOnlyList<DeliveryJob> due;
            lock (_inFlight) due = queue.Due(now, options.Value.Connections * 2, _inFlight);
            foreach (var job in due)
            {
                lock (_inFlight) _inFlight.Add(job.Id);
                await _jobs.Writer.WriteAsync(job, stoppingToken).ConfigureAwait(false);
            }
            if (due.Count > 0) continue;
            var next = queue.NextDueUtc();
            var wait = next is null ? Rescan : Clamp(next.Value - now);
            var woken = signal.Signal.WaitAsync(wait, time, stoppingToken);
            lock (_inFlight) _idle = (true, next);
            Waiting?.Invoke(next);
            await woken.ConfigureAwait(false);
            lock (_inFlight) _idle = (false, null);
        }
    }

    static TimeSpan Clamp(TimeSpan wait) => wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait > Rescan ? Rescan : wait;

    async Task WorkAsync(CancellationToken stoppingToken)
    {
        IOutboundSession? session = null;
        try
        {
            while (await WaitForJobAsync(session is not null, stoppingToken).ConfigureAwait(false))
            {
                if (!_jobs.Reader.TryRead(out var job)) { session = await CloseAsync(session).ConfigureAwait(false); continue; }
                try
                {
                    // A backup waits for this attempt to finish; the next one waits for the backup.
                    using var pass = await gate.EnterAsync(stoppingToken).ConfigureAwait(false);
                    await processor.AttemptAsync(job, async ct => session is { IsUsable: true }
                        ? session
                        : session = await ReopenAsync(session, ct).ConfigureAwait(false), transport.Relay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "delivery job {JobId} failed unexpectedly and is shunted", job.Id);
                    processor.Shunt(job, ex);
                }
                finally
                {
                    lock (_inFlight) _inFlight.Remove(job.Id);
                    signal.Signal.Notify();
                }
            }
        }
        finally
        {
            await CloseAsync(session).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a job; with an open connection, only up to the idle timeout (then false-with-close).</summary>
    async Task<bool> WaitForJobAsync(bool connected, CancellationToken stoppingToken)
    {
        if (!connected) return await _jobs.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        idle.CancelAfter(options.Value.IdleConnectionTimeout);
        try { return await _jobs.Reader.WaitToReadAsync(idle.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { return true; }
    }

    async Task<IOutboundSession> ReopenAsync(IOutboundSession? old, CancellationToken cancellationToken)
    {
        await CloseAsync(old).ConfigureAwait(false);
        return await transport.OpenAsync(cancellationToken).ConfigureAwait(false);
    }

    static async Task<IOutboundSession?> CloseAsync(IOutboundSession? session)
    {
        if (session is not null) await session.DisposeAsync().ConfigureAwait(false);
        return null;
    }
}
