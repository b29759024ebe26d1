using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Hostile;

/// <summary>SMTP smuggling (CVE-2023-51764/-51766, SEC Consult 2023): a non-standard end-of-data sequence followed by
/// a second transaction must stay inside the one post, at our intake and at the smarthost we relay to.</summary>
public sealed class SmugglingTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort);
        _daemon.AddMembers(["erika@example.org"]);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    [Theory]
    [InlineData("\n.\r\n")]
    [InlineData("\n.\n")]
    [InlineData("\r.\r")]
    [InlineData("\r.\r\n")]
    [InlineData("\r\n.\n")]
    [InlineData("\r\n.\r")]
    [InlineData("\n.\r")]
    [InlineData("\r\n\0.\r\n")]
    public async Task AFakeEndOfDataDoesNotSplitThePost(string fakeEnd)
    {
        var delivered = _daemon.WaitForAttemptAsync((_, done) => done, Timeout);
        await using var client = new RawSmtpClient();
        await client.ConnectAsync("127.0.0.1", _daemon.Port);
        Assert.StartsWith("354", await client.StartDataAsync("erika@example.org", "bayern@lists.integreat.example"));
        await client.SendRawAsync("From: erika@example.org\r\nTo: bayern@lists.integreat.example\r\nSubject: harmless\r\n\r\nHallo\r\n"
            + fakeEnd
            + "MAIL FROM:<evil@example.com>\r\nRCPT TO:<bayern@lists.integreat.example>\r\nDATA\r\n"
            + "From: evil@example.com\r\nSubject: smuggled\r\n\r\nevil\r\n.\r\n");

        // One reply for the one transaction; a split would answer the smuggled MAIL, RCPT and DATA next.
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync());
        Assert.StartsWith("221", await client.SendAsync("QUIT"));
        await delivered;

        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.In));
        Assert.Empty(_daemon.Get<IDeliveryQueue>().All());
        var copy = Assert.Single(_smarthost.Messages);
        var text = System.Text.Encoding.Latin1.GetString(copy.Data);
        Assert.Contains("Subject: [Bayern] harmless", text);
        Assert.Contains("\r\nMAIL FROM:<evil@example.com>\r\n", text);
        Assert.Contains("\r\nSubject: smuggled\r\n", text);
        // Every line ends in CRLF, so no server after us can find another end of data in it.
        Assert.True(Integreat.Lists.Smtp.LineEndings.IsCrLfOnly(new System.Buffers.ReadOnlySequence<byte>(copy.Data)), text);
    }
}
