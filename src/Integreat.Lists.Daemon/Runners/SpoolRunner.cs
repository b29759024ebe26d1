using Integreat.Lists.Core;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Daemon.Runners;

/// <summary>The loop every spool runner shares: drain the queue oldest first, sleep until woken, and shunt any
/// entry whose processing throws, with its raw bytes and the reason (Mailman's runner; STYLE.md rules 4 and 5).</summary>
/// <remarks>A subclass only says which queue it drains and how one entry is processed.</remarks>
public abstract class SpoolRunner(string queue, ISpool spool, QueueSignal signal, TimeProvider time, ILogger logger,
    ProcessingGate gate) : BackgroundService
{
    /// <summary>The gate a backup closes; every unit of work passes it.</summary>
    protected ProcessingGate Gate => gate;

    /// <summary>The spool this runner drains.</summary>
    protected ISpool Spool => spool;

    /// <summary>A rescan interval in case a wake-up was missed (e.g. an entry requeued by hand).</summary>
    static readonly TimeSpan Rescan = TimeSpan.FromSeconds(30);

    readonly HashSet<string> _stuck = [];

    /// <summary>Raised after an entry was shunted (for tests), with the entry id.</summary>
    public event Action<string>? Shunted;

    /// <summary>Processes one entry of the queue and removes or moves it; throws to have it shunted.</summary>
    protected abstract void Process(string id);

    /// <summary>Processes every entry now in the queue, oldest first; returns how many were handled.</summary>
    public int DrainOnce()
    {
        var handled = 0;
        foreach (var id in spool.List(queue))
        {
            if (_stuck.Contains(id)) continue;
            Handle(id);
            handled++;
        }
        return handled;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            while (DrainOnce() > 0 && !stoppingToken.IsCancellationRequested)
            {
            }
            try { await signal.WaitAsync(Rescan, time, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    void Handle(string id)
    {
        using var pass = gate.Enter();
        try
        {
            Process(id);
        }
        catch (Exception ex)
        {
            Shunt(id, ex);
        }
    }

    void Shunt(string id, Exception error)
    {
        var reason = error.GetType().Name + ": " + error.Message.ReplaceLineEndings(" ");
        logger.Shunted(error, id, queue, reason);
        try
        {
            var entry = spool.Read(queue, id);
            spool.Move(queue, id, QueueName.Shunt, entry.Data with { WhichQueue = queue, Reason = reason });
            Shunted?.Invoke(id);
        }
        catch (Exception ex)
        {
            // The entry stays in place, untouched; skip it until restart so one bad file cannot spin the runner.
            logger.LogCritical(ex, "{Id} could not be shunted and stays in queue {Queue}", id, queue);
            _stuck.Add(id);
        }
    }
}
