using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Moderation;

/// <summary>The same post (one Message-ID) goes out once per member: sent twice to a list, or to two lists at once.</summary>
public sealed class DuplicateTests : IAsyncLifetime
{
    const string Hessen = "hessen@lists.integreat.example";
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _daemon.Get<IListRepository>().Insert(MailingList.Create(Hessen, "Integreat Hessen", DateTime.UtcNow));
        _daemon.AddMembers(["erika@example.org", "max@example.net"]);
        _daemon.AddMembers(["erika@example.org", "jana@example.de"], list: Hessen);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    static MimeMessage Post(string messageId, params string[] to)
    {
        var message = Messages.Post("erika@example.org", "Treffen am Montag");
        message.To.Clear();
        foreach (var address in to) message.To.Add(MailboxAddress.Parse(address));
        message.MessageId = messageId;
        return message;
    }

    IReadOnlyList<string> Delivered() => _smarthost.DeliveredTo.Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task TheSamePostSentTwiceGoesOutOnce()
    {
        await _daemon.PostAsync(Post("same-1@example.org", TestDaemon.Bayern), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(2, Timeout);

        await _daemon.PostAsync(Post("same-1@example.org", TestDaemon.Bayern), "erika@example.org", TestDaemon.Bayern);
        // A different post afterwards: the incoming runner takes posts in order, so once this one is delivered and
        // nothing more is queued, a copy of the duplicate would have been counted.
        await _daemon.PostAsync(Post("other-2@example.org", TestDaemon.Bayern), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(4, Timeout);
        await _daemon.WaitForDispatcherIdleAsync(next => next is null, Timeout);

        Assert.Equal(["erika@example.org", "erika@example.org", "max@example.net", "max@example.net"], Delivered());
    }

    [Fact]
    public async Task APostToTwoListsReachesAMemberOfBothOnce()
    {
        await _daemon.PostAsync(Post("cross-1@example.org", TestDaemon.Bayern, Hessen), "erika@example.org", TestDaemon.Bayern, Hessen);

        await _smarthost.WaitForRecipientsAsync(3, Timeout);
        await _daemon.PostAsync(Post("after-2@example.org", TestDaemon.Bayern), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(5, Timeout);
        await _daemon.WaitForDispatcherIdleAsync(next => next is null, Timeout);

        Assert.Equal(["erika@example.org", "erika@example.org", "jana@example.de", "max@example.net", "max@example.net"], Delivered());
    }
}
