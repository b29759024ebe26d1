using System.Text.Json;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using CliEntry = Integreat.Lists.Daemon.Cli.Cli;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>What processing cannot handle is shunted with its raw bytes and a reason, shown by <c>queue list</c>,
/// and delivered after <c>queue requeue</c> once the cause is fixed.</summary>
public sealed class ShuntTests : IAsyncLifetime
{
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    [Fact]
    public async Task OwnerMailWithoutOwnersIsShuntedAndRequeuedByTheCli()
    {
        var raw = Messages.Bytes(Messages.Post("stranger@example.com", "An die Verantwortlichen"));
        await _daemon.PostRawAsync(raw, "stranger@example.com", "bayern-owner@lists.integreat.example");
        var spool = _daemon.Get<ISpool>();
        var shunted = await WaitForShuntAsync(spool);
        var entry = spool.Read(QueueName.Shunt, shunted);
        Assert.Equal(QueueName.In, entry.Data.WhichQueue);
        Assert.Contains("has no owner or moderator", entry.Data.Reason);
        Assert.Equal(raw, entry.Raw);

        var config = WriteConfig();
        var (code, listing, _) = await RunCliAsync("queue", "list", "--config", config);
        Assert.Equal(0, code);
        Assert.Contains(shunted, listing);

        _daemon.AddMembers(["chefin@landkreis.de"], MemberRole.Owner);
        var (requeued, _, error) = await RunCliAsync("queue", "requeue", shunted, "--config", config);

        Assert.True(requeued == 0, error);
        await _smarthost.WaitForRecipientsAsync(1, TimeSpan.FromSeconds(60));
        Assert.Equal(["chefin@landkreis.de"], _smarthost.DeliveredTo);
        Assert.Equal([.. "X-BeenThere: bayern-owner@lists.integreat.example\r\n"u8.ToArray(), .. raw], _smarthost.Messages[0].Data);
        Assert.Empty(spool.List(QueueName.Shunt));
    }

    [Fact]
    public async Task OwnersFromTheSettingsAreOnTheRosterOfANewList()
    {
        await using var daemon = await TestDaemon.StartAsync(_smarthost.HostPort, s => s.Lists[0].Owners = ["chefin@landkreis.de"]);

        var owner = daemon.Get<IRosterRepository>().Find(TestDaemon.Bayern, "chefin@landkreis.de");

        Assert.Equal(MemberRole.Owner, owner?.Role);
    }

    async Task<string> WaitForShuntAsync(ISpool spool)
    {
        // The runner shunts synchronously after the 250; a member post queued behind it proves it ran.
        _daemon.AddMembers(["erika@example.org"]);
        await _daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(1, TimeSpan.FromSeconds(60));
        _smarthost.Reset();
        return Assert.Single(spool.List(QueueName.Shunt));
    }

    string WriteConfig()
    {
        var path = Path.Combine(_daemon.Directory, "cli.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { Storage = new { Directory = Path.Combine(_daemon.Directory, "data") } }));
        return path;
    }

    static async Task<(int Code, string Output, string Error)> RunCliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliEntry.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
