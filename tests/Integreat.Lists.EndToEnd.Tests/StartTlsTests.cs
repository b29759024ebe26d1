using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Smtp;
using Integreat.Lists.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests;

/// <summary>With a PEM certificate configured the intake offers STARTTLS (RFC 3207) and takes posts over TLS.</summary>
public sealed class StartTlsTests : IAsyncLifetime
{
    readonly string _directory = Path.Combine(Path.GetTempPath(), "integreat-tls-" + Guid.NewGuid().ToString("N"));
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var (certificate, key) = SelfSignedCertificate.Write("lists.integreat.example", _directory, TimeSpan.FromDays(30));
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, s =>
        {
            s.Smtp.CertificatePath = certificate;
            s.Smtp.CertificateKeyPath = key;
        });
        _daemon.AddMembers(["erika@example.org", "max@example.net"]);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task APostOverStartTlsIsDistributed()
    {
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, _, _, _) => true, CheckCertificateRevocation = false };
        await client.ConnectAsync("127.0.0.1", _daemon.Port, SecureSocketOptions.StartTls);
        Assert.True(client.IsSecure);
        Assert.False(client.Capabilities.HasFlag(SmtpCapabilities.Authentication));
        await client.SendAsync(Messages.Post("erika@example.org", "Verschlüsselt"), MailboxAddress.Parse("erika@example.org"),
            [MailboxAddress.Parse(TestDaemon.Bayern)]);
        await client.DisconnectAsync(true);

        await _smarthost.WaitForRecipientsAsync(2, TimeSpan.FromSeconds(60));
        Assert.All(_smarthost.Messages, m => Assert.Equal("[Bayern] Verschlüsselt", m.ToMimeMessage().Subject));
    }

    [Fact]
    public async Task EhloOffersStartTls()
    {
        await using var raw = new RawSmtpClient();
        await raw.ConnectAsync("127.0.0.1", _daemon.Port);
        Assert.Contains("STARTTLS", await raw.SendAsync("EHLO client.example.org"));
    }
}
