using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using MimeKit;
using static Integreat.Lists.EndToEnd.Tests.Commands.CommandExchange;

namespace Integreat.Lists.EndToEnd.Tests.Commands;

/// <summary>Admin mode (b): an owner's command mail runs at once only with an aligned <c>dkim=pass</c> in the
/// <c>Authentication-Results</c> of a trusted authserv-id at the top of the header; everything else falls back to
/// the confirmation round trip (mode (a)) and changes no roster.</summary>
public sealed class AdminAuthenticationTests : IAsyncLifetime
{
    const string Trusted = "mx.integreat.example";
    CommandExchange _mail = null!;

    public async Task InitializeAsync() => _mail = await StartAsync(s => s.Commands.TrustedAuthservIds = [Trusted]);

    public async Task DisposeAsync() => await _mail.DisposeAsync();

    static MimeMessage Signed(string body, string authenticationResults, bool belowReceived = false)
    {
        var message = CommandMailTests.Mail($"Chefin <{Owner}>", CommandMailTests.Request, "", body);
        message.Headers.Insert(0, new Header("Authentication-Results", authenticationResults));
        if (belowReceived)
            message.Headers.Insert(0, new Header("Received", "from mail.evil.example by mx.integreat.example; Mon, 2 Nov 2026 09:00:00 +0000"));
        return message;
    }

    [Fact]
    public async Task ATrustedAlignedDkimPassRunsTheCommandsAtOnce()
    {
        var sent = await _mail.SendAsync(Signed("add neu@example.org Neue Person\nremove erika@example.org\n",
            $"{Trusted}; dkim=pass header.d=kommune.de header.s=s2026; spf=pass smtp.mailfrom=kommune.de"), Owner, CommandMailTests.Request, 3);

        Assert.DoesNotContain(sent, m => (m.ToMimeMessage().Subject ?? "").StartsWith("Befehle bestätigen", StringComparison.Ordinal));
        Assert.Equal([Owner, "neu@example.org"], _mail.Roster().Select(m => m.Address).Order());
        var results = Results(sent, Owner);
        Assert.Contains("Ausgeführt (Absender durch DKIM bestätigt): aufgenommen", results);
        Assert.Contains("Done (sender confirmed by DKIM): removed", results);
        Assert.All(_mail.Daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern),
            a => Assert.EndsWith($"(dkim pass, Authentication-Results of {Trusted})", a.Result));
    }

    [Theory]
    [InlineData("untrusted authserv-id", "mx.evil.example; dkim=pass header.d=kommune.de", false)]
    [InlineData("dkim fail", Trusted + "; dkim=fail header.d=kommune.de", false)]
    [InlineData("unaligned signing domain", Trusted + "; dkim=pass header.d=evil.example", false)]
    [InlineData("a public suffix as the signing domain", Trusted + "; dkim=pass header.d=de", false)]
    [InlineData("spf pass alone", Trusted + "; dkim=none; spf=pass smtp.mailfrom=kommune.de", false)]
    [InlineData("forged below the Received field", Trusted + "; dkim=pass header.d=kommune.de", true)]
    public async Task AnythingElseFallsBackToTheConfirmationAndChangesNothing(string why, string authenticationResults, bool belowReceived)
    {
        var sent = await _mail.SendAsync(Signed("add spam@evil.example\nremove erika@example.org\n", authenticationResults, belowReceived),
            "attacker@evil.example", CommandMailTests.Request, 2);

        Assert.True(sent.All(m => m.Recipients.SequenceEqual([Owner])), why);
        Assert.Contains("gefälscht", Confirmation(sent).ToMimeMessage().TextBody);
        Assert.Equal([Owner, "erika@example.org"], _mail.Roster().Select(m => m.Address).Order());
        Assert.Empty(_mail.Daemon.Get<IAuditLog>().ForList(TestDaemon.Bayern));
    }
}
