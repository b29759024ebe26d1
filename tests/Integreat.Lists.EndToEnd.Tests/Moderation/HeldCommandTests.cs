using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Commands;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using CliEntry = Integreat.Lists.Daemon.Cli.Cli;

namespace Integreat.Lists.EndToEnd.Tests.Moderation;

/// <summary><c>held list|show|approve|reject</c> inside the running daemon, on a post held over SMTP.</summary>
public sealed class HeldCommandTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _daemon.AddMembers(["erika@example.org", "max@example.net"]);
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.NonmemberAction = NonmemberAction.Hold;
        lists.Update(list);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    async Task<(int Code, string[] Lines, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliEntry.RunInDaemonAsync(args, _daemon.Services, output, error, CancellationToken.None);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), error.ToString());
    }

    [Fact]
    public async Task AHeldPostIsListedShownAndApprovedFromTheCli()
    {
        await _daemon.PostAsync(CommandMailTests.Mail("fremd@example.com", TestDaemon.Bayern, "Sommerfest", "Hallo"), "fremd@example.com", TestDaemon.Bayern);
        // The poster's notice is the sign that the hold is complete.
        await _smarthost.WaitForRecipientsAsync(1, Timeout);

        var list = await RunAsync("held", "list", TestDaemon.Bayern);
        var id = Assert.Single(list.Lines).Split('\t')[0];
        Assert.Contains("fremd@example.com\tSommerfest", list.Lines[0]);
        var show = await RunAsync("held", "show", id);
        Assert.Contains("sender: fremd@example.com", show.Lines);
        Assert.Contains(show.Lines, l => l.StartsWith("reason: fremd@example.com ist kein Mitglied", StringComparison.Ordinal));
        Assert.True(show.Lines.Any(l => l.StartsWith("Subject: Sommerfest", StringComparison.Ordinal)), string.Join("|", show.Lines));

        var approve = await RunAsync("held", "approve", id);
        Assert.True(approve.Code == 0, approve.Error);
        Assert.StartsWith("The post \"Sommerfest\" from fremd@example.com was approved", Assert.Single(approve.Lines));
        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.Hold));
        var again = await RunAsync("held", "reject", id, "--reason", "zu spät");
        Assert.Equal(2, again.Code);
        Assert.Contains($"no held post {id}", again.Error);
    }
}
