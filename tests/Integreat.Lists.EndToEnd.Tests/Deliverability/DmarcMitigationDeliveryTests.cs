using System.Text;
using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Deliverability;

/// <summary>A post from a <c>p=reject</c> domain leaves From the list, DKIM-signed by the list domain (so it passes
/// DMARC aligned at members' servers), with the author in Reply-To; a <c>p=none</c> post keeps its From.</summary>
public sealed class DmarcMitigationDeliveryTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    static readonly string[] Members = ["erika@stadt.de", "max@example.net"];
    readonly string _directory = Path.Combine(Path.GetTempPath(), "integreat-e2e-" + Guid.NewGuid().ToString("N"));
    readonly InMemoryDnsResolver _dns = new InMemoryDnsResolver()
        .AddTxt("_dmarc.stadt.de", "v=DMARC1; p=reject; rua=mailto:dmarc@stadt.de").AddTxt("_dmarc.example.net", "v=DMARC1; p=none");
    FakeSmarthost _smarthost = null!;

    public async Task InitializeAsync() => _smarthost = await FakeSmarthost.StartAsync();

    public async Task DisposeAsync()
    {
        await _smarthost.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    static byte[] Post(string from, string id) => Encoding.UTF8.GetBytes(
        $"From: {from}\r\nTo: bayern@lists.integreat.example\r\nSubject: Treffen\r\nMessage-ID: <{id}@x>\r\n\r\nHallo\r\n");

    [Fact]
    public async Task A_post_from_a_p_reject_domain_goes_out_From_the_list_and_signed()
    {
        var keys = new DkimKeys(Path.Combine(_directory, "data", "dkim"));
        await using var daemon = await TestDaemon.StartAsync(_smarthost.HostPort, directory: _directory,
            // The unsigned test post stands for an authentic one; inbound DMARC would hold it as forged.
            tweak: settings => settings.Authentication.Verify = false, services: s => s.AddSingleton<IDnsResolver>(_dns));
        daemon.AddMembers(Members);

        await daemon.PostRawAsync(Post("Erika Muster <erika@stadt.de>", "m1"), "erika@stadt.de", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        foreach (var copy in _smarthost.Messages)
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
        await using var daemon = await TestDaemon.StartAsync(_smarthost.HostPort, directory: _directory,
            // The unsigned test post stands for an authentic one; inbound DMARC would hold it as forged.
            tweak: settings => settings.Authentication.Verify = false, services: s => s.AddSingleton<IDnsResolver>(_dns));
        daemon.AddMembers(Members);

        await daemon.PostRawAsync(Post("Max <max@example.net>", "m2"), "max@example.net", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        Assert.All(_smarthost.Messages, copy =>
            Assert.Equal("max@example.net", MimeMessage.Load(new MemoryStream(copy.Data)).From.Mailboxes.Single().Address));
    }
}
