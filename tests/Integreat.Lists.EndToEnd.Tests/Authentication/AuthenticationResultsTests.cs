using System.Text;
using Integreat.Lists.Core.Authentication;
using Integreat.Lists.Core.Commands;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Authentication;

/// <summary>Our <c>Authentication-Results</c> (RFC 8601): forged fields in our name are removed wherever they are (§5),
/// ours goes on top, results of a trusted MTA above the first Received: are taken, and our own aligned DKIM pass
/// lets admin mode (b) run commands at once.</summary>
public sealed class AuthenticationResultsTests : IDisposable
{
    const string Ours = AuthenticationFixture.OurId;
    readonly AuthenticationFixture _auth = new(trusted: ["mx.integreat.example"]);

    public void Dispose() => _auth.Dispose();

    static string[] Fields(HeaderList headers) => headers.Where(h => h.Id == HeaderId.AuthenticationResults).Select(h => h.Value.Trim()).ToArray();

    [Fact]
    public void ForgedFieldsInOurNameGoAndOursIsOnTop()
    {
        var forged = $"Authentication-Results: {Ours}; dkim=pass header.d=kreis-xy.de\r\n" +
                     "Authentication-Results: other.example; spf=pass smtp.mailfrom=kreis-xy.de\r\n";
        var raw = AuthenticationFixture.Mail("amt@kreis-xy.de", forged + $"Received: from x\r\nAUTHENTICATION-RESULTS: {Ours.ToUpperInvariant()} ; dkim=pass\r\n");

        var (verdict, message) = _auth.Run(raw, AuthenticationFixture.Data("amt@kreis-xy.de"));

        Assert.Equal(HeaderId.AuthenticationResults, message.Headers[0].Id);
        var fields = Fields(message.Headers);
        Assert.Equal(2, fields.Length);
        Assert.Equal($"{Ours}; dkim=none; spf=none smtp.mailfrom=kreis-xy.de; dmarc=none header.from=kreis-xy.de", fields[0]);
        Assert.StartsWith("other.example;", fields[1]);
        Assert.Null(AdminAuthentication.VouchedBy(message.Headers, "amt@kreis-xy.de", [Ours]));
        Assert.Empty(verdict.Dkim);
    }

    [Fact]
    public void OurOwnAlignedDkimPassFeedsAdminModeB()
    {
        var signed = _auth.Sign(AuthenticationFixture.Mail("chefin@kreis-xy.de"));

        var (_, message) = _auth.Run(signed, AuthenticationFixture.Data("chefin@kreis-xy.de"));

        Assert.StartsWith($"{Ours}; dkim=pass header.d=kreis-xy.de header.s=s1;", Fields(message.Headers)[0]);
        Assert.Equal(Ours, AdminAuthentication.VouchedBy(message.Headers, "chefin@kreis-xy.de", [Ours]));
        Assert.Null(AdminAuthentication.VouchedBy(message.Headers, "chefin@stadt.de", [Ours]));
    }

    [Fact]
    public void ATrustedMtasResultsAboveTheFirstReceivedAreUsed()
    {
        _auth.Dns.AddTxt("_dmarc.kreis-xy.de", "v=DMARC1; p=reject");
        var top = "Authentication-Results: mx.integreat.example; dkim=pass header.d=kreis-xy.de header.s=k1; spf=fail smtp.mailfrom=amt@kreis-xy.de\r\n" +
                  "Received: from mail.kreis-xy.de by mx.integreat.example\r\n";

        var (verdict, message) = _auth.Run(AuthenticationFixture.Mail("amt@kreis-xy.de", top), AuthenticationFixture.Data("amt@kreis-xy.de", "127.0.0.1"));

        Assert.Equal("mx.integreat.example", verdict.AuthservId);
        Assert.Equal(new DkimCheck(AuthResult.Pass, "kreis-xy.de", "k1"), Assert.Single(verdict.Dkim));
        Assert.Equal(new SpfCheck(AuthResult.Fail, "kreis-xy.de", false), verdict.Spf);
        Assert.Equal(AuthResult.Pass, verdict.Dmarc.Result);
        Assert.StartsWith($"{Ours} (dkim and spf from mx.integreat.example); dkim=pass", Fields(message.Headers)[0]);
    }

    [Fact]
    public void ATrustedFieldBelowAReceivedIsTheSendersOwnAndIgnored()
    {
        _auth.Dns.AddTxt("_dmarc.kreis-xy.de", "v=DMARC1; p=reject");
        var below = "Received: from evil.example by mx.integreat.example\r\n" +
                    "Authentication-Results: mx.integreat.example; dkim=pass header.d=kreis-xy.de header.s=k1\r\n";

        var (verdict, _) = _auth.Run(AuthenticationFixture.Mail("amt@kreis-xy.de", below), AuthenticationFixture.Data("x@evil.example", "203.0.113.9"));

        Assert.Equal(Ours, verdict.AuthservId);
        Assert.True(verdict.FailsDmarcReject);
    }

    [Fact]
    public void WithoutVerificationNothingIsAskedAndDmarcIsNone()
    {
        using var off = new AuthenticationFixture(verify: false);
        off.Dns.AddTxt("_dmarc.kreis-xy.de", "v=DMARC1; p=reject");
        var before = off.Dns.Queries;

        var (verdict, _) = off.Run(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(AuthenticationFixture.Mail("amt@kreis-xy.de"))),
            AuthenticationFixture.Data("amt@kreis-xy.de"));

        Assert.Equal(AuthResult.None, verdict.Dmarc.Result);
        Assert.Equal(before, off.Dns.Queries);
    }
}
