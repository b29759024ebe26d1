using System.Text;
using Integreat.Lists.Core.Authentication;

namespace Integreat.Lists.EndToEnd.Tests.Authentication;

/// <summary>DKIM verification of incoming mail (RFC 6376 §6) with real keys in a fake DNS zone.</summary>
public sealed class DkimEvaluatorTests : IDisposable
{
    readonly AuthenticationFixture _auth = new();

    public void Dispose() => _auth.Dispose();

    [Fact]
    public void ASignedMailPassesWithItsDomainAndSelector()
    {
        var signed = _auth.Sign(AuthenticationFixture.Mail("amt@kreis-xy.de"));

        var dkim = Assert.Single(_auth.Run(signed, AuthenticationFixture.Data("amt@kreis-xy.de")).Verdict.Dkim);

        Assert.Equal(new DkimCheck(AuthResult.Pass, "kreis-xy.de", "s1"), dkim);
    }

    [Fact]
    public void AChangedBodyFails()
    {
        var signed = Encoding.UTF8.GetString(_auth.Sign(AuthenticationFixture.Mail("amt@kreis-xy.de")));
        var changed = Encoding.UTF8.GetBytes(signed.Replace("bis bald", "bis nie", StringComparison.Ordinal));

        Assert.Equal(AuthResult.Fail, Assert.Single(_auth.Run(changed, AuthenticationFixture.Data("amt@kreis-xy.de")).Verdict.Dkim).Result);
    }

    [Fact]
    public void AMissingKeyIsPermErrorAndAFailingLookupTempError()
    {
        var signed = Encoding.UTF8.GetString(_auth.Sign(AuthenticationFixture.Mail("amt@kreis-xy.de")));
        var missing = Encoding.UTF8.GetBytes(signed.Replace("s=s1", "s=s9", StringComparison.Ordinal));
        _auth.Dns.Fail("s1._domainkey.kreis-xy.de");

        Assert.Equal(AuthResult.PermError, Assert.Single(_auth.Run(missing, AuthenticationFixture.Data("")).Verdict.Dkim).Result);
        Assert.Equal(AuthResult.TempError,
            Assert.Single(_auth.Run(Encoding.UTF8.GetBytes(signed), AuthenticationFixture.Data("")).Verdict.Dkim).Result);
    }

    [Fact]
    public void AnUnsignedMailHasNoDkimResult()
        => Assert.Empty(_auth.Run(AuthenticationFixture.Mail("amt@kreis-xy.de"), AuthenticationFixture.Data("amt@kreis-xy.de")).Verdict.Dkim);
}
