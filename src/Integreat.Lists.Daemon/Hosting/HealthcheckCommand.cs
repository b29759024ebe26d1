using System.Net.Sockets;
using System.Text;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Smtp;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary><c>integreat-lists healthcheck</c>: connects to the daemon's own SMTP listener and expects a 220
/// greeting within 5 seconds (for Docker's HEALTHCHECK, as Mailpit's <c>readyz</c>).</summary>
public static class HealthcheckCommand
{
    /// <summary>Runs the check.</summary>
    /// <returns>0 when healthy, 1 when not, 2 on bad settings.</returns>
    public static async Task<int> RunAsync(string? configFile, TextWriter output, TextWriter error)
    {
        Settings settings;
        try { settings = Settings.Bind(SettingsLoader.Load(configFile)); }
        catch (SettingsException ex)
        {
            foreach (var problem in ex.Problems) await error.WriteLineAsync("error: " + problem).ConfigureAwait(false);
            return 2;
        }
        var endpoint = SmtpServerFactory.ParseEndpoint(settings.Smtp.Listen[0]);
        if (endpoint.Address.Equals(System.Net.IPAddress.Any)) endpoint.Address = System.Net.IPAddress.Loopback;
        if (endpoint.Address.Equals(System.Net.IPAddress.IPv6Any)) endpoint.Address = System.Net.IPAddress.IPv6Loopback;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            using var client = new TcpClient(endpoint.AddressFamily);
            await client.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            var buffer = new byte[512];
            var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            var greeting = Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
            await stream.WriteAsync("QUIT\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            if (greeting.StartsWith("220", StringComparison.Ordinal))
            {
                await output.WriteLineAsync("ok: " + greeting).ConfigureAwait(false);
                return 0;
            }
            await error.WriteLineAsync($"unhealthy: SMTP at {endpoint} answered '{greeting}'").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            await error.WriteLineAsync($"unhealthy: no SMTP greeting from {endpoint}: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
