using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Runners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary><c>integreat-lists serve</c>: runs the daemon until SIGTERM/SIGINT.</summary>
public static class ServeCommand
{
    /// <summary>Runs the daemon.</summary>
    /// <returns>0 after a clean stop; 1 when the store or the SMTP listener could not start; 2 on bad settings.</returns>
    public static async Task<int> RunAsync(string? configFile, TextWriter error, CancellationToken cancellationToken)
    {
        Settings settings;
        try
        {
            settings = Settings.Bind(SettingsLoader.Load(configFile));
        }
        catch (SettingsException ex)
        {
            foreach (var problem in ex.Problems) await error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
            return 2;
        }
        using var host = DaemonHost.Build(settings);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            var intake = host.Services.GetRequiredService<SmtpIntakeService>();
            await intake.Listening.WaitAsync(cancellationToken).ConfigureAwait(false);
            await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or LiteDB.LiteException)
        {
            await error.WriteLineAsync("error: the daemon cannot start: " + ex.Message).ConfigureAwait(false);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        return 0;
    }
}
