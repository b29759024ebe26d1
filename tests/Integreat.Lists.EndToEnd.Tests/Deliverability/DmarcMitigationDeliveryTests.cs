using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

/// <summary>A post from a <c>p=reject</c> domain leaves From the list, DKIM-signed by the list domain (so it passes
/// DMARC aligned at members' servers), with the author in Reply-To; a <c>p=none</c> post keeps its From.</summary>
public sealed class DmarcMitigationDeliveryTests : SignedDeliveryTest
{
    static readonly string[] Members = ["erika@stadt.de", "max@example.net"];
    readonly InMemoryDnsResolver _dns = new InMemoryDnsResolver()
        .AddTxt("_dmarc.stadt.de", "v=DMARC1; p=reject; rua=mailto:dmarc@stadt.de").AddTxt("_dmarc.example.net", "v=DMARC1; p=none");

    static byte[] Post(string from, string id) => Encoding.UTF8.GetBytes(
        $"From: {from}\r\nTo: bayern@lists.integreat.example\r\nSubject: Treffen\r\nMessage-ID: <{id}@x>\r\n\r\nHallo\r\n");

    [Fact]
    public async Task A_post_from_a_p_reject_domain_goes_out_From_the_list_and_signed()
    {
        var keys = GenerateKey();
        // The unsigned test post stands for an authentic one; inbound DMARC would hold it as forged.
        await using var daemon = await StartDaemonAsync(settings => settings.Authentication.Verify = false, s => s.AddSingleton<IDnsResolver>(_dns));
        daemon.AddMembers(Members);

        await daemon.PostRawAsync(Post("Erika Muster <erika@stadt.de>", "m1"), "erika@stadt.de", TestDaemon.Bayern);
        await Smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        foreach (var copy in Smarthost.Messages)
        {
            var message = MimeMessage.Load(new MemoryStream(copy.Data));
            var from = Assert.Single(message.From.Mailboxes);
            Assert.Equal(("Erika Muster via Integreat Bayern", TestDaemon.Bayern), (from.Name, from.Address));
            Assert.Equal("erika@stadt.de", Assert.Single(message.ReplyTo.Mailboxes).Address);
            Assert.True(keys.Verifies(copy.Data));
            Assert.Equal("lists.integreat.example", DkimKeys.Tags(copy.Data)["d"]);
        }
    }

    [Fact]
    public async Task A_post_from_a_p_none_domain_keeps_its_From()
    {
        // The unsigned test post stands for an authentic one; inbound DMARC would hold it as forged.
        await using var daemon = await StartDaemonAsync(settings => settings.Authentication.Verify = false, s => s.AddSingleton<IDnsResolver>(_dns));
        daemon.AddMembers(Members);

        await daemon.PostRawAsync(Post("Max <max@example.net>", "m2"), "max@example.net", TestDaemon.Bayern);
        await Smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        Assert.All(Smarthost.Messages, copy =>
            Assert.Equal("max@example.net", MimeMessage.Load(new MemoryStream(copy.Data)).From.Mailboxes.Single().Address));
    }
}
