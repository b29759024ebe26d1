using Integreat.Lists.Core.Dmarc;
using Integreat.Lists.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

public sealed class DmarcPolicyResolverTests
{
    static readonly PublicSuffixList Suffixes = PublicSuffixList.Parse(new StringReader("de\nco.uk\nuk\n"));
    readonly InMemoryDnsResolver _dns = new();
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero));
    readonly DmarcPolicyResolver _resolver;

    public DmarcPolicyResolverTests() => _resolver = new DmarcPolicyResolver(_dns, Suffixes, _time);

    Task<DmarcLookup> Lookup(string domain) => _resolver.LookupAsync(domain, CancellationToken.None);

    [Fact]
    public async Task Finds_the_record_at_the_From_domain()
    {
        _dns.AddTxt("_dmarc.stadt.de", "v=DMARC1; p=reject");
        var lookup = await Lookup("Stadt.DE.");
        Assert.Equal(DmarcStatus.Found, lookup.Status);
        Assert.Equal(("stadt.de", "stadt.de", DmarcPolicy.Reject), (lookup.Domain, lookup.RecordDomain, lookup.Policy));
        Assert.True(lookup.IsStrict);
    }

    [Fact]
    public async Task Falls_back_to_the_organisational_domain_and_its_subdomain_policy()
    {
        _dns.AddTxt("_dmarc.kreis.co.uk", "v=DMARC1; p=none; sp=quarantine");
        var lookup = await Lookup("post.amt.kreis.co.uk");
        Assert.Equal(("kreis.co.uk", "kreis.co.uk", DmarcPolicy.Quarantine), (lookup.OrganisationalDomain, lookup.RecordDomain, lookup.Policy));
        Assert.True(lookup.IsStrict);
        Assert.Equal(DmarcPolicy.None, (await Lookup("kreis.co.uk")).Policy);
    }

    [Fact]
    public async Task Uses_p_for_a_subdomain_when_sp_is_absent()
    {
        _dns.AddTxt("_dmarc.stadt.de", "v=DMARC1; p=quarantine");
        Assert.Equal(DmarcPolicy.Quarantine, (await Lookup("mail.stadt.de")).Policy);
    }

    [Fact]
    public async Task A_record_at_the_From_domain_wins_over_the_organisational_domain()
    {
        _dns.AddTxt("_dmarc.stadt.de", "v=DMARC1; p=reject").AddTxt("_dmarc.mail.stadt.de", "v=DMARC1; p=none");
        var lookup = await Lookup("mail.stadt.de");
        Assert.Equal(("mail.stadt.de", DmarcPolicy.None, false), (lookup.RecordDomain, lookup.Policy, lookup.IsStrict));
    }

    [Fact]
    public async Task No_record_anywhere_is_no_policy()
    {
        _dns.AddTxt("_dmarc.stadt.de", "v=spf1 -all");
        var lookup = await Lookup("mail.stadt.de");
        Assert.Equal((DmarcStatus.NoPolicy, (DmarcPolicy?)null, false), (lookup.Status, lookup.Policy, lookup.IsStrict));
    }

    [Fact]
    public async Task Two_records_at_one_name_are_no_policy()
    {
        _dns.AddTxt("_dmarc.stadt.de", "v=DMARC1; p=reject").AddTxt("_dmarc.stadt.de", "v=DMARC1; p=none");
        Assert.Equal(DmarcStatus.NoPolicy, (await Lookup("stadt.de")).Status);
    }

    [Fact]
    public async Task A_DNS_failure_is_told_apart_from_no_record()
    {
        _dns.Fail("_dmarc.mail.stadt.de");
        Assert.Equal(DmarcStatus.DnsFailure, (await Lookup("mail.stadt.de")).Status);
        _dns.Fail("_dmarc.amt.de");
        Assert.Equal(DmarcStatus.DnsFailure, (await Lookup("post.amt.de")).Status);
    }

    [Fact]
    public async Task Caches_answers_for_their_TTL_on_the_injected_clock()
    {
        _dns.Ttl = TimeSpan.FromMinutes(10);
        _dns.AddTxt("_dmarc.stadt.de", "v=DMARC1; p=reject");
        await Lookup("stadt.de");
        await Lookup("stadt.de");
        Assert.Equal(1, _dns.Queries);
        _time.Advance(TimeSpan.FromMinutes(9));
        await Lookup("stadt.de");
        Assert.Equal(1, _dns.Queries);
        _time.Advance(TimeSpan.FromMinutes(1));
        await Lookup("stadt.de");
        Assert.Equal(2, _dns.Queries);
    }

    [Fact]
    public async Task Caches_negative_answers_but_not_failures()
    {
        await Lookup("mail.stadt.de");
        await Lookup("mail.stadt.de");
        Assert.Equal(2, _dns.Queries);
        _dns.Fail("_dmarc.amt.de");
        await Lookup("amt.de");
        await Lookup("amt.de");
        Assert.Equal(4, _dns.Queries);
    }
}
