using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Smtp;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Hostile;

/// <summary>Hostile clients over real sockets: over-long lines, NUL bytes, recipient floods, pipelined garbage. Each
/// gets a reply or a closed connection, never a hang, and the next client is served.</summary>
public sealed class HostileSessionTests : IAsyncLifetime
{
    TestDaemon _daemon = null!;

    public async Task InitializeAsync() => _daemon = await TestDaemon.StartAsync(null, s => s.Smtp.MaxMessageSizeKiB = 256);

    public async Task DisposeAsync() => await _daemon.DisposeAsync();

    async Task<RawSmtpClient> ConnectAsync()
    {
        var client = new RawSmtpClient();
        Assert.StartsWith("220", await client.ConnectAsync("127.0.0.1", _daemon.Port));
        return client;
    }

    async Task AssertServedAsync()
    {
        await using var next = await ConnectAsync();
        Assert.StartsWith("250", await next.SendAsync("EHLO client.example.org"));
    }

    [Fact]
    public async Task OverLongAddressesAreRefusedAndTheSessionGoesOn()
    {
        await using var client = await ConnectAsync();
        // An over-long EHLO argument is harmless: it is neither echoed nor kept.
        Assert.StartsWith("250", await client.SendAsync("EHLO " + new string('a', 10_000)));
        Assert.StartsWith("553 5.1.3", await client.SendAsync($"MAIL FROM:<{new string('a', 10_000)}@example.org>"));
        // The null reverse-path of bounces has no length to check.
        Assert.StartsWith("250", await client.SendAsync("MAIL FROM:<>"));
        Assert.StartsWith("250", await client.SendAsync("RSET"));
        Assert.StartsWith("250", await client.SendAsync("MAIL FROM:<erika@example.org>"));
        Assert.StartsWith("553 5.1.3", await client.SendAsync($"RCPT TO:<bayern@{new string('a', 300)}.example>"));
        Assert.StartsWith("250", await client.SendAsync("RCPT TO:<bayern@lists.integreat.example>"));
    }

    [Fact]
    public async Task ALineThatNeverEndsIsCutOffAtTheSizeLimit()
    {
        await using (var client = await ConnectAsync())
        {
            string? reply;
            try
            {
                await client.SendRawAsync(new string('a', 1024 * 1024));
                reply = await client.ReadReplyAsync();
            }
            catch (IOException)
            {
                reply = null;
            }
            Assert.True(reply is null || reply.StartsWith('5'), reply);
        }
        await AssertServedAsync();
    }

    [Fact]
    public async Task AVeryLongBodyLineAndNulBytesAreTakenAsData()
    {
        await using var client = await ConnectAsync();
        Assert.StartsWith("250", await client.SendAsync("EHLO client.example.org"));
        Assert.StartsWith("5", await client.SendAsync("MAIL FROM:<erika\0@example.org>"));
        await client.SendAsync("MAIL FROM:<erika@example.org>");
        await client.SendAsync("RCPT TO:<bayern@lists.integreat.example>");
        await client.SendAsync("DATA");
        var body = "Subject: long\r\n\r\n" + new string('x', 100_000) + "\r\nnul \0 byte\r\n";
        Assert.StartsWith("250", await client.SendDataAsync(System.Text.Encoding.Latin1.GetBytes(body)));
    }

    [Fact]
    public async Task PipelinedRecipientsGetTheLimitThen452ThenA421()
    {
        await using var client = await ConnectAsync();
        await client.SendAsync("EHLO client.example.org");
        await client.SendAsync("MAIL FROM:<erika@example.org>");
        // Exactly as many as the server reads before it closes, so no unread input turns its close into a reset.
        var count = 100 + ListMailboxFilter.MaxRefusedRecipients;
        await client.SendRawAsync(string.Concat(Enumerable.Repeat("RCPT TO:<bayern@lists.integreat.example>\r\n", count)));
        var replies = await ReadUntilClosedAsync(client);
        Assert.Equal(count, replies.Count);
        Assert.All(replies.Take(100), r => Assert.StartsWith("250", r));
        Assert.All(replies.Skip(100).SkipLast(1), r => Assert.StartsWith("452 4.5.3", r));
        Assert.StartsWith("421 4.7.0", replies[^1]);
    }

    [Fact]
    public async Task TenThousandRecipientsNeverGetPastTheLimit()
    {
        await using (var client = await ConnectAsync())
        {
            await client.SendAsync("EHLO client.example.org");
            await client.SendAsync("MAIL FROM:<erika@example.org>");
            var reading = ReadUntilClosedAsync(client);
            try
            {
                for (var i = 0; i < 100; i++)
                    await client.SendRawAsync(string.Concat(Enumerable.Repeat("RCPT TO:<bayern@lists.integreat.example>\r\n", 100)));
            }
            catch (IOException)
            {
                // The server has closed after its 421.
            }
            // The server's close with our RCPTs unread is a reset, which may swallow its last replies; what arrives
            // is in order, and the connection ends instead of hanging.
            var replies = await reading;
            Assert.True(replies.Count(r => r.StartsWith("250", StringComparison.Ordinal)) <= 100);
            Assert.All(replies.SkipWhile(r => r.StartsWith("250", StringComparison.Ordinal)).SkipWhile(r => r.StartsWith("452 4.5.3", StringComparison.Ordinal)),
                r => Assert.StartsWith("421 4.7.0", r));
        }
        await AssertServedAsync();
    }

    /// <summary>Reads replies until the server closes the connection (a reset counts as closed).</summary>
    static async Task<List<string>> ReadUntilClosedAsync(RawSmtpClient client)
    {
        var replies = new List<string>();
        try
        {
            while (await client.ReadReplyAsync() is { } reply) replies.Add(reply);
        }
        catch (IOException)
        {
            // Reset by the server: closed all the same.
        }
        return replies;
    }

    [Fact]
    public async Task ADictionaryAttackIsCutOffWith421()
    {
        await using var client = await ConnectAsync();
        await client.SendAsync("EHLO client.example.org");
        await client.SendAsync("MAIL FROM:<spammer@example.com>");
        for (var i = 1; i < ListMailboxFilter.MaxRefusedRecipients; i++)
            Assert.StartsWith("550 5.1.1", await client.SendAsync($"RCPT TO:<guess{i}@lists.integreat.example>"));
        Assert.StartsWith("421 4.7.0", await client.SendAsync("RCPT TO:<guess@lists.integreat.example>"));
        Assert.Null(await client.ReadReplyAsync());
    }

    [Fact]
    public async Task PipelinedGarbageGetsErrorsAndNothingIsSpooled()
    {
        var random = new Random(20231218);
        var garbage = new System.Text.StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            var line = new char[random.Next(1, 200)];
            for (var j = 0; j < line.Length; j++)
            {
                var c = (char)random.Next(0, 256);
                line[j] = c is '\r' or '\n' ? 'x' : c;
            }
            garbage.Append(line).Append("\r\n");
        }
        await using (var client = await ConnectAsync())
        {
            await client.SendRawAsync(System.Text.Encoding.Latin1.GetBytes(garbage.ToString()));
            // SmtpServer answers each line, and ends the session after its retry count of errors in a row.
            var replies = await ReadUntilClosedAsync(client);
            Assert.NotEmpty(replies);
            Assert.All(replies, r => Assert.StartsWith("5", r));
        }
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.In));
        await AssertServedAsync();
    }
}
