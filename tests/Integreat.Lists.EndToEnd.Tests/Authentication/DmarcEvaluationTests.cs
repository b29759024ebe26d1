using Integreat.Lists.Core.Authentication;
using Integreat.Lists.Core.Dmarc;

namespace Integreat.Lists.EndToEnd.Tests.Authentication;

/// <summary>DMARC of incoming mail (RFC 7489 §3.1 alignment, §6.6.2): a policy, and an aligned DKIM or SPF pass.</summary>
public sealed class DmarcEvaluationTests : IDisposable
{
    readonly AuthenticationFixture _auth = new();

    public void Dispose() => _auth.Dispose();

    DmarcCheck Dmarc(byte[] raw, string sender, string? client = "192.0.2.25") => _auth.Run(raw, AuthenticationFixture.Data(sender, client)).Verdict.Dmarc;

    [Fact]
    public void AnUnsignedMailFromARejectDomainFromAForeignServerFails()
    {
        _auth.Dns.AddTxt("_dmarc.kreis-xy.de", "v=DMARC1; p=reject").AddTxt("kreis-xy.de", "v=spf1 ip4:192.0.2.0/24 -all");

        var check = Dmarc(AuthenticationFixture.Mail("amt@kreis-xy.de"), "amt@kreis-xy.de", "203.0.113.9");

        Assert.Equal(new DmarcCheck(AuthResult.Fail, "kreis-xy.de", DmarcPolicy.Reject), check);
    }

    [Fact]
    public void AnAlignedSpfPassOrAnAlignedDkimPassPasses()
    {
        _auth.Dns.AddTxt("_dmarc.kreis-xy.de", "v=DMARC1; p=reject").AddTxt("bounce.kreis-xy.de", "v=spf1 ip4:192.0.2.0/24 -all");

        Assert.Equal(AuthResult.Pass, Dmarc(AuthenticationFixture.Mail("amt@kreis-xy.de"), "b@bounce.kreis-xy.de").Result);
        Assert.Equal(AuthResult.Pass, Dmarc(_auth.Sign(AuthenticationFixture.Mail("amt@post.kreis-xy.de")), "x@elsewhere.example", "203.0.113.9").Result);
    }

    [Fact]
    public void StrictAlignmentNeedsTheSameDomain()
    {
        _auth.Dns.AddTxt("_dmarc.post.kreis-xy.de", "v=DMARC1; p=reject; adkim=s; aspf=s");

        var check = Dmarc(_auth.Sign(AuthenticationFixture.Mail("amt@post.kreis-xy.de")), "amt@post.kreis-xy.de", "203.0.113.9");

        Assert.Equal(AuthResult.Fail, check.Result);
    }

    [Fact]
    public void ASignatureOfAnotherOrganisationDoesNotAlign()
    {
        _auth.Dns.AddTxt("_dmarc.stadt.de", "v=DMARC1; p=quarantine");

        var check = Dmarc(_auth.Sign(AuthenticationFixture.Mail("buergermeister@stadt.de")), "x@stadt.de", "203.0.113.9");

        Assert.Equal(new DmarcCheck(AuthResult.Fail, "stadt.de", DmarcPolicy.Quarantine), check);
    }

    [Fact]
    public void NoPolicyIsNoneAndAFailingLookupTempError()
    {
        Assert.Equal(AuthResult.None, Dmarc(AuthenticationFixture.Mail("a@stadt.de"), "a@stadt.de").Result);
        _auth.Dns.Fail("_dmarc.kreis-xy.de");
        Assert.Equal(AuthResult.TempError, Dmarc(AuthenticationFixture.Mail("a@kreis-xy.de"), "a@kreis-xy.de").Result);
    }

    [Fact]
    public void ASecondFromMailboxDoesNotHideAForgedFirstOne()
    {
        _auth.Dns.AddTxt("_dmarc.kreis-xy.de", "v=DMARC1; p=reject");

        var check = Dmarc(AuthenticationFixture.Mail("amt@kreis-xy.de, ich@frei.example"), "ich@frei.example", "203.0.113.9");

        Assert.Equal(new DmarcCheck(AuthResult.Fail, "kreis-xy.de", DmarcPolicy.Reject), check);
    }

    [Fact]
    public void AnSpfPassForTheHeloIdentityDoesNotAlign()
    {
        _auth.Dns.AddTxt("_dmarc.kreis-xy.de", "v=DMARC1; p=reject").AddTxt("mail.kreis-xy.de", "v=spf1 ip4:192.0.2.0/24 -all");

        var verdict = _auth.Run(AuthenticationFixture.Mail("amt@kreis-xy.de"), AuthenticationFixture.Data("")).Verdict;

        Assert.Equal(new SpfCheck(AuthResult.Pass, "mail.kreis-xy.de", true), verdict.Spf);
        Assert.True(verdict.FailsDmarcReject);
    }
}
