using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Bounces;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Daemon.Runners;

/// <summary>Drains the <c>bounces</c> queue through <see cref="BounceProcessor"/> and runs
/// <see cref="BounceMaintenance"/> every <c>Bounces:MaintenanceInterval</c> of the injected clock (and after each
/// drained batch, so our own delivery failures are scored promptly).</summary>
/// <remarks>Processing and maintenance never run at the same time, so a member's bounce state is changed by one of
/// them at a time; tests drive <see cref="RunMaintenance"/> directly after advancing a fake clock.</remarks>
public sealed class BounceRunner : SpoolRunner
{
    readonly BounceProcessor _processor;
    readonly BounceMaintenance _maintenance;
    readonly BounceActions _actions;
    readonly BounceSignal _signal;
    readonly TimeProvider _time;
    readonly ILogger<BounceRunner> _logger;

    /// <summary>Creates the runner.</summary>
    public BounceRunner(ISpool spool, BounceProcessor processor, BounceMaintenance maintenance, BounceActions actions,
        BounceSignal signal, TimeProvider time, ILogger<BounceRunner> logger, ProcessingGate gate)
        : base(QueueName.Bounces, spool, signal.Signal, time, logger, gate)
    {
        (_processor, _maintenance, _actions, _signal, _time, _logger) = (processor, maintenance, actions, signal, time, logger);
    }

    /// <summary>How often the queue is rescanned and our own delivery failures are scored, at the longest.</summary>
    static readonly TimeSpan Rescan = TimeSpan.FromSeconds(30);

    readonly Lock _gate = new();
    DateTime _nextMaintenance = DateTime.MinValue;

    /// <summary>Raised after each maintenance pass (for tests), with how many members changed.</summary>
    public event Action<int>? MaintenanceFinished;

    /// <inheritdoc/>
    protected override void Process(string id)
    {
        lock (_gate) _processor.Process(id);
    }

    /// <summary>Runs one maintenance pass now.</summary>
    /// <returns>How many members changed.</returns>
    public int RunMaintenance()
    {
        int changed;
        using (Gate.Enter())
        lock (_gate)
        {
            changed = _maintenance.Run();
            _nextMaintenance = _time.GetUtcNow().UtcDateTime + _actions.Options.MaintenanceInterval;
        }
        MaintenanceFinished?.Invoke(changed);
        return changed;
    }

    void ScoreDeliveryFailures()
    {
        using (Gate.Enter())
        lock (_gate) _maintenance.ScoreDeliveryFailures();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            while (!stoppingToken.IsCancellationRequested && DrainOnce() > 0)
            {
            }
            try
            {
                if (_time.GetUtcNow().UtcDateTime >= _nextMaintenance) RunMaintenance();
                else ScoreDeliveryFailures();
            }
            catch (Exception ex)
            {
                // The state is in the store; the next pass retries what this one could not finish.
                _logger.LogError(ex, "bounce maintenance failed");
            }
            var wait = _nextMaintenance - _time.GetUtcNow().UtcDateTime;
            wait = wait < Rescan ? (wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1)) : Rescan;
            try { await _signal.Signal.WaitAsync(wait, _time, stoppingToken).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }
}
