using System.Buffers;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Messages;
using Integreat.Lists.Core.Queues;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>The SMTP intake's replies, over a raw socket (RFC 5321 replies with RFC 3463 codes).</summary>
public sealed class IntakeTests : IAsyncLifetime
{
    TestDaemon _daemon = null!;

    public async Task InitializeAsync() => _daemon = await TestDaemon.StartAsync(null, s =>
    {
        s.Smtp.MaxMessageSizeKiB = 64;
        s.Smtp.MaxConnections = 3;
    });

    public async Task DisposeAsync() => await _daemon.DisposeAsync();

    async Task<RawSmtpClient> ConnectAsync()
    {
        var client = new RawSmtpClient();
        var greeting = await client.ConnectAsync("127.0.0.1", _daemon.Port);
        Assert.StartsWith("220 lists.integreat.example ESMTP", greeting);
        Assert.DoesNotContain("v11", greeting);
        return client;
    }

    [Fact]
    public async Task EhloAdvertisesSizeAndNoAuthNorSmtpUtf8()
    {
        await using var client = await ConnectAsync();
        var ehlo = await client.SendAsync("EHLO client.example.org");
        Assert.Contains("SIZE 65536", ehlo);
        Assert.Contains("PIPELINING", ehlo);
        Assert.Contains("ENHANCEDSTATUSCODES", ehlo);
        Assert.DoesNotContain("AUTH", ehlo);
        Assert.DoesNotContain("SMTPUTF8", ehlo);
        var auth = await client.SendAsync("AUTH PLAIN AGFkbWluAHNlY3JldA==");
        Assert.False(auth.StartsWith("235", StringComparison.Ordinal), auth);
    }

    [Theory]
    [InlineData("<bayern@lists.integreat.example>", "250")]
    [InlineData("<BAYERN@Lists.Integreat.Example>", "250")]
    [InlineData("<bayern-request@lists.integreat.example>", "250")]
    [InlineData("<bayern-owner@lists.integreat.example>", "250")]
    [InlineData("<bayern-bounces@lists.integreat.example>", "250")]
    [InlineData("<bayern-bounces+erika=example.org@lists.integreat.example>", "250")]
    [InlineData("<sachsen@lists.integreat.example>", "550 5.1.1")]
    [InlineData("<bayern-request+x@lists.integreat.example>", "550 5.1.1")]
    [InlineData("<bayern@example.org>", "550 5.7.1")]
    [InlineData("<victim@gmail.com>", "550 5.7.1")]
    public async Task RecipientsAreAcceptedOnlyForListAddresses(string recipient, string expected)
    {
        await using var client = await ConnectAsync();
        await client.SendAsync("EHLO client.example.org");
        Assert.StartsWith("250", await client.SendAsync("MAIL FROM:<erika@example.org>"));
        Assert.StartsWith(expected, await client.SendAsync($"RCPT TO:{recipient}"));
    }

    [Fact]
    public async Task TheHundredAndFirstRecipientGets452()
    {
        await using var client = await ConnectAsync();
        await client.SendAsync("EHLO client.example.org");
        await client.SendAsync("MAIL FROM:<erika@example.org>");
        for (var i = 0; i < 100; i++) Assert.StartsWith("250", await client.SendAsync("RCPT TO:<bayern@lists.integreat.example>"));
        Assert.StartsWith("452 4.5.3", await client.SendAsync("RCPT TO:<bayern@lists.integreat.example>"));
    }

    [Fact]
    public async Task ADeclaredOversizeIsRefusedWith552AtMail()
    {
        await using var client = await ConnectAsync();
        await client.SendAsync("EHLO client.example.org");
        Assert.StartsWith("552", await client.SendAsync("MAIL FROM:<erika@example.org> SIZE=1000000"));
        Assert.StartsWith("552 5.3.4", await client.SendAsync("MAIL FROM:<erika@example.org> SIZE=65537"));
        // Past SmtpServer's own limit too, and past any integer: still our reply, with its enhanced code.
        Assert.StartsWith("552 5.3.4", await client.SendAsync("MAIL FROM:<erika@example.org> SIZE=10000000"));
        Assert.StartsWith("552 5.3.4", await client.SendAsync("MAIL FROM:<erika@example.org> SIZE=99999999999999999999"));
    }

    [Fact]
    public async Task AnUndeclaredOversizeIsRefusedAndNothingIsSpooled()
    {
        await using (var client = await ConnectAsync())
        {
            await client.SendAsync("EHLO client.example.org");
            await client.SendAsync("MAIL FROM:<erika@example.org>");
            await client.SendAsync("RCPT TO:<bayern@lists.integreat.example>");
            Assert.StartsWith("354", await client.SendAsync("DATA"));
            var big = "Subject: big\r\n\r\n" + string.Concat(Enumerable.Repeat(new string('x', 998) + "\r\n", 100)) + ".\r\n";
            string? reply;
            try
            {
                await client.SendRawAsync(big);
                reply = await client.ReadReplyAsync();
            }
            catch (IOException)
            {
                // The server answers 552 and closes while the client is still writing; the reset may eat the reply.
                reply = null;
            }
            Assert.True(reply is null || reply.StartsWith("552", StringComparison.Ordinal), reply);
        }
        Assert.Empty(_daemon.Get<ISpool>().List(QueueName.In));
        // The daemon is unharmed: the next client is served.
        await using var next = await ConnectAsync();
        Assert.StartsWith("250", await next.SendAsync("EHLO client.example.org"));
    }

