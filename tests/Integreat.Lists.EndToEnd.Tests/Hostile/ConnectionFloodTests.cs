using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Hostile;

/// <summary>Clients that hold connections: slowloris (a line that never ends, a DATA that never ends) and a flood of
/// 1,000 concurrent connections against the connection cap.</summary>
public sealed class ConnectionFloodTests
{
    [Fact]
    public async Task ACommandLineThatNeverEndsIsCutAtTheCommandTimeout()
    {
        await using var daemon = await TestDaemon.StartAsync(null, s => s.Smtp.CommandTimeout = TimeSpan.FromSeconds(1));
        await using var client = new RawSmtpClient();
        await client.ConnectAsync("127.0.0.1", daemon.Port);
        await client.SendRawAsync("EH");
        Assert.StartsWith("421 4.4.2", await client.ReadReplyAsync());
        Assert.Null(await client.ReadReplyAsync());
    }

    [Fact]
    public async Task ADataPhaseThatNeverEndsIsCutAtTheSessionTimeout()
    {
        await using var daemon = await TestDaemon.StartAsync(null, s => s.Smtp.SessionTimeout = TimeSpan.FromSeconds(2));
        await using var client = new RawSmtpClient();
        await client.ConnectAsync("127.0.0.1", daemon.Port);
        await client.StartDataAsync("erika@example.org", "bayern@lists.integreat.example");
        await client.SendRawAsync("Subject: slow\r\n\r\nx");
        // Not SmtpServer's own 554 for a cancelled DATA, which would make the client bounce the message.
        Assert.StartsWith("421 4.4.2", await client.ReadReplyAsync());
        Assert.Null(await client.ReadReplyAsync());
    }

    [Fact]
    public async Task AThousandConcurrentConnectionsGetTheCapAnd421AndMemoryStaysBounded()
    {
        await using var daemon = await TestDaemon.StartAsync(null, s =>
        {
            s.Smtp.MaxConnections = 100;
            s.Smtp.MaxConnectionsPerAddress = 100;
        });
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clients = Enumerable.Range(0, 1000).Select(_ => new RawSmtpClient()).ToList();
        try
        {
            var greetings = await Task.WhenAll(clients.Select(async c =>
            {
                try { return await c.ConnectAsync("127.0.0.1", daemon.Port); }
                catch (IOException ex) { return "closed: " + ex.Message; }
            }));
            Assert.Equal(100, greetings.Count(g => g.StartsWith("220", StringComparison.Ordinal)));
            Assert.Equal(900, greetings.Count(g => g.StartsWith("421 4.7.0", StringComparison.Ordinal)));
            // Both ends of every connection live in this process; 64 MB is far above what 1,000 idle sessions need
            // and far below one buffered message per connection.
            var grown = GC.GetTotalMemory(forceFullCollection: true) - before;
            Assert.True(grown < 64 * 1024 * 1024, $"{grown / 1024 / 1024} MB");
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
        // The refused ones took no slot, and the served ones give theirs back.
        string greeting = "";
        for (var attempt = 0; attempt < 200 && !greeting.StartsWith("220", StringComparison.Ordinal); attempt++)
        {
            await using var probe = new RawSmtpClient();
            greeting = await probe.ConnectAsync("127.0.0.1", daemon.Port);
        }
        Assert.StartsWith("220", greeting);
    }
}
