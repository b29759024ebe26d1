using Integreat.Lists.Daemon.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary>Builds the daemon's host from validated settings.</summary>
public static class DaemonHost
{
    /// <summary>Creates (does not start) the host.</summary>
    /// <param name="settings">Validated settings.</param>
    /// <param name="configure">Test hook: replaces registrations (e.g. a fake <see cref="TimeProvider"/>).</param>
    public static IHost Build(Settings settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Logging.ClearProviders();
        if (settings.Log.Format == LogOptions.Json)
        {
            // One JSON object per line: the message, its template's fields under "State", and the event id.
            builder.Logging.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fff ";
                o.UseUtcTimestamp = true;
            });
        }
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        // "No XML encryptor configured" at every first start: the web keys are kept unencrypted on purpose, in a
        // directory only the daemon's user can read (WebKeyRing); the warning only alarmed first-time operators.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.Smtp.DrainTimeout + TimeSpan.FromSeconds(30));
        builder.Services.AddIntegreatStorage(settings).AddIntegreatSeeding().AddIntegreatSmtpIntake(settings).AddIntegreatRunners(settings).AddIntegreatWeb();
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
