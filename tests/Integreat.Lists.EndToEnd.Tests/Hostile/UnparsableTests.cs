using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Hostile;

/// <summary>Messages the daemon cannot make sense of are answered, kept and shunted with their bytes, never lost.</summary>
public sealed class UnparsableTests : IAsyncLifetime
{
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

    [Fact]
    public async Task AMessageWithoutAHeaderBlockIsShuntedWithItsBytes()
    {
        var raw = "this is no header\r\nnor this\r\n\r\nbody\r\n"u8.ToArray();
        Assert.StartsWith("250", await _daemon.PostRawAsync(raw, "erika@example.org", TestDaemon.Bayern));
        await ProcessedAsync();

        var spool = _daemon.Get<ISpool>();
        var shunted = spool.Read(QueueName.Shunt, Assert.Single(spool.List(QueueName.Shunt)));
        Assert.Equal(raw, shunted.Raw);
        Assert.Contains("header", shunted.Data.Reason);
        Assert.Empty(spool.List(QueueName.In));
    }

    [Fact]
    public async Task AnEmptyMessageIsAnsweredAndProcessed()
    {
        await using (var client = new RawSmtpClient())
        {
            await client.ConnectAsync("127.0.0.1", _daemon.Port);
            Assert.StartsWith("354", await client.StartDataAsync("erika@example.org", TestDaemon.Bayern));
            // SmtpServer alone never answers this: the CRLF before the dot went with the DATA line.
            Assert.StartsWith("250", await client.SendDataAsync([]));
            Assert.StartsWith("250", await client.SendAsync("RSET"));
        }
        await ProcessedAsync();
        var spool = _daemon.Get<ISpool>();
        Assert.Empty(spool.List(QueueName.In));
        Assert.Empty(spool.List(QueueName.Shunt));
    }

    /// <summary>The runner takes the <c>in</c> queue in order: once a later post is out, the one before was processed.</summary>
    async Task ProcessedAsync()
    {
        await _daemon.PostAsync(Messages.Post("erika@example.org", "danach"), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForAsync(h => h.Messages.Any(m => m.ToMimeMessage().Subject == "[Bayern] danach"), TimeSpan.FromSeconds(60));
    }
}
