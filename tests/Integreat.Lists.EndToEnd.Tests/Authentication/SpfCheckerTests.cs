using System.Net;
using Integreat.Lists.Core.Authentication;
using Integreat.Lists.Smtp.Authentication;
using Integreat.Lists.Testing;

namespace Integreat.Lists.EndToEnd.Tests.Authentication;

/// <summary>SPF (RFC 7208) by ARSoft.Tools.Net's validator over our DNS port, against a fake zone.</summary>
public sealed class SpfCheckerTests
{
    readonly InMemoryDnsResolver _dns = new();

    Task<AuthResult> Check(string ip, string domain = "kreis-xy.de")
        => new ArSoftSpfChecker(_dns).CheckAsync(IPAddress.Parse(ip), domain, "amt@" + domain, "mail." + domain, CancellationToken.None);

    [Theory]
    [InlineData("192.0.2.25", AuthResult.Pass)]
    [InlineData("198.51.100.7", AuthResult.Fail)]
    [InlineData("2001:db8::25", AuthResult.Pass)]
    public async Task Ip4Ip6AndAllGiveTheQualifier(string ip, AuthResult expected)
    {
        _dns.AddTxt("kreis-xy.de", "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all");

        Assert.Equal(expected, await Check(ip));
    }

    [Fact]
    public async Task AAndMxMechanismsAskForAddresses()
    {
        _dns.AddTxt("kreis-xy.de", "v=spf1 a mx ~all").AddAddress("kreis-xy.de", "192.0.2.1")
            .AddMx("kreis-xy.de", 10, "mx.kreis-xy.de").AddAddress("mx.kreis-xy.de", "192.0.2.2");

        Assert.Equal(AuthResult.Pass, await Check("192.0.2.1"));
        Assert.Equal(AuthResult.Pass, await Check("192.0.2.2"));
        Assert.Equal(AuthResult.SoftFail, await Check("192.0.2.3"));
    }

    [Fact]
    public async Task AnIncludeWhoseDnsFailsIsTempError()
    {
        _dns.AddTxt("kreis-xy.de", "v=spf1 include:_spf.provider.example -all").Fail("_spf.provider.example");

        Assert.Equal(AuthResult.TempError, await Check("192.0.2.1"));
    }

    [Fact]
    public async Task NoRecordIsNoneAndTwoRecordsArePermError()
    {
        Assert.Equal(AuthResult.None, await Check("192.0.2.1"));
        _dns.AddTxt("kreis-xy.de", "v=spf1 -all").AddTxt("kreis-xy.de", "v=spf1 +all");
        Assert.Equal(AuthResult.PermError, await Check("192.0.2.1"));
    }
}
