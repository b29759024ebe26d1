using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>A restart at any point resumes: every accepted post reaches every member; a member gets a second copy
/// only when the stop hit its SMTP transaction.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    readonly string _directory = Path.Combine(Path.GetTempPath(), "integreat-restart-" + Guid.NewGuid().ToString("N"));
    FakeSmarthost _smarthost = null!;

    public async Task InitializeAsync() => _smarthost = await FakeSmarthost.StartAsync();

    public async Task DisposeAsync()
    {
        await _smarthost.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task StoppingMidFanOutToTwoThousandMembersAndStartingAgainDeliversToAll()
    {
        var members = Enumerable.Range(0, 2000).Select(i => $"mitglied{i:D4}@kommune{i % 7}.de").ToList();
        int connections;
        await using (var first = await TestDaemon.StartAsync(_smarthost.HostPort, directory: _directory))
        {
            connections = first.Get<Daemon.Configuration.Settings>().Delivery.Connections;
            first.AddMembers(members);
            await first.PostAsync(Messages.Post("mitglied0001@kommune1.de", "Neustart"), "mitglied0001@kommune1.de", TestDaemon.Bayern);
            await _smarthost.WaitForRecipientsAsync(300, Timeout);
            await first.StopAsync();
        }
        var beforeRestart = _smarthost.DeliveredTo.Count;
        Assert.InRange(beforeRestart, 300, members.Count - 1);

        await using var second = await TestDaemon.StartAsync(_smarthost.HostPort, directory: _directory);
        await _smarthost.WaitForAsync(h => h.DeliveredTo.Distinct().Count() == members.Count, Timeout);

        Assert.Equal(members.Order(), _smarthost.DeliveredTo.Distinct().Order());
        var duplicates = _smarthost.DeliveredTo.Count - members.Count;
        Assert.InRange(duplicates, 0, connections);
    }

    [Fact]
    public async Task AnAcceptedPostNotYetProcessedIsProcessedAfterRestart()
    {
        await using (var first = await TestDaemon.StartAsync(_smarthost.HostPort, directory: _directory))
        {
            first.AddMembers(["erika@example.org", "max@example.net"]);
        }
        // The state a crash right after the 250 leaves: the entry in the spool, nothing processed.
        var raw = Messages.Bytes(Messages.Post("erika@example.org", "Vor dem Absturz"));
        var spool = new Storage.FileSpool(Path.Combine(_directory, "data", "spool"));
        spool.Enqueue(QueueName.In, new MessageData { Id = "20261129000000000-000001-abcd", Sender = "erika@example.org",
            Recipients = [TestDaemon.Bayern], ReceivedUtc = DateTime.UtcNow }, new System.Buffers.ReadOnlySequence<byte>(raw));

        await using var second = await TestDaemon.StartAsync(_smarthost.HostPort, directory: _directory);

        await _smarthost.WaitForRecipientsAsync(2, Timeout);
        Assert.Equal(["erika@example.org", "max@example.net"], _smarthost.DeliveredTo.Order());
        Assert.Empty(second.Get<ISpool>().List(QueueName.In));
    }
}
