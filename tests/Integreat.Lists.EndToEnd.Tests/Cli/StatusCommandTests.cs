using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using CliEntry = Integreat.Lists.Daemon.Cli.Cli;

namespace Integreat.Lists.EndToEnd.Tests.Cli;

/// <summary><c>integreat-lists status</c>, inside a running daemon (as the control socket runs it) and with the
/// store opened by the CLI itself.</summary>
public sealed class StatusCommandTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task In_the_daemon_it_shows_the_last_delivery_and_the_deferred_job()
    {
        await using var smarthost = await FakeSmarthost.StartAsync();
        smarthost.ScriptAlways("max@example.net", "451 4.3.0 try again later");
        await using var daemon = await TestDaemon.StartAsync(smarthost.HostPort);
        daemon.AddMembers(["erika@example.org", "max@example.net"]);
        var deferred = daemon.WaitForAttemptAsync((job, finished) => !finished, Timeout);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await deferred;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliEntry.RunInDaemonAsync(["status"], daemon.Services, output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("version: ", lines[0]);
        Assert.Contains("daemon: running", lines);
        Assert.Contains("spool in: 0", lines);
        Assert.Contains("delivery deferred: 1 jobs, 1 recipients", lines);
        Assert.Contains("delivery shunted: 0", lines);
        Assert.Matches(@"^oldest deferred: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(0m \d+s ago\)$", Assert.Single(lines, l => l.StartsWith("oldest deferred: ")));
        Assert.Matches(@"^last delivery: \d{4}-", Assert.Single(lines, l => l.StartsWith("last delivery: ")));
    }

    [Fact]
    public async Task Without_a_daemon_it_reads_the_store_and_says_so()
    {
        using var sandbox = new CliSandbox();
        (await sandbox.RunAsync("lists", "create", "bayern@lists.example.org")).AssertSuccess();

        var lines = (await sandbox.RunAsync("status")).AssertSuccess().OutLines;

        Assert.Contains("daemon: not running", lines);
        Assert.Contains("delivery due: 0", lines);
        Assert.Contains("oldest deferred: -", lines);
        Assert.Contains("last delivery: -", lines);
    }

    [Fact]
    public async Task On_a_directory_without_a_store_it_says_so_and_creates_nothing()
    {
        using var sandbox = new CliSandbox();

        var result = await sandbox.RunAsync("status");

        Assert.Equal(1, result.Code);
        Assert.StartsWith("error: there is no store at ", Assert.Single(result.ErrLines));
        Assert.False(File.Exists(sandbox.Settings.Storage.DatabasePath));
    }
}
