using Integreat.Lists.Core.Privacy;
using Integreat.Lists.Core.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Daemon.Runners;

/// <summary>Runs the <see cref="RetentionJob"/> at start and then every <see cref="PrivacyOptions.RetentionInterval"/>
/// of the injected clock, between two units of the other runners' work (it passes the processing gate).</summary>
public sealed class RetentionRunner(RetentionJob job, ProcessingGate gate, IOptions<PrivacyOptions> options, TimeProvider time,
    ILogger<RetentionRunner> logger) : BackgroundService
{
    /// <summary>Raised after each run (for tests), with what it deleted.</summary>
    public event Action<(int BounceRecords, int AuditEntries)>? Finished;

    int _runs;

    /// <summary>How many runs have finished.</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The timer exists before the first run, so the interval counts from the start on the injected clock.
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                (int, int) deleted;
                using (await gate.EnterAsync(stoppingToken).ConfigureAwait(false))
                    deleted = job.Run(time.GetUtcNow().UtcDateTime);
                Interlocked.Increment(ref _runs);
                Finished?.Invoke(deleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Nothing is lost by a failed run: the next one deletes the same records.
                logger.LogError(ex, "the retention job failed: {Reason}", ex.Message);
            }
            try
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false)) return;
            }
            catch (OperationCanceledException) { return; }
        }
    }
}
