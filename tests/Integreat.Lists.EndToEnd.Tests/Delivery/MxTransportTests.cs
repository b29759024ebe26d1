using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Configuration;
using Integreat.Lists.Core.Delivering;
using Integreat.Lists.Delivery;
using Integreat.Lists.Testing;
using Microsoft.Extensions.Options;

namespace Integreat.Lists.EndToEnd.Tests.Delivery;

/// <summary>MX delivery against fake MX hosts on 127.0.0.2, .3, .4 with a fake zone: host order, fallback, null MX,
/// NXDOMAIN, implicit MX, per-domain grouping and the per-domain connection cap.</summary>
public sealed class MxTransportTests : IAsyncLifetime
{
    static readonly byte[] Message = Encoding.ASCII.GetBytes("From: bayern@lists.example.org\r\nSubject: MX\r\n\r\nHallo\r\n");
    const string Sender = "bayern-bounces@lists.example.org";
    readonly InMemoryDnsResolver _dns = new();
    FakeMxHosts _mx = null!;

    public async Task InitializeAsync() => _mx = await FakeMxHosts.StartAsync(3);

    public async Task DisposeAsync() => await _mx.DisposeAsync();

    FakeSmarthost Host(int index) => _mx.Hosts[index];

    MxTransport Transport(Action<DeliveryOptions>? tweak = null)
    {
        var options = new DeliveryOptions { Mode = "mx", MxPort = _mx.Port, CommandTimeout = TimeSpan.FromSeconds(30) };
        tweak?.Invoke(options);
        return new MxTransport(_dns, Options.Create(options));
    }

    /// <summary>mx{i}.test names host i's address.</summary>
    InMemoryDnsResolver Zone(string domain, params (int Preference, int Host)[] mx)
    {
        foreach (var (preference, host) in mx)
        {
            _dns.AddMx(domain, preference, $"mx{host}.{domain}");
            _dns.AddAddress($"mx{host}.{domain}", FakeMxHosts.AddressOf(host));
        }
        return _dns;
    }

    static async Task<IReadOnlyList<RecipientResult>> SendAsync(IOutboundTransport transport, params string[] recipients)
    {
        await using var session = await transport.OpenAsync(CancellationToken.None);
        return await session.SendAsync(Message, Sender, recipients, CancellationToken.None);
    }

    [Fact]
    public async Task Delivers_to_the_most_preferred_host()
    {
        Zone("stadt.de", (20, 1), (10, 0));
        var result = Assert.Single(await SendAsync(Transport(), "erika@stadt.de"));
        Assert.True(result.Delivered, result.Reply);
        Assert.Contains("from mx0.stadt.de[127.0.0.2]", result.Reply);
        Assert.Equal(["erika@stadt.de"], Host(0).DeliveredTo);
        Assert.Empty(Host(1).DeliveredTo);
    }

    [Fact]
    public async Task A_refused_connection_tries_the_next_host()
    {
        Zone("stadt.de", (10, 7), (20, 1));
        var result = Assert.Single(await SendAsync(Transport(), "erika@stadt.de"));
        Assert.True(result.Delivered, result.Reply);
        Assert.Equal(["erika@stadt.de"], Host(1).DeliveredTo);
    }

    [Fact]
    public async Task A_4xx_tries_the_next_host_and_a_5xx_does_not()
    {
        Zone("stadt.de", (10, 0), (20, 1));
        Host(0).Script("erika@stadt.de", "451 4.7.1 greylisted");
        Host(0).ScriptAlways("max@stadt.de", "550 5.1.1 no such user");
        var results = (await SendAsync(Transport(), "erika@stadt.de", "max@stadt.de")).ToDictionary(r => r.Recipient);
        Assert.True(results["erika@stadt.de"].Delivered);
        Assert.Equal(550, results["max@stadt.de"].Code);
        Assert.Equal(["erika@stadt.de"], Host(1).DeliveredTo);
    }

    [Fact]
    public async Task When_every_host_defers_the_last_4xx_is_kept()
    {
        Zone("stadt.de", (10, 0), (20, 1));
        Host(0).Script("erika@stadt.de", "451 4.7.1 greylisted");
        Host(1).Script("erika@stadt.de", "452 4.2.2 mailbox full");
        var result = Assert.Single(await SendAsync(Transport(), "erika@stadt.de"));
        Assert.Equal(452, result.Code);
        Assert.Contains("mailbox full", result.Reply);
    }

