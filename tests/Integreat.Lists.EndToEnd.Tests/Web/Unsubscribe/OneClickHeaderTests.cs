using System.Text;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Web.Unsubscribe;

/// <summary>RFC 8058 headers of delivered posts: with a web port each member's copy has its own one-click link, signed
/// by DKIM together with List-Unsubscribe-Post; without one, the mailto alone and identical copies.</summary>
public sealed class OneClickHeaderTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    static readonly string[] Members = ["erika@example.org", "max@example.net", "jana@kommune.de"];
    readonly string _directory = Path.Combine(Path.GetTempPath(), "integreat-e2e-" + Guid.NewGuid().ToString("N"));
    FakeSmarthost _smarthost = null!;

    public async Task InitializeAsync() => _smarthost = await FakeSmarthost.StartAsync();

    public async Task DisposeAsync()
    {
        await _smarthost.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task With_a_web_port_each_copy_has_its_own_signed_one_click_link_and_the_shared_body()
    {
        var keys = new DkimKeys(Path.Combine(_directory, "data", "dkim"));
        await using var daemon = await TestDaemon.StartAsync(_smarthost.HostPort, directory: _directory);
        var web = await daemon.WebUrlAsync();
        daemon.AddMembers(Members);
        var post = Messages.Post("erika@example.org");

        await daemon.PostAsync(post, "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        var links = new HashSet<string>();
        foreach (var copy in _smarthost.Messages)
        {
            var message = copy.ToMimeMessage();
            var unsubscribe = Assert.Single(message.Headers, h => h.Id == HeaderId.ListUnsubscribe).Value;
            Assert.Matches($"^<{web.GetLeftPart(UriPartial.Authority)}/u/[A-Za-z0-9_-]{{40,}}>,\\s*<mailto:bayern-leave@lists.integreat.example>$", unsubscribe.Trim());
            links.Add(unsubscribe);
            Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
            Assert.Single(message.Headers, h => h.Id == HeaderId.DkimSignature);
            Assert.True(keys.Verifies(copy.Data));
            var signed = DkimKeys.Tags(copy.Data)["h"].ToLowerInvariant().Split(':');
            Assert.Contains("list-unsubscribe", signed);
            Assert.Contains("list-unsubscribe-post", signed);
            Assert.Contains("list-id", signed);
            Assert.Equal(Messages.BodyOf(_smarthost.Messages[0].Data), Messages.BodyOf(copy.Data));
        }
        Assert.Equal(Members.Length, links.Count);
    }

    [Fact]
    public async Task A_copy_whose_link_is_altered_no_longer_verifies()
    {
        var keys = new DkimKeys(Path.Combine(_directory, "data", "dkim"));
        await using var daemon = await TestDaemon.StartAsync(_smarthost.HostPort, directory: _directory);
        daemon.AddMembers(["erika@example.org"]);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(1, Timeout);

        var raw = Encoding.ASCII.GetString(_smarthost.Messages[0].Data);
        var altered = Encoding.ASCII.GetBytes(raw.Replace("/u/", "/u/x", StringComparison.Ordinal));
        Assert.True(keys.Verifies(_smarthost.Messages[0].Data));
        Assert.False(keys.Verifies(altered));
    }

    [Fact]
    public async Task Without_a_web_port_the_copies_carry_the_mailto_alone_and_are_identical()
    {
        var keys = new DkimKeys(Path.Combine(_directory, "data", "dkim"));
        await using var daemon = await TestDaemon.StartAsync(_smarthost.HostPort, s => s.Web.Listen = "", directory: _directory);
        daemon.AddMembers(Members);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        foreach (var copy in _smarthost.Messages)
        {
            var message = copy.ToMimeMessage();
            Assert.Equal("<mailto:bayern-leave@lists.integreat.example>", Assert.Single(message.Headers, h => h.Id == HeaderId.ListUnsubscribe).Value.Trim());
            Assert.Null(message.Headers["List-Unsubscribe-Post"]);
            Assert.True(keys.Verifies(copy.Data));
        }
        Assert.Single(_smarthost.Messages.Select(m => Encoding.ASCII.GetString(m.Data)).Distinct());
    }

    [Fact]
    public async Task With_verp_off_the_batch_stays_one_transaction_with_the_mailto_alone()
    {
        await using var daemon = await TestDaemon.StartAsync(_smarthost.HostPort, s => s.Delivery.Verp = false, directory: _directory);
        daemon.AddMembers(Members);

        await daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(Members.Length, Timeout);

        var copy = Assert.Single(_smarthost.Messages);
        Assert.Equal(Members.Order(), copy.Recipients.Order());
        Assert.Equal("<mailto:bayern-leave@lists.integreat.example>", copy.ToMimeMessage().Headers[HeaderId.ListUnsubscribe]?.Trim());
    }
}
