using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Control;
using Integreat.Lists.Daemon.Hosting;

namespace Integreat.Lists.Daemon.Cli;

/// <summary><c>serve</c> from the command line: takes the store lock for the daemon's lifetime, then runs
/// <see cref="ServeCommand"/>.</summary>
internal static class ServeAction
{
    /// <summary>How long a starting daemon waits for a CLI command that has the store open to finish.</summary>
    static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    /// <summary>Runs the daemon.</summary>
    /// <returns><see cref="ServeCommand"/>'s exit code; 1 when another process keeps the store.</returns>
    public static async Task<int> RunAsync(string? configFile, TextWriter error, CancellationToken cancellationToken)
    {
        Settings settings;
        try
        {
            settings = Settings.Bind(SettingsLoader.Load(configFile));
        }
        catch (SettingsException)
        {
            // ServeCommand reports every problem in its words.
            return await ServeCommand.RunAsync(configFile, error, cancellationToken).ConfigureAwait(false);
        }
        using var storeLock = await StoreLock.AcquireAsync(settings.Storage, LockWait, cancellationToken).ConfigureAwait(false);
        if (storeLock is null)
        {
            await error.WriteLineAsync($"error: the daemon cannot start: another process uses the store in " +
                $"{Path.GetFullPath(settings.Storage.Directory)}").ConfigureAwait(false);
            return 1;
        }
        return await ServeCommand.RunAsync(configFile, error, cancellationToken).ConfigureAwait(false);
    }
}