    [Fact]
    public async Task ConnectionsBeyondTheCapGet421()
    {
        await using var a = await ConnectAsync();
        await using var b = await ConnectAsync();
        await using var c = await ConnectAsync();
        await using var d = new RawSmtpClient();
        Assert.StartsWith("421 4.7.0", await d.ConnectAsync("127.0.0.1", _daemon.Port));
    }

    [Fact]
    public async Task OneClientAddressGetsAtMostItsShareOfConnections()
    {
        await using var daemon = await TestDaemon.StartAsync(null, s => s.Smtp.MaxConnectionsPerAddress = 2);
        await using var a = new RawSmtpClient();
        await using var b = new RawSmtpClient();
        await using var c = new RawSmtpClient();
        Assert.StartsWith("220", await a.ConnectAsync("127.0.0.1", daemon.Port));
        Assert.StartsWith("220", await b.ConnectAsync("127.0.0.1", daemon.Port));
        Assert.StartsWith("421 4.7.0", await c.ConnectAsync("127.0.0.1", daemon.Port));
    }

    [Fact]
    public async Task ConnectionsResetByTheClientDoNotLeakSlots()
    {
        for (var i = 0; i < 20; i++)
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            await socket.ConnectAsync("127.0.0.1", _daemon.Port);
            socket.LingerState = new System.Net.Sockets.LingerOption(true, 0);
            socket.Close();
        }
        // The server notices each reset in its own time (long on a loaded machine, so the bound is time, not a count
        // of tries); a leak would answer 421 to every one of these until the deadline.
        string greeting = "";
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !greeting.StartsWith("220", StringComparison.Ordinal))
        {
            await using var client = new RawSmtpClient();
            greeting = await client.ConnectAsync("127.0.0.1", _daemon.Port);
        }
        Assert.StartsWith("220", greeting);
        await using var a = await ConnectAsync();
        await using var b = await ConnectAsync();
        await using var c = await ConnectAsync();
    }

    [Fact]
    public async Task AMessageOfExactlyTheAdvertisedSizeIsAccepted()
    {
        // SmtpServer alone answers nothing at its limit (it counts the terminator); ours lies past the advertised SIZE.
        await using var client = await ConnectAsync();
        Assert.Contains("SIZE 65536", await client.SendAsync("EHLO client.example.org"));
        await client.SendAsync("MAIL FROM:<erika@example.org>");
        await client.SendAsync("RCPT TO:<bayern@lists.integreat.example>");
        await client.SendAsync("DATA");
        var exact = MessageOfSize(65536);
        Assert.StartsWith("250", await client.SendDataAsync(System.Text.Encoding.ASCII.GetBytes(exact)));
    }

    /// <summary>A message of exactly <paramref name="size"/> bytes (as stored, CRLF included), lines under 1000.</summary>
    static string MessageOfSize(int size)
    {
        var text = new System.Text.StringBuilder("Subject: x\r\n\r\n");
        while (size - text.Length > 1000) text.Append(new string('x', 998)).Append("\r\n");
        text.Append(new string('x', size - text.Length - 2)).Append("\r\n");
        Assert.Equal(size, text.Length);
        return text.ToString();
    }

    [Fact]
    public async Task AMessageIsOnDiskBeforeThe250()
    {
        var spool = new RecordingSpool(_daemon.Get<ISpool>());
        await using var daemon = await TestDaemon.StartAsync(null, services: s => s.AddSingleton<ISpool>(spool));
        var reply = await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        var id = reply.Split(' ').Last();
        Assert.Contains(id, spool.Enqueued);
    }

    [Fact]
    public async Task ASpoolFailureGives451AndNever250()
    {
        await using var daemon = await TestDaemon.StartAsync(null, services: s => s.AddSingleton<ISpool>(new FailingSpool()));
        await using var client = new RawSmtpClient();
        await client.ConnectAsync("127.0.0.1", daemon.Port);
        await client.SendAsync("EHLO client.example.org");
        await client.SendAsync("MAIL FROM:<erika@example.org>");
        await client.SendAsync("RCPT TO:<bayern@lists.integreat.example>");
        await client.SendAsync("DATA");
        Assert.StartsWith("451 4.3.0", await client.SendDataAsync("Subject: x\r\n\r\nhallo\r\n"u8.ToArray()));
    }

    sealed class RecordingSpool(ISpool inner) : ISpool
    {
        public List<string> Enqueued { get; } = [];
        public void Enqueue(string queue, MessageData data, ReadOnlySequence<byte> raw)
        {
            inner.Enqueue(queue, data, raw);
            // Recorded only after the durable write returned.
            lock (Enqueued) Enqueued.Add(data.Id);
        }
        public IReadOnlyList<string> List(string queue) => inner.List(queue);
        public SpoolEntry Read(string queue, string id) => inner.Read(queue, id);
        public void Move(string fromQueue, string id, string toQueue, MessageData data) => inner.Move(fromQueue, id, toQueue, data);
        public void Delete(string queue, string id) => inner.Delete(queue, id);
        public string PathOf(string queue, string id) => inner.PathOf(queue, id);
    }

    sealed class FailingSpool : ISpool
    {
        public void Enqueue(string queue, MessageData data, ReadOnlySequence<byte> raw) => throw new IOException("disk full");
        public IReadOnlyList<string> List(string queue) => [];
        public SpoolEntry Read(string queue, string id) => throw new FileNotFoundException(id);
        public void Move(string fromQueue, string id, string toQueue, MessageData data) => throw new IOException("disk full");
        public void Delete(string queue, string id) { }
        public string PathOf(string queue, string id) => id;
    }
}
