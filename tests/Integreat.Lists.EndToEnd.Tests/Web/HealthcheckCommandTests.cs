using System.Text.Json;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Storage;
using CliEntry = Integreat.Lists.Daemon.Cli.Cli;

namespace Integreat.Lists.EndToEnd.Tests.Web;

/// <summary><c>integreat-lists healthcheck</c> against a running daemon: SMTP greeting, then store and runners
/// through the control socket.</summary>
public sealed class HealthcheckCommandTests : IAsyncLifetime
{
    TestDaemon _daemon = null!;
    string _config = "";

    public async Task InitializeAsync()
    {
        _daemon = await TestDaemon.StartAsync(null);
        _config = Path.Combine(_daemon.Directory, "health.json");
        var settings = new
        {
            Smtp = new { Listen = new[] { $"127.0.0.1:{_daemon.Port}" } },
            Storage = new { Directory = Path.Combine(_daemon.Directory, "data") },
            Web = new { Listen = "" },
        };
        await File.WriteAllTextAsync(_config, JsonSerializer.Serialize(settings));
    }

    public async Task DisposeAsync() => await _daemon.DisposeAsync();

    [Fact]
    public async Task Exits_0_while_everything_runs_and_1_naming_the_store_once_it_is_broken()
    {
        var (healthy, healthyOut, healthyError) = await RunAsync();
        Assert.True(healthy == 0, healthyError);
        Assert.StartsWith("ok: 220 ", healthyOut);

        _daemon.Get<LiteStore>().Dispose();
        var (broken, _, brokenError) = await RunAsync();

        Assert.Equal(1, broken);
        Assert.StartsWith("unhealthy: store: ", brokenError);
    }

    [Fact]
    public async Task Without_a_listener_it_exits_1_and_says_which_settings_gave_the_address()
    {
        var port = FreePort();
        await File.WriteAllTextAsync(_config, JsonSerializer.Serialize(new { Smtp = new { Listen = new[] { $"127.0.0.1:{port}" } } }));

        var (code, _, error) = await RunAsync();

        Assert.Equal(1, code);
        Assert.StartsWith($"unhealthy: no SMTP greeting from 127.0.0.1:{port} (Smtp:Listen of {_config}): ", error);
    }

    static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    async Task<(int Code, string Output, string Error)> RunAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliEntry.RunAsync(["healthcheck", "--config", _config], output, error);
        return (code, output.ToString(), error.ToString());
    }
}
