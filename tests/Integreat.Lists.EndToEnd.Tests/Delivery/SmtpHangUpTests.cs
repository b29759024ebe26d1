using System.Text;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Delivery;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary>A server that hangs up (FIN or reset), says 421 or answers garbage in any phase never gets the message
/// counted as delivered: the attempt ends in a <see cref="TransportException"/> or a 4xx (deferred), never a 5xx.
/// And replies cut into many TCP segments, long multi-line replies are read whole.</summary>
public sealed class SmtpHangUpTests
{
    static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    static readonly byte[] Message = Encoding.ASCII.GetBytes("From: bayern@lists.example.org\r\nSubject: Hang-up\r\n\r\nHallo\r\n");

    static SmtpTransport Transport(ScriptedSmtpServer server) => new(Options.Create(new DeliveryOptions
    {
        SmartHost = server.HostPort, SmartHostTls = "none", ConnectRetries = 0, ConnectRetryDelay = TimeSpan.FromMilliseconds(1),
        CommandTimeout = TimeSpan.FromSeconds(30),
    }));

    /// <summary>The one recipient's result, or null when the attempt ended in a <see cref="TransportException"/>.</summary>
    static async Task<RecipientResult?> SendAsync(ScriptedSmtpServer server, byte[] message)
    {
        try
        {
            await using var session = await Transport(server).OpenAsync(CancellationToken.None);
            return Assert.Single(await session.SendAsync(message, "bayern-bounces@lists.example.org", ["erika@example.org"], CancellationToken.None));
        }
        catch (TransportException)
        {
            return null;
        }
    }

    static async Task AssertDeferredAsync(Func<ScriptedSmtpServer.Connection, Task> script, byte[]? message = null)
    {
        await using var server = new ScriptedSmtpServer(script);
        var result = await SendAsync(server, message ?? Message).WaitAsync(Guard);
        if (result is not null) Assert.InRange(result.Code, 400, 499);
    }

    /// <summary>Plays the session up to <paramref name="command"/> (not answered), then does <paramref name="fault"/>.</summary>
    static Func<ScriptedSmtpServer.Connection, Task> At(string command, Func<ScriptedSmtpServer.Connection, Task> fault) => async c =>
    {
        if (command == "greeting") { await fault(c); return; }
        await c.SendAsync("220 scripted.test ESMTP\r\n");
        while (await c.ReadLineAsync() is { } line)
        {
            if (line.StartsWith(command, StringComparison.Ordinal)) { await fault(c); return; }
            if (line == "DATA") { await c.SendAsync("354 go ahead\r\n"); continue; }
            if (line.StartsWith("EHLO", StringComparison.Ordinal)) await c.SendAsync("250-scripted.test\r\n250 8BITMIME\r\n");
            else if (line == "." || line.StartsWith("MAIL", StringComparison.Ordinal) || line.StartsWith("RCPT", StringComparison.Ordinal))
                await c.SendAsync("250 OK\r\n");
        }
    };

    public static TheoryData<string> Phases => ["greeting", "EHLO", "MAIL", "RCPT", "DATA", "Subject:", "."];

    [Theory]
    [MemberData(nameof(Phases))]
    public Task A_hang_up_with_FIN_defers(string phase) => AssertDeferredAsync(At(phase, c =>
    {
        c.Socket.Shutdown(System.Net.Sockets.SocketShutdown.Both);
        return Task.CompletedTask;
    }));

    [Theory]
    [MemberData(nameof(Phases))]
    public Task A_hang_up_with_a_reset_defers(string phase) => AssertDeferredAsync(At(phase, c =>
    {
        c.Reset();
        return Task.CompletedTask;
    }));

    [Theory]
    [MemberData(nameof(Phases))]
    public Task A_421_defers(string phase) => AssertDeferredAsync(At(phase, c => c.SendAsync("421 4.3.2 shutting down\r\n")));

    [Theory]
    [MemberData(nameof(Phases))]
    public Task Garbage_defers(string phase) => AssertDeferredAsync(At(phase, c => c.SendAsync("hello there\r\n")));

