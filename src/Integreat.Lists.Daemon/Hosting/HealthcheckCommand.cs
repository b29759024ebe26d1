using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Integreat.Lists.Daemon.Configuration;
using Integreat.Lists.Daemon.Control;
using Integreat.Lists.Smtp;
using Integreat.Lists.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.Daemon.Hosting;

/// <summary><c>integreat-lists healthcheck</c>: connects to the daemon's own SMTP listener and expects a 220
/// greeting within 5 seconds, then asks the daemon through its control socket whether the store, the runners and
/// the queues are ready (for Docker's HEALTHCHECK, as Mailpit's <c>readyz</c>).</summary>
public static class HealthcheckCommand
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

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
        var greeting = await GreetingAsync(settings, configFile, error).ConfigureAwait(false);
        if (greeting is null) return 1;
        var socket = ControlSocket.PathFor(settings.Storage);
        ControlReply? reply;
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            reply = await ControlClient.TryForwardAsync(socket, ["healthcheck"], timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or IOException or JsonException or OperationCanceledException)
        {
            await error.WriteLineAsync($"unhealthy: the daemon at {socket} did not answer: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        if (reply is null)
        {
            await error.WriteLineAsync($"unhealthy: no daemon answers on {socket} (Storage:Directory of {SourceOf(configFile)})").ConfigureAwait(false);
            return 1;
        }
        if (reply.Code != 0)
        {
            await error.WriteAsync(reply.Stderr).ConfigureAwait(false);
            return 1;
        }
        await output.WriteLineAsync("ok: " + greeting).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Inside the daemon (through the control socket): prints <c>ready</c>, or each readiness problem.</summary>
    /// <returns>0 when ready, 1 when not.</returns>
    public static async Task<int> ReadyInDaemonAsync(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var problems = services.GetRequiredService<IReadinessCheck>().Problems();
        foreach (var problem in problems) await error.WriteLineAsync("unhealthy: " + problem).ConfigureAwait(false);
        if (problems.Count == 0) await output.WriteLineAsync("ready: store, SMTP, runners and queues").ConfigureAwait(false);
        return problems.Count == 0 ? 0 : 1;
    }

    /// <returns>The 220 line, or null after writing why there is none.</returns>
    static async Task<string?> GreetingAsync(Settings settings, string? configFile, TextWriter error)
    {
        var endpoint = SmtpServerFactory.ParseEndpoint(settings.Smtp.Listen[0]);
        if (endpoint.Address.Equals(System.Net.IPAddress.Any)) endpoint.Address = System.Net.IPAddress.Loopback;
        if (endpoint.Address.Equals(System.Net.IPAddress.IPv6Any)) endpoint.Address = System.Net.IPAddress.IPv6Loopback;
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            using var client = new TcpClient(endpoint.AddressFamily);
            await client.ConnectAsync(endpoint, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            var buffer = new byte[512];
            var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            var greeting = Encoding.ASCII.GetString(buffer, 0, read).TrimEnd();
            await stream.WriteAsync("QUIT\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            if (greeting.StartsWith("220", StringComparison.Ordinal)) return greeting;
            await error.WriteLineAsync($"unhealthy: SMTP at {endpoint} answered '{greeting}'").ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            await error.WriteLineAsync($"unhealthy: no SMTP greeting from {endpoint} (Smtp:Listen of {SourceOf(configFile)}): {ex.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Where the address checked came from: a daemon started with --config listens where that file says;
    /// without it the check asks the defaults, which may not be the daemon's.</summary>
    static string SourceOf(string? configFile)
        => configFile ?? "the default settings; give healthcheck the daemon's --config FILE";
}
