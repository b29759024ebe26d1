using System.Text;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Delivery;
using Integreat.Lists.Testing;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary>A server that stops answering in any phase of the session ends the attempt with a
/// <see cref="TransportException"/> (the job is deferred) after about <c>Delivery:CommandTimeout</c>, never hangs it,
/// and the connection is closed.</summary>
public sealed class SmtpStallTests
{
    static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    static readonly byte[] Message = Encoding.ASCII.GetBytes("From: bayern@lists.example.org\r\nSubject: Stall\r\n\r\nHallo\r\n");

    static SmtpTransport Transport(ScriptedSmtpServer server, string tls = "none") => new(Options.Create(new DeliveryOptions
    {
        SmartHost = server.HostPort, SmartHostTls = tls, SmartHostCheckCertificate = false,
        ConnectRetries = 0, CommandTimeout = TimeSpan.FromSeconds(1),
    }));

    static async Task SendAsync(SmtpTransport transport, byte[] message)
    {
        await using var session = await transport.OpenAsync(CancellationToken.None);
        await session.SendAsync(message, "bayern-bounces@lists.example.org", ["erika@example.org"], CancellationToken.None);
    }

    static async Task AssertStallEndsAsync(Func<ScriptedSmtpServer.Connection, Task> script, string tls = "none", byte[]? message = null)
    {
        await using var server = new ScriptedSmtpServer(script);
        await Assert.ThrowsAsync<TransportException>(() => SendAsync(Transport(server, tls), message ?? Message).WaitAsync(Guard));
        server.Release();
        // The script's last step reads until the client hangs up: the socket was closed, not left to the collector.
        await server.ScriptEnded.Task.WaitAsync(Guard);
    }

    [Fact]
    public async Task A_server_that_never_answers_the_connect_is_cut_off()
    {
        using var unanswered = await UnansweredListener.StartAsync();
        var transport = new SmtpTransport(Options.Create(new DeliveryOptions
        {
            SmartHost = unanswered.HostPort, SmartHostTls = "none",
            ConnectRetries = 0, ConnectRetryDelay = TimeSpan.FromMilliseconds(1), CommandTimeout = TimeSpan.FromSeconds(1),
        }));

        var error = await Assert.ThrowsAsync<TransportException>(() => transport.OpenAsync(CancellationToken.None).WaitAsync(Guard));
        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_server_silent_after_connect_is_cut_off()
        => AssertStallEndsAsync(c => c.WaitForHangUpAsync());

    [Fact]
    public Task A_server_silent_after_EHLO_is_cut_off()
        => AssertStallEndsAsync(async c =>
        {
            await c.SendAsync("220 scripted.test ESMTP\r\n");
            await c.WaitForHangUpAsync();
        });

    [Fact]
    public Task A_TLS_on_connect_server_silent_in_the_handshake_is_cut_off()
        => AssertStallEndsAsync(c => c.WaitForHangUpAsync(), "tls-on-connect");

    [Fact]
    public Task A_server_silent_after_its_STARTTLS_reply_is_cut_off()
        => AssertStallEndsAsync(async c =>
        {
            await c.PlayUntilStartTlsAsync();
            await c.WaitForHangUpAsync();
        }, "starttls");

    [Theory]
    [InlineData("MAIL")]
    [InlineData("RCPT")]
    [InlineData("DATA")]
    public Task A_server_silent_after_a_command_is_cut_off(string command)
        => AssertStallEndsAsync(async c =>
        {
            await c.SendAsync("220 scripted.test ESMTP\r\n");
            while (await c.ReadLineAsync() is { } line && !line.StartsWith(command, StringComparison.Ordinal))
                await c.SendAsync(line.StartsWith("EHLO", StringComparison.Ordinal) ? "250-scripted.test\r\n250 8BITMIME\r\n" : "250 OK\r\n");
            await c.WaitForHangUpAsync();
        });

    [Fact]
    public Task A_server_silent_after_the_final_dot_is_cut_off()
        => AssertStallEndsAsync(async c =>
        {
            await c.PlayUntilDataAsync();
            await c.ReadUntilAsync(".");
            await c.WaitForHangUpAsync();
        });

    [Fact]
    public Task A_server_silent_after_the_final_dot_over_STARTTLS_is_cut_off()
        => AssertStallEndsAsync(async c =>
        {
            await c.PlayUntilStartTlsAsync();
            await c.StartTlsAsync(TestCertificates.SelfSigned("scripted.test"));
            await c.PlayUntilDataAsync(greet: false);
            await c.ReadUntilAsync(".");
            await c.WaitForHangUpAsync();
        }, "starttls");

    [Fact]
    public Task A_server_that_stops_reading_a_large_message_is_cut_off()
        => AssertStallEndsAsync(async c =>
        {
            await c.PlayUntilDataAsync();
            await c.StallAsync();
        }, message: SmtpHangUpTests.LargeMessage(8 * 1024 * 1024));
}
