using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Moderation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.Daemon.Runners;

/// <summary>Runs <see cref="HoldSweeper.Sweep"/> at start and then every <see cref="ModerationOptions.SweepInterval"/>
/// of the injected clock: expired holds and reminders to moderators.</summary>
public sealed class HoldRunner(HoldSweeper sweeper, IOptions<ModerationOptions> options, TimeProvider time, ILogger<HoldRunner> logger)
    : BackgroundService
{
    /// <summary>Raised after each sweep (for tests), with its counts.</summary>
    public event Action<int, int>? Swept;

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start path: the first sweep reads the store and must not delay the services after us.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (expired, reminders) = sweeper.Sweep();
                Swept?.Invoke(expired, reminders);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or LiteDB.LiteException or FormatException)
            {
                // The holds stay where they are; the next sweep tries again.
                logger.LogError(ex, "hold sweep failed; retrying in {Interval}", options.Value.SweepInterval);
            }
            try
            {
                await Task.Delay(options.Value.SweepInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
