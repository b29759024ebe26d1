using System.Text;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

/// <summary>Mail to <c>bayern-owner@</c> from a <c>p=reject</c> or <c>p=quarantine</c> domain reaches the owners
/// From <c>"Erika Muster via Integreat Bayern" &lt;bayern-owner@…&gt;</c>, DKIM-signed by the list domain, with the
/// author in Reply-To, so it passes DMARC at the owners' providers; from a <c>p=none</c> domain it stays unchanged.</summary>
public sealed class OwnerMailDmarcTests : SignedDeliveryTest
{
    const string Owner = "bayern-owner@lists.integreat.example";
    static readonly string[] Owners = ["chefin@landkreis.de", "stellvertreter@example.net"];

    async Task<(TestDaemon Daemon, DkimKeys Keys)> StartAsync()
    {
        var keys = GenerateKey();
        var daemon = await StartDaemonAsync();
        daemon.Dns.AddTxt("_dmarc.stadt.de", "v=DMARC1; p=reject").AddTxt("_dmarc.gemeinde.de", "v=DMARC1; p=quarantine")
            .AddTxt("_dmarc.verein.de", "v=DMARC1; p=none");
        daemon.AddMembers(Owners, MemberRole.Owner);
        return (daemon, keys);
    }

    static byte[] Mail(string from) => Encoding.UTF8.GetBytes(
        $"From: {from}\r\nTo: {Owner}\r\nSubject: Frage zur Liste\r\nMessage-ID: <owner-{Guid.NewGuid():N}@x>\r\n\r\nHallo\r\n");

    [Theory]
    [InlineData("erika@stadt.de")]
    [InlineData("erika@gemeinde.de")]
    public async Task Owner_mail_from_a_strict_domain_goes_out_From_the_owner_address_and_signed(string author)
    {
        var (daemon, keys) = await StartAsync();
        await using var _ = daemon;

        await daemon.PostRawAsync(Mail($"Erika Muster <{author}>"), author, Owner);
        await Smarthost.WaitForRecipientsAsync(Owners.Length, Timeout);

        var copy = Assert.Single(Smarthost.Messages);
        Assert.Equal(Owners.Order(), copy.Recipients.Order());
        var message = MimeMessage.Load(new MemoryStream(copy.Data));
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Erika Muster via Integreat Bayern", Owner), (from.Name, from.Address));
        Assert.Equal(author, Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal(Owner, message.Headers["X-BeenThere"]);
        Assert.True(keys.Verifies(copy.Data));
        Assert.Equal("lists.integreat.example", DkimKeys.Tags(copy.Data)["d"]);
    }

    [Fact]
    public async Task Owner_mail_from_a_p_none_domain_keeps_its_From()
    {
        var (daemon, _) = await StartAsync();
        await using var __ = daemon;

        await daemon.PostRawAsync(Mail("Max <max@verein.de>"), "max@verein.de", Owner);
        await Smarthost.WaitForRecipientsAsync(Owners.Length, Timeout);

        var message = Assert.Single(Smarthost.Messages).ToMimeMessage();
        Assert.Equal("max@verein.de", Assert.Single(message.From.Mailboxes).Address);
        Assert.Empty(message.ReplyTo);
    }
}
