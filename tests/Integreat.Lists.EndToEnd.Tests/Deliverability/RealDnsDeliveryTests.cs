using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Delivery;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

/// <summary>The daemon with its real resolver (DnsClient) against a real DNS server on loopback (ARSoft.Tools.Net),
/// in <c>mx</c> mode: the <c>_dmarc</c> record makes it rewrite From, the MX records route each member's copy to
/// its fake MX host (with fallback past a dead one), and a domain that does not exist becomes a bounce event.</summary>
public sealed class RealDnsDeliveryTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    readonly LoopbackDnsServer _dns = LoopbackDnsServer.Start();
    FakeMxHosts _mx = null!;

    public async Task InitializeAsync()
    {
        _mx = await FakeMxHosts.StartAsync(2);
        _dns.AddTxt("_dmarc.stadt.de", "v=DMARC1; p=reject; rua=mailto:dmarc@stadt.de")
            .AddMx("stadt.de", 10, "mx1.stadt.de").AddA("mx1.stadt.de", FakeMxHosts.AddressOf(0))
            .AddMx("kreis.de", 10, "mx.kreis.de").AddA("mx.kreis.de", FakeMxHosts.AddressOf(5))
            .AddMx("kreis.de", 20, "mx2.kreis.de").AddA("mx2.kreis.de", FakeMxHosts.AddressOf(1))
            .AddTxt("_dmarc.kreis.de", "v=DMARC1; p=none");
    }

    public async Task DisposeAsync()
    {
        await _mx.DisposeAsync();
        _dns.Dispose();
    }

    [Fact]
    public async Task A_post_is_mitigated_and_routed_by_what_DNS_says()
    {
        await using var daemon = await TestDaemon.StartAsync(null, settings =>
        {
            settings.Delivery.Mode = "mx";
            settings.Delivery.MxPort = _mx.Port;
            settings.Dns.Servers = [_dns.Endpoint];
            // The unsigned test post stands for an authentic one; inbound DMARC would hold it as forged.
            settings.Authentication.Verify = false;
        }, services => services.AddSingleton<IDnsResolver, DnsClientResolver>());
        daemon.AddMembers(["erika@stadt.de", "max@kreis.de", "weg@gibtsnicht.de"]);
        var finished = daemon.WaitForAttemptAsync((_, done) => done, Timeout);

        var post = "From: Erika Muster <erika@stadt.de>\r\nTo: bayern@lists.integreat.example\r\nSubject: Treffen\r\n" +
                   "Message-ID: <real-dns-1@stadt.de>\r\n\r\nHallo\r\n";
        await daemon.PostRawAsync(Encoding.UTF8.GetBytes(post), "erika@stadt.de", TestDaemon.Bayern);
        await finished;

        Assert.Equal(["erika@stadt.de"], _mx.Hosts[0].DeliveredTo);
        Assert.Equal(["max@kreis.de"], _mx.Hosts[1].DeliveredTo);
        foreach (var copy in _mx.Hosts.SelectMany(h => h.Messages))
        {
            var message = MimeMessage.Load(new MemoryStream(copy.Data));
            Assert.Equal(("Erika Muster via Integreat Bayern", TestDaemon.Bayern), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
            Assert.Equal("erika@stadt.de", message.ReplyTo.Mailboxes.Single().Address);
        }
        var bounce = Assert.Single(daemon.Get<IBounceEventStore>().ForList(TestDaemon.Bayern));
        Assert.Equal(("weg@gibtsnicht.de", "5.1.2"), (bounce.Address, bounce.Dsn));
        Assert.True(_dns.Queries >= 6, $"{_dns.Queries} DNS questions");
    }
}