    [Fact]
    public Task A_reset_in_the_middle_of_a_large_message_defers()
        => AssertDeferredAsync(At("Subject:", async c =>
        {
            var buffer = new byte[65536];
            await c.Socket.ReceiveAsync(buffer);
            c.Reset();
        }), LargeMessage(4 * 1024 * 1024));

    [Theory]
    [InlineData("AUTH", "535 5.7.8 authentication failed")]
    [InlineData("STARTTLS", "220 go ahead")]
    [InlineData("EHLO", "554 5.7.1 go away")]
    public async Task A_failed_login_TLS_handshake_or_session_closes_the_connection(string command, string reply)
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.SendAsync("220 scripted.test ESMTP\r\n");
            while (await c.ReadLineAsync() is { } line && !line.StartsWith(command, StringComparison.Ordinal))
                await c.SendAsync("250-scripted.test\r\n250-AUTH PLAIN\r\n250 STARTTLS\r\n");
            await c.SendAsync(reply + "\r\n");
            // A STARTTLS client now sends its ClientHello; this answer is no TLS.
            if (command == "STARTTLS") await c.SendAsync("this is no TLS record\r\n");
            // Whatever else it tries (HELO after EHLO, another AUTH mechanism) is refused the same way, until it hangs up.
            while (await c.ReadLineAsync() is not null) await c.SendAsync(reply + "\r\n");
        });
        var transport = new SmtpTransport(Options.Create(new DeliveryOptions
        {
            SmartHost = server.HostPort, SmartHostTls = command == "STARTTLS" ? "starttls" : "none", SmartHostCheckCertificate = false,
            SmartHostUser = "lists", SmartHostPassword = "geheim", ConnectRetries = 0, ConnectRetryDelay = TimeSpan.FromMilliseconds(1),
        }));

        await Assert.ThrowsAsync<TransportException>(() => transport.OpenAsync(CancellationToken.None).WaitAsync(Guard));
        // The script reads until the client hangs up: the socket was closed, not left to the collector.
        await server.ScriptEnded.Task.WaitAsync(Guard);
    }

    [Fact]
    public async Task An_endless_reply_is_cut_off_before_it_fills_the_memory()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            // 32 MB of one multi-line greeting: MailKit would gather it all, and an endless one until memory runs out.
            var line = "220-" + new string('x', 1018) + "\r\n";
            for (var i = 0; i < 32 * 1024; i++) await c.SendAsync(line);
            await c.WaitForHangUpAsync();
        });

        var error = await Assert.ThrowsAsync<TransportException>(() => Transport(server).OpenAsync(CancellationToken.None).WaitAsync(Guard));
        Assert.Contains("more than 1024 KB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replies_in_single_bytes_multi_line_and_over_4_KB_are_read_whole()
    {
        var ehlo = new StringBuilder("250-scripted.test\r\n");
        for (var i = 0; i < 100; i++) ehlo.Append("250-X-FILLER-").Append(i).Append(' ').Append('y', 60).Append("\r\n");
        ehlo.Append("250 8BITMIME\r\n");
        await using var server = new ScriptedSmtpServer(async c =>
        {
            c.Socket.NoDelay = true;
            async Task Trickle(string reply) { foreach (var ch in reply) await c.SendAsync(ch.ToString()); }
            await Trickle("220-scripted.test\r\n220 ESMTP\r\n");
            while (await c.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("EHLO", StringComparison.Ordinal)) await Trickle(ehlo.ToString());
                else if (line == "DATA") await Trickle("354 go\r\n");
                else if (line.StartsWith("MAIL", StringComparison.Ordinal) || line.StartsWith("RCPT", StringComparison.Ordinal)) await Trickle("250-first\r\n250 OK\r\n");
                else if (line == ".") await Trickle("250-queued\r\n250 2.0.0 OK as 42\r\n");
                else if (line == "QUIT") { await Trickle("221 bye\r\n"); return; }
            }
        });
        var result = await SendAsync(server, Message).WaitAsync(Guard);
        Assert.NotNull(result);
        Assert.Equal(250, result.Code);
    }

    internal static byte[] LargeMessage(int bytes)
    {
        var text = new StringBuilder("From: bayern@lists.example.org\r\nSubject: Large\r\n\r\n");
        while (text.Length < bytes) text.Append('x', 76).Append("\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
