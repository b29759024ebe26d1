using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Runners;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary><c>integreat-lists serve</c>: runs the daemon until SIGTERM/SIGINT.</summary>
public static class ServeCommand
{
    /// <summary>Runs the daemon.</summary>
    /// <returns>0 after a clean stop; 1 when the store or the SMTP listener could not start, or when a runner
    /// (any hosted <see cref="BackgroundService"/>) failed and so stopped the host; 2 on bad settings.</returns>
    /// <remarks>A failed runner stops the whole host (<see cref="BackgroundServiceExceptionBehavior.StopHost"/>),
    /// which on its own ends like a clean stop. The non-zero exit code is what lets systemd's
    /// <c>Restart=on-failure</c> or Docker's <c>on-failure</c> restart the daemon.</remarks>
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
        var busy = ListenPreflight.Problems(settings.Smtp.Listen);
        foreach (var problem in busy) await error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
        if (busy.Count > 0) return 1;
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
        return await ReportFailedServicesAsync(host, error).ConfigureAwait(false) ? 1 : 0;
    }

    /// <summary>Logs every hosted service whose <see cref="BackgroundService.ExecuteTask"/> ended in an exception.</summary>
    /// <returns>True when there was one.</returns>
    static async Task<bool> ReportFailedServicesAsync(IHost host, TextWriter error)
    {
        var failed = host.Services.GetServices<IHostedService>()
            .OfType<BackgroundService>()
            .Distinct()
            .Where(s => s.ExecuteTask is { IsFaulted: true })
            .ToList();
        if (failed.Count == 0) return false;
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServeCommand).FullName!);
        foreach (var service in failed)
        {
            var cause = service.ExecuteTask!.Exception!.GetBaseException();
            var reason = cause.GetType().Name + ": " + cause.Message.ReplaceLineEndings(" ");
            logger.LogCritical(cause, "{Service} failed and stopped the daemon: {Reason}; exiting with code 1 so that a supervisor restarts it",
                service.GetType().Name, reason);
            await error.WriteLineAsync($"error: the daemon stopped because {service.GetType().Name} failed: {reason}").ConfigureAwait(false);
        }
        return true;
    }
}
