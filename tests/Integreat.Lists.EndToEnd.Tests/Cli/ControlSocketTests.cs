using System.Net.Sockets;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Daemon.Control;
using Integreat.Lists.Daemon.Hosting;
using Integreat.Lists.Daemon.Runners;
using Integreat.Lists.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary>While the daemon runs, only the daemon may use the store, so the CLI goes through its control socket.</summary>
public sealed class ControlSocketTests : IDisposable
{
    const string Bayern = "bayern@lists.example.org";
    readonly CliSandbox _sandbox = new();

    string SocketPath => Path.Combine(_sandbox.DataDirectory, "control.sock");

    [Fact]
    public async Task Commands_while_the_daemon_runs_change_the_running_daemon()
    {
        using var host = DaemonHost.Build(_sandbox.Settings, services => services.AddSingleton<IRosterRepository>(
            sp => new RecordingRosterRepository(new LiteRosterRepository(sp.GetRequiredService<LiteStore>()))));
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<SmtpIntakeService>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(SocketPath));

            (await _sandbox.RunAsync("lists", "create", Bayern)).AssertSuccess();
            var added = (await _sandbox.RunAsync("members", "add", Bayern, "erika@example.org")).AssertSuccess();

            Assert.Equal(["added erika@example.org"], added.OutLines);
            var roster = host.Services.GetRequiredService<IRosterRepository>();
            Assert.Equal(["erika@example.org"], ((RecordingRosterRepository)roster).Added);
            Assert.NotNull(roster.Find(Bayern, "erika@example.org"));
            Assert.Equal("error: 'foo' is not a valid address", (await _sandbox.RunAsync("members", "add", Bayern, "foo")).AssertBadInput());
        }
        finally
        {
            await host.StopAsync();
        }
        Assert.False(File.Exists(SocketPath));
        Assert.Equal(["erika@example.org"], (await _sandbox.RunAsync("members", "list", Bayern)).AssertSuccess().OutLines);
    }

    [Fact]
    public async Task Import_while_the_daemon_runs_reads_the_file_the_caller_named()
    {
        using var host = DaemonHost.Build(_sandbox.Settings);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<SmtpIntakeService>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
            await _sandbox.RunAsync("lists", "create", Bayern);
            var csv = _sandbox.WriteFile("members.csv", "erika@example.org,\"Muster, Erika\"\n");

            var result = (await _sandbox.RunAsync("members", "import", Bayern, csv)).AssertSuccess();

            Assert.Equal(["line 1: added erika@example.org", "added 1, already present 0"], result.OutLines);
            Assert.Equal("Muster, Erika", host.Services.GetRequiredService<IRosterRepository>().Find(Bayern, "erika@example.org")!.DisplayName);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Idle_connections_do_not_hold_up_a_command()
    {
        using var host = DaemonHost.Build(_sandbox.Settings);
        await host.StartAsync();
        var idle = new List<Socket>();
        try
        {
            await host.Services.GetRequiredService<SmtpIntakeService>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
            for (var i = 0; i < 5; i++)
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                idle.Add(socket);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
            }

            // Served one after the other, the command would wait out each idle client's request timeout first
            // (5 x the timeout); three timeouts leave room for a loaded machine and still tell the two apart.
            var command = _sandbox.RunAsync("lists", "create", Bayern);
            var bound = ControlServer.RequestTimeout * 3;
            var first = await Task.WhenAny(command, Task.Delay(bound));

            Assert.True(first == command, $"the command did not complete within {bound.TotalSeconds} s " +
                "while 5 idle connections were open");
            (await command).AssertSuccess();
            Assert.NotNull(host.Services.GetRequiredService<IListRepository>().Find(Bayern));
        }
        finally
        {
            foreach (var socket in idle) socket.Dispose();
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_request_timeout()
    {
        using var host = DaemonHost.Build(_sandbox.Settings);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<SmtpIntakeService>().Listening.WaitAsync(TimeSpan.FromSeconds(10));
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));

            // The daemon closes the connection without a reply: the read ends with 0 bytes.
            var read = socket.ReceiveAsync(new byte[16], SocketFlags.None);
            var first = await Task.WhenAny(read, Task.Delay(ControlServer.RequestTimeout * 4));

            Assert.True(first == read, "the daemon kept an idle control connection open");
            Assert.Equal(0, await read);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task A_socket_file_nobody_listens_on_is_ignored_and_the_store_opened_directly()
    {
        Directory.CreateDirectory(_sandbox.DataDirectory);
        File.WriteAllText(SocketPath, "");

        (await _sandbox.RunAsync("lists", "create", Bayern)).AssertSuccess();

        Assert.Equal([$"{Bayern}\tBayern"], (await _sandbox.RunAsync("lists", "list")).OutLines);
        Assert.True(File.Exists(SocketPath));
    }

    [Fact]
    public async Task A_store_held_by_another_process_without_a_socket_is_an_error_not_a_second_writer()
    {
        // Stands in for a daemon that holds the store but whose socket is gone.
        using var held = StoreLock.TryAcquire(_sandbox.Settings.Storage);
        Assert.NotNull(held);

        var result = await _sandbox.RunAsync("lists", "create", Bayern);

        Assert.Equal(1, result.Code);
        Assert.Contains("in use by another process", Assert.Single(result.ErrLines));
        Assert.False(File.Exists(_sandbox.Settings.Storage.DatabasePath));
    }

    public void Dispose() => _sandbox.Dispose();
}
