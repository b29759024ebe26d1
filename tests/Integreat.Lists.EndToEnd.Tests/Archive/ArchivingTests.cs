using Integreat.Lists.Core.Abstractions;
using Integreat.Lists.Core.Model;
using Integreat.Lists.EndToEnd.Tests.Infrastructure;
using Integreat.Lists.Testing;
using MimeKit;

namespace Integreat.Lists.EndToEnd.Tests.Archive;

/// <summary>Distributed posts are archived once, with their thread, and go out with List-Archive and Archived-At
/// (RFC 2369, RFC 5064); a list whose archive is off archives nothing and announces no archive.</summary>
public sealed class ArchivingTests : IAsyncLifetime
{
    static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    FakeSmarthost _smarthost = null!;
    TestDaemon _daemon = null!;

    public async Task InitializeAsync()
    {
        _smarthost = await FakeSmarthost.StartAsync();
        _daemon = await TestDaemon.StartAsync(_smarthost.HostPort, s =>
        {
            s.Web.BaseUrl = "https://lists.integreat.example/";
            s.Archive.SenderAddress = Core.Archiving.ArchiveOptions.Obfuscated;
        });
        _daemon.AddMembers(["erika@example.org", "max@example.net"]);
    }

    public async Task DisposeAsync()
    {
        await _daemon.DisposeAsync();
        await _smarthost.DisposeAsync();
    }

    [Fact]
    public async Task A_post_and_its_reply_are_archived_in_one_thread_and_carry_their_archive_links()
    {
        var first = Messages.Post("Erika Muster <erika@example.org>", "Fördermittel 2027", "Liebe Kolleginnen,\r\nwer hat schon Anträge gestellt?\r\n");
        await _daemon.PostAsync(first, "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(2, Timeout);
        var reply = Messages.Post("Max Mustermann <max@example.net>", "AW: [Bayern] Fördermittel 2027", "Wir haben im März beantragt.\r\n");
        reply.InReplyTo = first.MessageId;
        await _daemon.PostAsync(reply, "max@example.net", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(4, Timeout);

        var archive = _daemon.Get<IArchiveStore>();
        var posts = archive.ForList(TestDaemon.Bayern).OrderBy(p => p.ArchivedUtc).ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal([posts[0].Id, posts[0].Id], posts.Select(p => p.ThreadId));
        Assert.Equal(("Erika Muster", "erika@example.org", "[Bayern] Fördermittel 2027"), (posts[0].SenderName, posts[0].SenderAddress, posts[0].Subject));
        var delivered = _smarthost.Messages.Select(m => m.ToMimeMessage()).ToList();
        foreach (var post in posts)
        {
            var copies = delivered.Where(m => m.MessageId == post.MessageId).ToList();
            Assert.Equal(2, copies.Count);
            Assert.All(copies, m => Assert.Equal("<https://lists.integreat.example/archive/bayern@lists.integreat.example>", m.Headers["List-Archive"]));
            Assert.All(copies, m => Assert.Equal($"<https://lists.integreat.example/archive/bayern@lists.integreat.example/post/{post.Id}>", m.Headers["Archived-At"]));
            Assert.Contains("Archived-At: <https://", System.Text.Encoding.ASCII.GetString(archive.Raw(post)));
        }
    }

    [Fact]
    public async Task A_reply_without_references_joins_the_thread_of_its_subject()
    {
        await _daemon.PostAsync(Messages.Post("erika@example.org", "Netzwerktreffen"), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(2, Timeout);
        await _daemon.PostAsync(Messages.Post("max@example.net", "Re: [Bayern] Netzwerktreffen"), "max@example.net", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(4, Timeout);

        var posts = _daemon.Get<IArchiveStore>().ForList(TestDaemon.Bayern);
        Assert.Single(posts.Select(p => p.ThreadId).Distinct());
    }

    [Fact]
    public async Task A_list_whose_archive_is_off_archives_nothing_and_names_no_archive()
    {
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.Archive = ArchivePolicy.Off;
        lists.Update(list);

        await _daemon.PostAsync(Messages.Post("erika@example.org"), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(2, Timeout);

        Assert.Empty(_daemon.Get<IArchiveStore>().ForList(TestDaemon.Bayern));
        Assert.All(_smarthost.Messages, m => Assert.Null(m.ToMimeMessage().Headers["Archived-At"]));
        Assert.All(_smarthost.Messages, m => Assert.Null(m.ToMimeMessage().Headers["List-Archive"]));
    }

    [Fact]
    public async Task With_obfuscated_sender_addresses_a_post_page_shows_the_address_as_name_at_domain()
    {
        var lists = _daemon.Get<IListRepository>();
        var list = lists.Find(TestDaemon.Bayern)!;
        list.Archive = ArchivePolicy.Public;
        lists.Update(list);
        await _daemon.PostAsync(Messages.Post("Erika Muster <erika@example.org>"), "erika@example.org", TestDaemon.Bayern);
        await _smarthost.WaitForRecipientsAsync(2, Timeout);
        var post = Assert.Single(_daemon.Get<IArchiveStore>().ForList(TestDaemon.Bayern));

        using var http = new HttpClient { BaseAddress = await _daemon.WebUrlAsync() };
        var page = System.Net.WebUtility.HtmlDecode(await http.GetStringAsync($"/archive/{TestDaemon.Bayern}/post/{post.Id}"));

        Assert.Contains("Erika Muster (erika at example.org)", page);
        Assert.DoesNotContain("erika@example.org", page);
    }

    [Fact]
    public void The_state_lists_archive_for_members_by_default()
        => Assert.Equal(ArchivePolicy.Members, _daemon.Get<IListRepository>().Find(TestDaemon.Bayern)!.Archive);
}
