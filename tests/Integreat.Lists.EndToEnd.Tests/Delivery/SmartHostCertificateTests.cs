using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Delivery;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary>The smarthost's certificate is verified whenever TLS is used, opportunistic STARTTLS included: a certificate
/// it cannot verify defers the delivery (never a bounce, never plain text instead); <c>Delivery:SmartHostCaFile</c>
/// trusts a CA or pins a self-signed certificate; <c>SmartHostCheckCertificate: false</c> takes any.</summary>
public sealed class SmartHostCertificateTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    static SmtpTransport Transport(FakeSmarthost smarthost, string tls = "opportunistic", string caFile = "", bool check = true)
        => SmartHostTlsTests.Transport(smarthost, tls, check, caFile);

    static Task<RecipientResult> SendAsync(SmtpTransport transport) => SmartHostTlsTests.SendAsync(transport);

    [Fact]
    public async Task Opportunistic_STARTTLS_refuses_a_self_signed_certificate_and_sends_nothing()
    {
        await using var smarthost = await FakeSmarthost.StartWithTlsAsync();
        var error = await Assert.ThrowsAsync<TransportException>(() => SendAsync(Transport(smarthost)));
        Assert.StartsWith($"cannot connect to {smarthost.HostPort}: TLS certificate CN=fake-smarthost.test", error.Message);
        Assert.Contains("not trusted (UntrustedRoot)", error.Message);
        Assert.Empty(smarthost.Messages);
    }

    [Theory]
    [InlineData("opportunistic")]
    [InlineData("starttls")]
    public async Task The_CA_file_pins_a_self_signed_certificate_whatever_its_name(string tls)
    {
        using var certificate = TestCertificates.SelfSigned("snakeoil.invalid");
        await using var smarthost = await FakeSmarthost.StartWithTlsAsync(certificate);
        var caFile = TestCertificates.WritePem(certificate);
        try
        {
            Assert.True((await SendAsync(Transport(smarthost, tls, caFile))).Delivered);
            Assert.True(Assert.Single(smarthost.Messages).OverTls);
        }
        finally { File.Delete(caFile); }
    }

    [Fact]
    public async Task A_CA_in_the_file_vouches_only_for_certificates_issued_for_the_smarthosts_name()
    {
        using var authority = TestCertificates.Authority("Integreat Test CA");
        using var rightName = TestCertificates.IssuedBy(authority, "127.0.0.1");
        using var wrongName = TestCertificates.IssuedBy(authority, "other.example.org");
        var caFile = TestCertificates.WritePem(authority);
        try
        {
            await using (var smarthost = await FakeSmarthost.StartWithTlsAsync(rightName))
            {
                Assert.True((await SendAsync(Transport(smarthost, "starttls", caFile))).Delivered);
                Assert.True(Assert.Single(smarthost.Messages).OverTls);
            }
            await using (var smarthost = await FakeSmarthost.StartWithTlsAsync(wrongName))
            {
                var error = await Assert.ThrowsAsync<TransportException>(() => SendAsync(Transport(smarthost, caFile: caFile)));
                Assert.Contains("not issued for this host name", error.Message);
                Assert.Empty(smarthost.Messages);
            }
        }
        finally { File.Delete(caFile); }
    }

    [Fact]
    public async Task With_the_check_off_any_certificate_is_taken_over_TLS()
    {
        await using var smarthost = await FakeSmarthost.StartWithTlsAsync();
        Assert.True((await SendAsync(Transport(smarthost, check: false))).Delivered);
        Assert.True(Assert.Single(smarthost.Messages).OverTls);
    }

    [Fact]
    public async Task The_daemon_defers_on_a_refused_certificate_and_logs_the_smarthost_and_why()
    {
        await using var smarthost = await FakeSmarthost.StartWithTlsAsync();
        var log = new LogCapture("Integreat.Lists.Core.Delivering");
        await using var daemon = await TestDaemon.StartAsync(smarthost.HostPort, services: log.AddTo);
        daemon.AddMembers(["erika@example.org", "max@example.net"]);
        var attempted = daemon.WaitForAttemptAsync((_, _) => true, Wait);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await attempted;

        var job = Assert.Single(daemon.Get<IDeliveryQueue>().All());
        Assert.Equal(2, job.Recipients.Count);
        Assert.Contains("not trusted (UntrustedRoot)", job.LastError);
        Assert.Empty(daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern));
        Assert.Empty(smarthost.Messages);
        var line = Assert.Single(log.Lines, l => l.Contains("erika@example.org", StringComparison.Ordinal) && l.Contains("deferred", StringComparison.Ordinal));
        Assert.Contains(smarthost.HostPort, line);
        Assert.Contains("TLS certificate CN=fake-smarthost.test", line);
    }
}
