using Integreat.Lists.Core;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Commands;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Daemon.Runners;

/// <summary>Drains the <c>command</c> queue: each entry through <see cref="CommandProcessor"/>; an entry whose
/// processing throws is shunted with its raw bytes and the reason (Mailman's runner loop; STYLE.md rules 4 and 5).</summary>
public sealed class CommandRunner(
    ISpool spool,
    CommandProcessor processor,
    CommandSignal signal,
    TimeProvider time,
    ILogger<CommandRunner> logger) : BackgroundService
{
    /// <summary>A rescan interval in case a wake-up was missed (e.g. an entry requeued by hand).</summary>
    static readonly TimeSpan Rescan = TimeSpan.FromSeconds(30);

    readonly HashSet<string> _stuck = [];

    /// <summary>Raised after an entry was shunted (for tests), with the entry id.</summary>
    public event Action<string>? Shunted;

    /// <summary>Processes every entry now in the <c>command</c> queue, oldest first; returns how many were handled.</summary>
    public int DrainOnce()
    {
        var handled = 0;
        foreach (var id in spool.List(QueueName.Command))
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
            try { await signal.Signal.WaitAsync(Rescan, time, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    void Handle(string id)
    {
        try
        {
            processor.Process(id);
        }
        catch (Exception ex)
        {
            Shunt(id, ex);
        }
    }

    void Shunt(string id, Exception error)
    {
        var reason = error.GetType().Name + ": " + error.Message.ReplaceLineEndings(" ");
        logger.Shunted(error, id, QueueName.Command, reason);
        try
        {
            var entry = spool.Read(QueueName.Command, id);
            spool.Move(QueueName.Command, id, QueueName.Shunt, entry.Data with { WhichQueue = QueueName.Command, Reason = reason });
            Shunted?.Invoke(id);
        }
        catch (Exception ex)
        {
            // The entry stays in place, untouched; skip it until restart so one bad file cannot spin the runner.
            logger.LogCritical(ex, "{Id} could not be shunted and stays in queue command", id);
            _stuck.Add(id);
        }
    }
}