    [Fact]
    public async Task Null_MX_and_NXDOMAIN_are_permanent_and_a_DNS_failure_temporary()
    {
        _dns.AddMx("nomail.de", 0, "");
        _dns.Fail("kaputt.de");
        var results = (await SendAsync(Transport(), "a@nomail.de", "b@gibtsnicht.de", "c@kaputt.de")).ToDictionary(r => r.Recipient);
        Assert.Equal((556, "5.1.10"), (results["a@nomail.de"].Code, results["a@nomail.de"].Dsn));
        Assert.Equal((550, "5.1.2"), (results["b@gibtsnicht.de"].Code, results["b@gibtsnicht.de"].Dsn));
        Assert.Equal((451, "4.4.3"), (results["c@kaputt.de"].Code, results["c@kaputt.de"].Dsn));
    }

    [Fact]
    public async Task A_domain_without_MX_is_its_own_mail_host()
    {
        _dns.AddAddress("amt.de", FakeMxHosts.AddressOf(2)).AddTxt("amt.de", "v=spf1 -all");
        Assert.True(Assert.Single(await SendAsync(Transport(), "jana@amt.de")).Delivered);
        Assert.Equal(["jana@amt.de"], Host(2).DeliveredTo);
    }

    [Fact]
    public async Task A_domain_whose_hosts_have_no_address_bounces()
    {
        _dns.AddMx("leer.de", 10, "mx.leer.de");
        var result = Assert.Single(await SendAsync(Transport(), "a@leer.de"));
        Assert.Equal((550, "5.4.4"), (result.Code, result.Dsn));
    }

    [Fact]
    public async Task Groups_recipients_per_domain_and_keeps_the_connection()
    {
        Zone("stadt.de", (10, 0));
        Zone("kreis.de", (10, 1));
        var transport = Transport();
        await using (var session = await transport.OpenAsync(CancellationToken.None))
        {
            var results = await session.SendAsync(Message, Sender, ["a@stadt.de", "b@kreis.de", "c@stadt.de"], CancellationToken.None);
            Assert.All(results, r => Assert.True(r.Delivered, r.Reply));
            await session.SendAsync(Message, Sender, ["d@stadt.de"], CancellationToken.None);
            Assert.Equal(0, Host(0).SessionsEnded);
        }
        Assert.Equal(["a@stadt.de", "c@stadt.de", "d@stadt.de"], Host(0).DeliveredTo);
        Assert.Equal(["b@kreis.de"], Host(1).DeliveredTo);
        Assert.Equal(2, Host(0).Messages.Count);
        await Host(0).WaitForAsync(h => h.SessionsEnded == 1, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Required_TLS_skips_a_host_without_STARTTLS_and_defers()
    {
        Zone("stadt.de", (10, 0));
        var result = Assert.Single(await SendAsync(Transport(o => o.MxTls = "required"), "erika@stadt.de"));
        Assert.Equal((451, "4.4.1"), (result.Code, result.Dsn));
        Assert.Contains("mx0.stadt.de[127.0.0.2]", result.Reply);
        Assert.Empty(Host(0).DeliveredTo);
    }

    [Fact]
    public async Task The_connections_per_domain_are_capped()
    {
        Zone("stadt.de", (10, 0));
        var transport = Transport(o => (o.MxConnectionsPerDomain, o.CommandTimeout) = (1, TimeSpan.FromSeconds(1)));
        await using var first = await transport.OpenAsync(CancellationToken.None);
        Assert.True(Assert.Single(await first.SendAsync(Message, Sender, ["a@stadt.de"], CancellationToken.None)).Delivered);

        var blocked = Assert.Single(await SendAsync(transport, "b@stadt.de"));
        Assert.Equal((451, "4.4.5"), (blocked.Code, blocked.Dsn));

        await first.DisposeAsync();
        Assert.True(Assert.Single(await SendAsync(transport, "b@stadt.de")).Delivered);
    }

    [Fact]
    public async Task A_members_own_fields_go_above_the_shared_bytes_and_only_in_that_copy()
    {
        Zone("stadt.de", (10, 0));
        var own = Encoding.ASCII.GetBytes("List-Unsubscribe: <https://lists.example.org/u/abc>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
        await using var session = await Transport().OpenAsync(CancellationToken.None);

        var first = await session.SendAsync(own, Message, Sender, ["erika@stadt.de"], CancellationToken.None);
        var second = await session.SendAsync([], Message, Sender, ["max@stadt.de"], CancellationToken.None);

        Assert.True(Assert.Single(first).Delivered && Assert.Single(second).Delivered);
        Assert.Equal([.. own, .. Message], Host(0).Messages.Single(m => m.Recipients.Contains("erika@stadt.de")).Data);
        Assert.Equal(Message, Host(0).Messages.Single(m => m.Recipients.Contains("max@stadt.de")).Data);
    }
}
