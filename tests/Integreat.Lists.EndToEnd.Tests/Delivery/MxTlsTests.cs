using System.Text;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Delivery;
using Integreat.Lists.Testing;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary>TLS to MX hosts (RFC 7435): opportunistic STARTTLS takes a certificate it cannot verify (better than plain
/// text, and most MX certificates are not checked by anyone); <c>Delivery:MxTls: required</c> verifies it and skips a
/// host whose certificate fails, deferring like an unreachable host.</summary>
public sealed class MxTlsTests
{
    static readonly byte[] Message = Encoding.ASCII.GetBytes("From: bayern@lists.example.org\r\nSubject: MX TLS\r\n\r\nHallo\r\n");

    [Theory]
    [InlineData("opportunistic", true)]
    [InlineData("required", false)]
    public async Task A_self_signed_MX_certificate_is_taken_only_when_TLS_is_opportunistic(string mxTls, bool delivered)
    {
        await using var mx = await FakeSmarthost.StartWithTlsAsync(TestCertificates.SelfSigned("mx0.stadt.de"));
        var dns = new InMemoryDnsResolver();
        dns.AddMx("stadt.de", 10, "mx0.stadt.de");
        dns.AddAddress("mx0.stadt.de", "127.0.0.1");
        var transport = new MxTransport(dns, Options.Create(new DeliveryOptions
        {
            Mode = "mx", MxPort = mx.Port, MxTls = mxTls, CommandTimeout = TimeSpan.FromSeconds(30),
        }));

        await using var session = await transport.OpenAsync(CancellationToken.None);
        var result = Assert.Single(await session.SendAsync(Message, "bayern-bounces@lists.example.org", ["erika@stadt.de"], CancellationToken.None));

        Assert.Equal(delivered, result.Delivered);
        if (delivered) Assert.True(Assert.Single(mx.Messages).OverTls);
        else
        {
            Assert.Equal((451, "4.4.1"), (result.Code, result.Dsn));
            Assert.Contains("mx0.stadt.de[127.0.0.1]", result.Reply);
            Assert.Empty(mx.Messages);
        }
    }
}
