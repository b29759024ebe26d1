using System.Text;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Delivery;
using Integreat.Lists.Testing;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary><c>Delivery:SmartHostTls</c>: required TLS checks the smarthost's certificate unless told not to, and
/// fails against a smarthost without STARTTLS (opportunistic TLS and the CA file: SmartHostCertificateTests).</summary>
public sealed class SmartHostTlsTests
{
    static readonly byte[] Message = Encoding.ASCII.GetBytes("From: bayern@lists.example.org\r\nSubject: TLS\r\n\r\nHallo\r\n");

    internal static SmtpTransport Transport(FakeSmarthost smarthost, string tls, bool check = true, string caFile = "")
        => new(Options.Create(new DeliveryOptions
        {
            SmartHost = smarthost.HostPort, SmartHostTls = tls, SmartHostCheckCertificate = check, SmartHostCaFile = caFile,
            ConnectRetries = 0, CommandTimeout = TimeSpan.FromSeconds(30),
        }));

    /// <summary>Sends one message to erika@example.org through a new session of <paramref name="transport"/>.</summary>
    internal static async Task<RecipientResult> SendAsync(SmtpTransport transport)
    {
        await using var session = await transport.OpenAsync(CancellationToken.None);
        return Assert.Single(await session.SendAsync(Message, "bayern-bounces@lists.example.org", ["erika@example.org"], CancellationToken.None));
    }

    [Fact]
    public async Task Required_STARTTLS_refuses_a_certificate_it_cannot_verify()
    {
        await using var smarthost = await FakeSmarthost.StartWithTlsAsync();
        var error = await Assert.ThrowsAsync<TransportException>(() => SendAsync(Transport(smarthost, "starttls")));
        Assert.Contains("certificate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(smarthost.DeliveredTo);
    }

    [Theory]
    [InlineData("starttls")]
    [InlineData("opportunistic")]
    public async Task Delivers_over_TLS_when_the_certificate_check_is_off(string tls)
    {
        await using var smarthost = await FakeSmarthost.StartWithTlsAsync();
        Assert.True((await SendAsync(Transport(smarthost, tls, check: false))).Delivered);
        Assert.Equal(["erika@example.org"], smarthost.DeliveredTo);
    }

    [Theory]
    [InlineData("starttls")]
    [InlineData("none")]
    public async Task A_message_of_several_MB_arrives_whole(string tls)
    {
        await using var smarthost = await FakeSmarthost.StartWithTlsAsync();
        var message = SmtpHangUpTests.LargeMessage(6 * 1024 * 1024);
        await using (var session = await Transport(smarthost, tls, check: false).OpenAsync(CancellationToken.None))
            Assert.True(Assert.Single(await session.SendAsync(message, "bayern-bounces@lists.example.org", ["erika@example.org"], CancellationToken.None)).Delivered);
        var captured = Assert.Single(smarthost.Messages);
        Assert.Equal(tls == "starttls", captured.OverTls);
        Assert.Equal(message, captured.Data);
    }

    [Fact]
    public async Task Delivers_over_TLS_on_connect()
    {
        await using var server = new ScriptedSmtpServer(async c =>
        {
            await c.StartTlsAsync(TestCertificates.SelfSigned("scripted.test"));
            await c.PlayUntilDataAsync();
            await c.ReadUntilAsync(".");
            await c.SendAsync("250 2.0.0 queued\r\n");
            await c.ReadUntilAsync("QUIT");
            await c.SendAsync("221 bye\r\n");
        });
        var transport = new SmtpTransport(Options.Create(new DeliveryOptions
        {
            SmartHost = server.HostPort, SmartHostTls = "tls-on-connect", SmartHostCheckCertificate = false, ConnectRetries = 0,
        }));
        var result = await SendAsync(transport);
        Assert.True(result.Delivered);
        Assert.Contains("queued", result.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_STARTTLS_fails_against_a_smarthost_without_it()
    {
        await using var smarthost = await FakeSmarthost.StartAsync();
        await Assert.ThrowsAsync<TransportException>(() => SendAsync(Transport(smarthost, "starttls", check: false)));
        Assert.True((await SendAsync(Transport(smarthost, "none"))).Delivered);
    }

    [Fact]
    public async Task Authenticates_with_the_password_from_the_secret_file()
    {
        var auth = new FakeSmarthostAuthenticator("lists", "Geheim-123");
        await using var smarthost = await FakeSmarthost.StartWithAuthAsync(auth);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "Geheim-123\n");
            var options = new DeliveryOptions { SmartHost = smarthost.HostPort, SmartHostUser = "lists", SmartHostPasswordFile = file, ConnectRetries = 0 };
            Assert.True((await SendAsync(new SmtpTransport(Options.Create(options)))).Delivered);
            Assert.Equal((1, 0), (auth.Succeeded, auth.Failed));

            options.SmartHostPasswordFile = "";
            options.SmartHostPassword = "falsch";
            var error = await Assert.ThrowsAsync<TransportException>(() => SendAsync(new SmtpTransport(Options.Create(options))));
            Assert.DoesNotContain("falsch", error.Message, StringComparison.Ordinal);
            Assert.Equal(["erika@example.org"], smarthost.DeliveredTo);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_password_file_wins_and_only_its_first_line_counts()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "geheim\r\nsecond line\n");
            var credentials = SmartHostCredentials.Read(new DeliveryOptions { SmartHostUser = "lists", SmartHostPassword = "other", SmartHostPasswordFile = file });
            Assert.Equal(("lists", "geheim"), (credentials!.UserName, credentials.Password));
            Assert.Null(SmartHostCredentials.Read(new DeliveryOptions { SmartHostPassword = "x" }));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
