using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Integreat.Lists.EndToEnd.Tests.Cli;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.EndToEnd.Tests.Process;
using Integreat.Lists.Smtp;
using Integreat.Lists.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Tls;

/// <summary>STARTTLS (RFC 3207) with a certificate from <c>integreat-lists tls selfsigned</c>: MailKit and swaks
/// negotiate TLS 1.2 and 1.3, and a renewed certificate is presented from the next session on without a restart.</summary>
public sealed class TlsSelfSignedTests : IAsyncLifetime
{
    readonly CliSandbox _sandbox = new();
    string _tlsDirectory = "";
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _tlsDirectory = Path.Combine(_sandbox.Root, "tls");
        (await CliSandbox.RunRawAsync("tls", "selfsigned", "--host", "mx.lists.integreat.example", "--out", _tlsDirectory)).AssertSuccess();
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, s =>
        {
            s.Smtp.CertificatePath = Path.Combine(_tlsDirectory, SelfSignedCertificate.CertificateFile);
            s.Smtp.CertificateKeyPath = Path.Combine(_tlsDirectory, SelfSignedCertificate.KeyFile);
        });
        _daemon.AddMembers(["erika@example.org", "max@example.net"]);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
        _sandbox.Dispose();
    }

    [Fact]
    public void TheCommandWritesAPemPairWithTheHostInTheSubjectAndSan()
    {
        using var certificate = X509Certificate2.CreateFromPemFile(
            Path.Combine(_tlsDirectory, SelfSignedCertificate.CertificateFile), Path.Combine(_tlsDirectory, SelfSignedCertificate.KeyFile));
        Assert.Equal("CN=mx.lists.integreat.example", certificate.Subject);
        Assert.True(certificate.HasPrivateKey);
        Assert.Contains("mx.lists.integreat.example", certificate.GetNameInfo(X509NameType.DnsFromAlternativeName, false));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_tlsDirectory, SelfSignedCertificate.KeyFile)));
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task MailKitPostsOverEachTlsVersion(SslProtocols protocol)
    {
        var (negotiated, subject) = await PostOverTlsAsync(protocol, "Version " + protocol);
        Assert.Equal(protocol, negotiated);
        Assert.Equal("CN=mx.lists.integreat.example", subject);
        await _smarthost.WaitForRecipientsAsync(2, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task ARenewedCertificateIsPresentedFromTheNextSessionOn()
    {
        Assert.Equal("CN=mx.lists.integreat.example", (await PostOverTlsAsync(SslProtocols.None, "vorher")).Subject);

        (await CliSandbox.RunRawAsync("tls", "selfsigned", "--host", "renewed.lists.integreat.example", "--out", _tlsDirectory)).AssertSuccess();

        Assert.Equal("CN=renewed.lists.integreat.example", (await PostOverTlsAsync(SslProtocols.None, "nachher")).Subject);
        await _smarthost.WaitForRecipientsAsync(4, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task ABrokenRenewalKeepsThePreviousCertificate()
    {
        File.WriteAllText(Path.Combine(_tlsDirectory, SelfSignedCertificate.KeyFile), "-----BEGIN PRIVATE KEY-----\nkaputt\n");

        Assert.Equal("CN=mx.lists.integreat.example", (await PostOverTlsAsync(SslProtocols.None, "trotzdem")).Subject);
    }

    [Fact]
    public async Task SwaksNegotiatesStartTls()
    {
        var result = await ProcessRunner.RunAsync("swaks",
            ["--server", $"127.0.0.1:{_daemon.Port}", "--timeout", "20", "--tls", "--from", "erika@example.org",
             "--to", TestDaemon.Bayern, "--header", "Subject: swaks tls", "--body", "Hallo"],
            _sandbox.Root, ProcessRunner.DefaultTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("TLS started", result.Stdout);
        Assert.Contains("<~  250 2.0.0", result.Stdout);
        await _smarthost.WaitForRecipientsAsync(2, TimeSpan.FromSeconds(60));
    }

    async Task<(SslProtocols Protocol, string Subject)> PostOverTlsAsync(SslProtocols protocol, string subject)
    {
        string? presented = null;
        using var client = new SmtpClient
        {
            CheckCertificateRevocation = false,
            ServerCertificateValidationCallback = (_, certificate, _, _) =>
            {
                presented = certificate?.Subject;
                return true;
            },
        };
        if (protocol != SslProtocols.None) client.SslProtocols = protocol;
        await client.ConnectAsync("127.0.0.1", _daemon.Port, SecureSocketOptions.StartTls);
        var negotiated = client.SslProtocol;
        await client.SendAsync(Messages.Post("erika@example.org", subject), MailboxAddress.Parse("erika@example.org"),
            [MailboxAddress.Parse(TestDaemon.Bayern)]);
        await client.DisconnectAsync(true);
        return (negotiated, presented ?? "");
    }
}
